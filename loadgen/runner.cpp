// The Runner's event loop over the engine: requests sent and their replies handed to the flows,
// timers, the generator of new submissions, progress lines. Its phases are runner_phases.cpp.
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

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

}  // namespace pk::loadgen::detail
