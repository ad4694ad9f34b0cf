// The Runner: phases (enroll, load, verify), the event loop over the engine, and the figures.
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "domain/tracking_code.h"
#include "loadgen/runner.h"
#include "protocol/encoding.h"
#include "protocol/wire.h"

namespace pk::loadgen::detail {

milliseconds from_seconds(double seconds) {
  return milliseconds(static_cast<int64_t>(std::max(0.0, seconds) * 1000.0));
}

double ms_between(TimePoint from, TimePoint to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

// What the centre's reply to a transfer says about trying again (as sync/centre_client.cpp).
bool retryable(const Reply& reply) {
  return reply.status == 0 || reply.status == 408 || reply.status == 429 || reply.status >= 500;
}

std::string short_body(const std::string& body) {
  std::string text = body.substr(0, 160);
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return text;
}

std::string random_hex(size_t bytes) {
  std::vector<uint8_t> random(bytes);
  randombytes_buf(random.data(), random.size());
  return sync::to_hex(random);
}

std::shared_ptr<const std::vector<uint8_t>> bytes_of(const std::string& text) {
  return std::make_shared<const std::vector<uint8_t>>(text.begin(), text.end());
}

EngineOptions engine_options(const LoadOptions& options) {
  EngineOptions engine;
  engine.connect_timeout = from_seconds(options.connect_timeout_seconds);
  engine.total_timeout = from_seconds(options.request_timeout_seconds);
  engine.max_cached_connections = static_cast<long>(options.codes.size()) + 16;
  return engine;
}

Runner::Runner(const LoadOptions& o)
    : options(o), m_terminals(o.codes.size()), m_engine(std::make_unique<Engine>(engine_options(o))) {
  seed = o.seed;
  if (seed == 0) randombytes_buf(&seed, sizeof seed);
  rng.seed(seed);
  figures = {};
  run_start_unix = unix_now();
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "loadgen-%016llx-", static_cast<unsigned long long>(seed));
  boot_prefix = prefix;
  for (size_t i = 0; i < m_terminals.size(); ++i) {
    m_terminals[i].index = i;
    m_terminals[i].code = o.codes[i];
    m_terminals[i].pool = new_connection_pool();
    m_terminals[i].easy = new_easy_handle();
  }
}

void Runner::send(Terminal& t, std::string route, Call call, std::vector<long> accepted, Conn conn) {
  t.pending = PendingCall{m_phase, std::move(route), std::move(accepted)};
  // A terminal with nothing more to send closes its connection instead of leaving it idle at
  // the centre (--keep-idle-connections leaves that to the centre, as the terminal's own
  // HttpClient does).
  call.close_connection =
      conn == Conn::Close || (conn == Conn::CloseIfIdle && !options.keep_idle_connections && t.queue.empty());
  const size_t index = t.index;
  m_engine->start(t.easy.get(), t.pool.get(), t.tls, std::move(call),
                  [this, index](Reply&& reply) { on_reply(index, std::move(reply)); });
}

void Runner::fresh_connections() {
  // No call is in flight between phases: each pool may go, closing its connections.
  m_engine = std::make_unique<Engine>(engine_options(options));
  for (Terminal& t : m_terminals) {
    curl_easy_setopt(t.easy.get(), CURLOPT_SHARE, nullptr);
    t.pool = new_connection_pool();
  }
}

void Runner::reject(const std::string& why) {
  if (m_rejection != nullptr && m_rejection->empty()) *m_rejection = why;
}

void Runner::problem(const std::string& text) {
  if (check.problems.size() < kMaxSamples) check.problems.push_back(text);
}

void Runner::duplicate(size_t submission, const std::string& why) {
  if (m_duplicate_ids.insert(submission).second)
    problem("duplicate " + submissions[submission].tracking_code + ": " + why);
}

Next Runner::wait(Terminal& t, milliseconds delay) {
  t.wake_at = Clock::now() + delay;
  return Next::Wait;
}

void Runner::on_reply(size_t index, Reply&& reply) {
  Terminal& t = m_terminals[index];
  const PendingCall pending = std::move(t.pending);
  if (reply.cancelled || !t.flow) {
    drop_flow(t);
    return;
  }
  std::string rejection;
  m_rejection = &rejection;
  const Next next = t.flow->step(*this, t, &reply);
  m_rejection = nullptr;
  const bool accepted =
      std::find(pending.accepted.begin(), pending.accepted.end(), reply.status) != pending.accepted.end();
  std::string outcome;
  if (reply.status == 0)
    outcome = "curl:" + std::to_string(reply.curl_code) + " " + reply.error.substr(0, 60);
  else
    outcome = rejection.empty() ? std::to_string(reply.status) : "bad reply";
  const bool error = reply.status == 0 || !accepted || !rejection.empty();
  m_stats.add(pending.phase, pending.route, reply.ms, outcome, error);
  // A call that opened a connection: how long until the centre had finished the handshake
  // (queueing for its accept, TCP and TLS). Waiting here means the centre does not take
  // connections as fast as they come.
  if (reply.handshake_ms > 0)
    m_connections.add(pending.phase, "(new connection: TCP + TLS)", reply.handshake_ms, "done", false);
  if (error && m_error_samples.size() < kMaxSamples) {
    const std::string said = reply.status == 0    ? reply.error
                             : !rejection.empty() ? rejection
                                                  : short_body(reply.body);
    m_error_samples.push_back(
        pending.route + " (" + (t.terminal_id.empty() ? t.code.terminal_id : t.terminal_id) +
        "): " + (reply.status == 0 ? "no reply" : "HTTP " + std::to_string(reply.status)) + ": " + said);
  }
  after_step(t, next);
}

void Runner::after_step(Terminal& t, Next next) {
  switch (next) {
    case Next::Sent:
      return;
    case Next::Wait:
      t.waiting = true;
      m_timers.emplace(t.wake_at, t.index);
      return;
    case Next::Done:
      t.flow.reset();
      t.waiting = false;
      pump(t);
      return;
  }
}

void Runner::drop_flow(Terminal& t) {
  t.flow.reset();
  t.waiting = false;
}

void Runner::pump(Terminal& t) {
  // Bounded: every pass takes one action off the queue.
  while (!t.flow && !t.queue.empty()) {
    const Action action = t.queue.front();
    t.queue.pop_front();
    if (action.kind == ActionKind::Submit) {
      --t.queued_submissions;
      t.flow = make_submit_flow(action.submission);
    } else {
      t.flow = make_tick_flow(t);
    }
    const Next next = t.flow->step(*this, t, nullptr);
    if (next != Next::Done) return after_step(t, next);
    t.flow.reset();
  }
}

void Runner::on_timer(Terminal& t, TimePoint now) {
  if (t.flow && t.waiting && now >= t.wake_at) {
    t.waiting = false;
    after_step(t, t.flow->step(*this, t, nullptr));
  }
  if (m_generating && t.enrolled && now >= t.next_tick) {
    if (!t.tick_queued) {
      t.queue.push_back({ActionKind::Tick, 0});
      t.tick_queued = true;
    }
    t.next_tick += from_seconds(options.heartbeat_interval_seconds);
    m_timers.emplace(t.next_tick, t.index);
    pump(t);
  }
}

void Runner::new_submission(size_t terminal, bool burst) {
  Terminal& t = m_terminals[terminal];
  auto code = make_tracking_code(TrackingKind::Application, t.number, t.next_sequence++);
  if (!code) {
    problem(t.terminal_id + ": " + code.error().message);
    return;
  }
  SubmissionState s;
  s.terminal = terminal;
  s.tracking_code = std::move(code).value().digits();
  s.idempotency_key = random_hex(16);  // as the terminal's outbox: 128 random bits in hex
  s.burst = burst;
  s.replay = options.replay_percent > 0 &&
             std::uniform_real_distribution<double>(0, 100)(rng) < options.replay_percent;
  submissions.push_back(std::move(s));
  ++figures.planned;
  if (burst) ++figures.burst;
  t.queue.push_back({ActionKind::Submit, submissions.size() - 1});
  ++t.queued_submissions;
  pump(t);
}

void Runner::generate(TimePoint now) {
  if (!m_generating || m_enrolled.empty()) return;
  const double rate = options.submissions_per_second;
  // Bounded by the schedule's total.
  while (m_planned < m_planned_total &&
         now >= m_load_start + from_seconds(static_cast<double>(m_planned) / rate)) {
    ++m_planned;
    new_submission(m_enrolled[rng() % m_enrolled.size()], false);
  }
  if (!m_burst_done && now >= m_load_start + from_seconds(options.burst_at_seconds)) {
    m_burst_done = true;
    // All at once, each on another terminal as far as there are terminals.
    std::vector<size_t> order = m_enrolled;
    std::shuffle(order.begin(), order.end(), rng);
    for (int i = 0; i < options.burst; ++i)
      new_submission(order[static_cast<size_t>(i) % order.size()], true);
  }
}

void Runner::progress(TimePoint now, bool last) {
  if (!last && now < m_next_progress) return;
  m_next_progress = now + std::chrono::seconds(10);
  TimelinePoint point;
  point.seconds = ms_between(m_load_start, now) / 1000.0;
  point.requests = m_stats.requests("load");
  point.errors = m_stats.errors();
  point.in_flight = static_cast<int64_t>(m_engine->in_flight());
  point.sent = figures.sent;
  int64_t failed = 0;
  for (const auto& s : submissions) {
    point.acknowledged += s.stage == Stage::Acknowledged;
    failed += s.stage == Stage::Failed;
  }
  m_timeline.push_back(point);
  if (!options.progress) return;
  std::fprintf(
      stderr,
      "loadgen: load %.0f s: %lld requests, %lld in flight, %lld submissions sent, %lld acknowledged, "
      "%lld failed, %lld errors\n",
      point.seconds, static_cast<long long>(point.requests), static_cast<long long>(point.in_flight),
      static_cast<long long>(point.sent), static_cast<long long>(point.acknowledged),
      static_cast<long long>(failed), static_cast<long long>(point.errors));
}

LoopEnd Runner::loop(TimePoint deadline, const std::function<bool()>& finished) {
  // Bounded by the deadline: every pass waits at most 50 ms.
  while (true) {
    if (stop_now()) return LoopEnd::Interrupted;
    const TimePoint now = Clock::now();
    if (finished()) return LoopEnd::Finished;
    if (now >= deadline) return LoopEnd::Deadline;
    generate(now);
    while (!m_timers.empty() && m_timers.top().first <= now) {
      const size_t index = m_timers.top().second;
      m_timers.pop();
      on_timer(m_terminals[index], now);
    }
    if (m_phase == "load") progress(now);
    TimePoint next = std::min(deadline, now + milliseconds(50));
    if (!m_timers.empty()) next = std::min(next, m_timers.top().first);
    if (m_generating && m_planned < m_planned_total)
      next = std::min(
          next, m_load_start + from_seconds(static_cast<double>(m_planned) / options.submissions_per_second));
    const auto wait = std::chrono::duration_cast<milliseconds>(next - now);
    m_engine->step(std::clamp(wait, milliseconds(0), milliseconds(50)));
  }
}

void Runner::run_bounded(const std::vector<size_t>& terminals, int concurrency, TimePoint deadline,
                         const std::function<std::unique_ptr<Flow>(Terminal&)>& make) {
  size_t cursor = 0;
  std::vector<size_t> active;
  const auto finished = [&] {
    std::erase_if(active, [&](size_t i) { return !m_terminals[i].flow; });
    while (cursor < terminals.size() && active.size() < static_cast<size_t>(std::max(concurrency, 1))) {
      Terminal& t = m_terminals[terminals[cursor++]];
      t.flow = make(t);
      if (!t.flow) continue;
      after_step(t, t.flow->step(*this, t, nullptr));
      if (t.flow) active.push_back(t.index);
    }
    return cursor == terminals.size() && active.empty();
  };
  loop(deadline, finished);
  m_engine->cancel_all();
  for (const size_t i : active) drop_flow(m_terminals[i]);
}

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
