// The Runner's phases (enroll, load, verify) in the order run() takes them, and the figures
// they leave in the report; the event loop they run on is runner.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/tracking_code.h"
#include "loadgen/runner.h"
#include "protocol/encoding.h"
#include "protocol/wire.h"

namespace pk::loadgen::detail {

void Runner::enroll_phase(LoadReport& report) {
  m_phase = "enroll";
  const TimePoint start = Clock::now();
  std::vector<size_t> all(m_terminals.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  run_bounded(all, options.enroll_concurrency, start + from_seconds(options.enroll_seconds),
              [](Terminal&) { return make_enroll_flow(); });
  for (const Terminal& t : m_terminals) {
    if (t.enrolled) {
      m_enrolled.push_back(t.index);
    } else if (m_error_samples.size() < kMaxSamples) {
      m_error_samples.push_back("enroll " + (t.enroll_error.empty()
                                                 ? t.code.terminal_id + ": not finished in time"
                                                 : t.enroll_error));
    }
  }
  report.terminals_enrolled = static_cast<int>(m_enrolled.size());
  report.enroll_seconds = ms_between(start, Clock::now()) / 1000.0;
}

bool Runner::fetch_seal_key() {
  if (!options.seal) return true;
  run_bounded({m_enrolled.front()}, 1, Clock::now() + std::chrono::seconds(60),
              [](Terminal&) { return make_seal_key_flow(); });
  return have_seal_key;
}

void Runner::load_phase(LoadReport& report) {
  m_phase = "load";
  fresh_connections();
  m_load_start = Clock::now();
  if (options.progress)
    std::fprintf(stderr, "loadgen: %zu terminals enrolled; load started\n", m_enrolled.size());
  m_next_progress = m_load_start + std::chrono::seconds(10);
  m_generating = true;
  m_planned_total =
      static_cast<int64_t>(std::floor(options.submissions_per_second * options.duration_seconds));
  m_burst_done = options.burst <= 0;
  // First heartbeats spread evenly over the first interval.
  const auto interval = from_seconds(options.heartbeat_interval_seconds);
  for (size_t k = 0; k < m_enrolled.size(); ++k) {
    Terminal& t = m_terminals[m_enrolled[k]];
    t.next_tick = m_load_start + interval * static_cast<int64_t>(k) / static_cast<int64_t>(m_enrolled.size());
    m_timers.emplace(t.next_tick, t.index);
  }
  const TimePoint load_end = m_load_start + from_seconds(options.duration_seconds);
  LoopEnd end = loop(load_end, [] { return false; });
  m_generating = false;
  // No new rounds: what is queued of heartbeats goes; queued and running deliveries may finish.
  for (const size_t i : m_enrolled) {
    Terminal& t = m_terminals[i];
    std::erase_if(t.queue, [](const Action& a) { return a.kind == ActionKind::Tick; });
    t.tick_queued = t.flow && t.flow->kind() == FlowKind::Tick;
  }
  if (end != LoopEnd::Interrupted) {
    m_phase = "load";
    const auto idle = [&] {
      for (const size_t i : m_enrolled)
        if (m_terminals[i].flow || !m_terminals[i].queue.empty()) return false;
      return true;
    };
    end = loop(load_end + from_seconds(options.drain_seconds), idle);
  }
  report.interrupted = end == LoopEnd::Interrupted;
  progress(Clock::now(), true);
  m_engine->cancel_all();
  for (const size_t i : m_enrolled) {
    Terminal& t = m_terminals[i];
    drop_flow(t);
    t.queue.clear();
  }
  report.load_seconds = ms_between(m_load_start, Clock::now()) / 1000.0;
}

void Runner::verified(size_t id, const Reply& reply) {
  const SubmissionState& s = submissions[id];
  const bool acknowledged = s.stage == Stage::Acknowledged;
  std::optional<sync::ApplicationStatus> status;
  if (reply.status == 200) {
    auto parsed = sync::parse_application_status(reply.body);
    if (!parsed || parsed->tracking_code != s.tracking_code) {
      reject(parsed ? "the reply is about " + parsed->tracking_code : parsed.error().message);
      if (acknowledged) unverified(id, "a reply that does not parse");
      return;
    }
    status = std::move(parsed).value();
  }
  if (!acknowledged) {
    bool complete =
        status && status->status != sync::CentreStatus::Receiving && status->pages.size() == s.pages.size();
    for (size_t i = 0; complete && i < s.pages.size(); ++i)
      complete = status->pages[i].complete && status->pages[i].sealed_sha256_hex == s.pages[i].sha256_hex;
    ++(complete ? check.unacknowledged_complete : check.unacknowledged_other);
    return;
  }
  ++check.checked;
  if (!status) {
    ++check.lost;
    problem("lost " + s.tracking_code + ": the centre does not know it (404)");
    return;
  }
  if (status->pages.size() > s.pages.size()) {
    duplicate(id, "the centre holds " + std::to_string(status->pages.size()) + " pages, " +
                      std::to_string(s.pages.size()) + " were sent");
    return;
  }
  bool mismatch = status->pages.size() != s.pages.size();
  bool incomplete = status->status == sync::CentreStatus::Receiving;
  for (size_t i = 0; i < std::min(status->pages.size(), s.pages.size()); ++i) {
    const sync::PageStatus& page = status->pages[i];
    if (page.sealed_sha256_hex != s.pages[i].sha256_hex || page.sealed_size != s.pages[i].sealed_size)
      mismatch = true;
    if (!page.complete) incomplete = true;
    if (page.upload_path != s.pages[i].upload_path)
      duplicate(id, "page " + std::to_string(i + 1) + " has another upload now");
  }
  if (mismatch) {
    ++check.mismatches;
    problem("mismatch " + s.tracking_code + ": a page's size or SHA-256 is not what was sent");
  } else if (incomplete) {
    ++check.lost;
    problem("lost " + s.tracking_code + ": status " + std::string(sync::to_string(status->status)) +
            ", not every page complete");
  } else if (!m_duplicate_ids.contains(id)) {
    ++check.intact;
  }
}

void Runner::unverified(size_t id, const std::string& why) {
  if (submissions[id].stage != Stage::Acknowledged) {
    ++check.unacknowledged_other;
    return;
  }
  ++check.checked;
  ++check.unverified;
  problem("unverified " + submissions[id].tracking_code + ": " + why);
}

void Runner::verify_phase(LoadReport& report) {
  m_phase = "verify";
  fresh_connections();
  std::vector<size_t> with_sent;
  for (const size_t i : m_enrolled)
    if (!m_terminals[i].sent.empty()) with_sent.push_back(i);
  run_bounded(with_sent, options.check_concurrency, Clock::now() + from_seconds(options.verify_seconds),
              [](Terminal& t) { return make_verify_flow(t.sent); });
  report.verified = !aborted();
}

void Runner::finish_figures(LoadReport& report) {
  std::vector<double> ack;
  for (const SubmissionState& s : submissions) {
    switch (s.stage) {
      case Stage::Queued:
        ++figures.not_sent;
        break;
      case Stage::UnderWay:
        ++figures.cut_off;
        break;
      case Stage::Acknowledged:
        ++figures.acknowledged;
        ack.push_back(s.ack_ms);
        break;
      case Stage::Failed:
        ++figures.failed;
        break;
    }
    figures.confirmed += s.confirmed;
  }
  std::sort(ack.begin(), ack.end());
  figures.ack_p50_ms = percentile(ack, 50);
  figures.ack_p99_ms = percentile(ack, 99);
  figures.ack_max_ms = ack.empty() ? 0 : ack.back();
  // Acknowledged submissions that the verification could not reach in time are unverified.
  int64_t looked_up = check.checked;
  if (report.verified && looked_up < figures.acknowledged) {
    check.unverified += figures.acknowledged - looked_up;
    problem(std::to_string(figures.acknowledged - looked_up) +
            " acknowledged submission(s) not looked up in time");
    check.checked = figures.acknowledged;
  }
  check.duplicates = static_cast<int64_t>(m_duplicate_ids.size());
  report.submissions = figures;
  report.check = check;
  report.routes = m_stats.summaries();
  for (RouteSummary& connections : m_connections.summaries()) report.routes.push_back(std::move(connections));
  const auto rank = [](const std::string& phase) { return phase == "enroll" ? 0 : phase == "load" ? 1 : 2; };
  std::stable_sort(
      report.routes.begin(), report.routes.end(),
      [&](const RouteSummary& a, const RouteSummary& b) { return rank(a.phase) < rank(b.phase); });
  report.request_errors = m_stats.errors();
  report.error_samples = m_error_samples;
  report.timeline = m_timeline;
  report.load_requests = m_stats.requests("load");
  report.requests_per_second =
      report.load_seconds > 0 ? static_cast<double>(report.load_requests) / report.load_seconds : 0;
}

LoadReport Runner::run() {
  LoadReport report;
  report.terminals_requested = static_cast<int>(m_terminals.size());
  enroll_phase(report);
  if (interrupted()) report.interrupted = true;
  if (!m_enrolled.empty() && !report.interrupted) {
    if (!fetch_seal_key()) {
      problem("no sealing key from GET /v1/seal/key: nothing sealed, no load run");
    } else {
      load_phase(report);
    }
  }
  if (interrupted()) report.interrupted = true;
  if (!aborted()) verify_phase(report);
  if (interrupted()) report.interrupted = true;
  finish_figures(report);
  return report;
}

}  // namespace pk::loadgen::detail
