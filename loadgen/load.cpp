#include "loadgen/load.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <queue>
#include <random>
#include <set>
#include <unordered_map>

#include "domain/tracking_code.h"
#include "loadgen/engine.h"
#include "loadgen/enroll.h"
#include "protocol/encoding.h"
#include "protocol/sealing.h"
#include "protocol/tus_headers.h"
#include "protocol/wire.h"

namespace pk::loadgen {
namespace {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using std::chrono::milliseconds;

milliseconds from_seconds(double seconds) {
  return milliseconds(static_cast<int64_t>(std::max(0.0, seconds) * 1000.0));
}

double ms_between(TimePoint from, TimePoint to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

int64_t unix_now() { return static_cast<int64_t>(std::time(nullptr)); }

constexpr size_t kMaxSamples = 20;  // error samples and problems kept for the report

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

struct PageSent {
  int64_t byte_size = 0;
  int64_t sealed_size = 0;
  std::string sha256_hex;
  std::string upload_path;  // as the centre's first reply named it
};

enum class Stage { Queued, UnderWay, Acknowledged, Failed };

struct SubmissionState {
  size_t terminal = 0;
  std::string tracking_code;
  std::string idempotency_key;
  bool burst = false;
  bool replay = false;  // post it again once delivered, to see the centre replay it
  Stage stage = Stage::Queued;
  bool sent = false;
  bool confirmed = false;
  bool final_status = false;
  int created_replies = 0;  // 201s: more than one is a duplicate
  std::vector<PageSent> pages;
  TimePoint first_post{};
  double ack_ms = 0;
};

enum class ActionKind { Tick, Submit };
struct Action {
  ActionKind kind = ActionKind::Tick;
  size_t submission = 0;
};

class Runner;
struct Terminal;

enum class Next { Sent, Wait, Done };

// What becomes of the connection after a call.
enum class Conn {
  Reuse,        // the flow has more to send
  CloseIfIdle,  // the flow's last call: closed when the terminal has nothing queued, unless
                // --keep-idle-connections (the terminal's own HttpClient leaves it to the centre)
  Close,        // always closed (the terminal's enrollment clients live for one call; the check)
};

// One piece of a terminal's work (a delivery, a heartbeat round, ...): step() is called first
// without a reply, then with the reply to each call it made, and after a Wait without a reply
// again (it then sends its last call once more).
class Flow {
 public:
  virtual ~Flow() = default;
  virtual Next step(Runner& run, Terminal& terminal, const Reply* reply) = 0;
};

struct PendingCall {
  std::string phase;
  std::string route;
  std::vector<long> accepted;
};

struct Terminal {
  size_t index = 0;
  CodeLine code;
  ConnectionPool pool;  // before `easy`: freed after it
  EasyHandle easy;
  TlsIdentity tls;
  bool enrolled = false;
  std::string enroll_error;
  std::string terminal_id;
  std::string office;
  int number = 0;
  std::string seal_public_key_hex;
  std::deque<Action> queue;
  std::unique_ptr<Flow> flow;
  PendingCall pending;
  bool waiting = false;
  TimePoint wake_at{};
  TimePoint next_tick{};
  bool tick_queued = false;
  int ticks = 0;
  int64_t clock_events = 0;
  int64_t next_sequence = 1;
  int64_t queued_submissions = 0;
  std::vector<size_t> delivered;  // acknowledged submissions: what the status polls ask about
  size_t poll_cursor = 0;
  std::vector<size_t> sent;  // every submission posted: what the verification looks up
};

enum class LoopEnd { Finished, Deadline, Interrupted };

class Runner {
 public:
  explicit Runner(const LoadOptions& options);
  LoadReport run();

  // For the flows.
  void send(Terminal& terminal, std::string route, Call call, std::vector<long> accepted, Conn conn);
  // The reply being handled has an accepted status but does not check out.
  void reject(const std::string& why);
  void problem(const std::string& text);
  void duplicate(size_t submission, const std::string& why);
  Next wait(Terminal& terminal, milliseconds delay);
  void verified(size_t submission, const Reply& reply);
  void unverified(size_t submission, const std::string& why);

  const LoadOptions& options;
  std::vector<SubmissionState> submissions;
  std::unordered_map<std::string, std::pair<size_t, size_t>> upload_owner;  // path -> (submission, page)
  store::PublicKey seal_key{};
  bool have_seal_key = false;
  std::mt19937_64 rng;
  int64_t run_start_unix = 0;
  std::string boot_prefix;
  SubmissionFigures figures;
  CheckFigures check;
  uint64_t seed = 0;

 private:
  void on_reply(size_t index, Reply&& reply);
  void after_step(Terminal& terminal, Next next);
  void pump(Terminal& terminal);
  void drop_flow(Terminal& terminal);
  void on_timer(Terminal& terminal, TimePoint now);
  LoopEnd loop(TimePoint deadline, const std::function<bool()>& finished);
  void generate(TimePoint now);
  void new_submission(size_t terminal, bool burst);
  void progress(TimePoint now, bool last = false);
  [[nodiscard]] bool interrupted() const {
    return options.stop_requests != nullptr && options.stop_requests->load() >= 1;
  }
  // What ends the current phase's loop: one stop request for enrollment and load, two for the
  // verification (the first stop still checks what was acknowledged).
  [[nodiscard]] bool stop_now() const {
    return options.stop_requests != nullptr && options.stop_requests->load() >= (m_phase == "verify" ? 2 : 1);
  }
  [[nodiscard]] bool aborted() const {
    return options.stop_requests != nullptr && options.stop_requests->load() >= 2;
  }
  // Each phase starts with no connection left open by the one before.
  void fresh_connections();
  void enroll_phase(LoadReport& report);
  bool fetch_seal_key();
  void load_phase(LoadReport& report);
  void verify_phase(LoadReport& report);
  void run_bounded(const std::vector<size_t>& terminals, int concurrency, TimePoint deadline,
                   const std::function<std::unique_ptr<Flow>(Terminal&)>& make);
  void finish_figures(LoadReport& report);

  std::vector<Terminal> m_terminals;
  std::vector<size_t> m_enrolled;
  RouteStats m_stats;
  RouteStats m_connections;  // handshakes, apart: they are not requests
  std::vector<std::string> m_error_samples;
  std::string m_phase = "enroll";
  std::string* m_rejection = nullptr;
  std::priority_queue<std::pair<TimePoint, size_t>, std::vector<std::pair<TimePoint, size_t>>, std::greater<>>
      m_timers;
  bool m_generating = false;
  TimePoint m_load_start{};
  int64_t m_planned_total = 0;
  int64_t m_planned = 0;
  bool m_burst_done = true;
  TimePoint m_next_progress{};
  std::vector<TimelinePoint> m_timeline;
  std::set<size_t> m_duplicate_ids;
  // Last: destroyed first, so no transfer outlives the terminals' handles and identities.
  std::unique_ptr<Engine> m_engine;
};

// ---------------------------------------------------------------------------------------------
// Flows

class EnrollFlow : public Flow {
 public:
  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      if (!m_pending) {
        auto pending = prepare_enrollment(t.code.code);
        if (!pending) {
          t.enroll_error = t.code.terminal_id + ": " + pending.error().message;
          run.problem("enroll " + t.enroll_error);
          return Next::Done;
        }
        m_pending = std::make_unique<PendingEnrollment>(std::move(pending).value());
      }
      return m_stage == Stage::Enroll ? post(run, t) : health(run, t);
    }
    if (m_stage == Stage::Enroll) {
      if (reply->status == 200) {
        auto enrolled = accept_enroll_reply(*m_pending, reply->body, run.options.centre_pin);
        if (!enrolled) {
          run.reject(enrolled.error().message);
          t.enroll_error = t.code.terminal_id + ": " + enrolled.error().message;
          return Next::Done;
        }
        t.terminal_id = enrolled->terminal_id;
        t.office = enrolled->office;
        t.number = enrolled->terminal_number;
        t.seal_public_key_hex = enrolled->seal_public_key_hex;
        t.tls = std::move(enrolled->tls);
        if (t.terminal_id != t.code.terminal_id)
          run.problem("enroll: the code for " + t.code.terminal_id + " enrolled " + t.terminal_id);
        m_stage = Stage::Health;
        m_failures = 0;
        return health(run, t);
      }
      return failed(run, t, *reply);
    }
    if (reply->status == 200) {
      t.enrolled = true;
      return Next::Done;
    }
    return failed(run, t, *reply);
  }

 private:
  enum class Stage { Enroll, Health };

  Next post(Runner& run, Terminal& t) {
    t.tls = TlsIdentity{{}, {}, {}, run.options.centre_pin};  // no certificate yet: the pin alone
    Call call{sync::Method::Post,
              run.options.centre.base_url + "/v1/enroll",
              {{"Content-Type", "application/json"}},
              bytes_of(m_pending->request_json)};
    // Closed after it, as the terminal's enrollment client is: the next call has a certificate,
    // so it could not use this connection anyway.
    run.send(t, "POST /v1/enroll", std::move(call), {200}, Conn::Close);
    return Next::Sent;
  }

  Next health(Runner& run, Terminal& t) {
    // The terminal's proof that the centre takes the certificate it just issued.
    run.send(t, "GET /v1/health", Call{sync::Method::Get, run.options.centre.base_url + "/v1/health"}, {200},
             Conn::Close);
    return Next::Sent;
  }

  Next failed(Runner& run, Terminal& t, const Reply& reply) {
    const std::string why = reply.status == 0
                                ? reply.error
                                : "HTTP " + std::to_string(reply.status) + " " + short_body(reply.body);
    if (retryable(reply) && ++m_failures <= run.options.retries) return run.wait(t, milliseconds(1000));
    t.enroll_error = t.code.terminal_id + ": " + why;
    return Next::Done;
  }

  std::unique_ptr<PendingEnrollment> m_pending;
  Stage m_stage = Stage::Enroll;
  int m_failures = 0;
};

class SealKeyFlow : public Flow {
 public:
  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      run.send(t, "GET /v1/seal/key", Call{sync::Method::Get, run.options.centre.base_url + "/v1/seal/key"},
               {200}, Conn::Close);
      return Next::Sent;
    }
    if (reply->status != 200) return Next::Done;
    const auto document = nlohmann::json::parse(reply->body, nullptr, false);
    auto key =
        document.is_object() && document.contains("public_key_hex") && document["public_key_hex"].is_string()
            ? sync::from_hex(document["public_key_hex"].get<std::string>())
            : Result<std::vector<uint8_t>>(make_error("no public_key_hex"));
    if (!key || key->size() != run.seal_key.size()) {
      run.reject("GET /v1/seal/key: not a 32-byte key in public_key_hex");
      return Next::Done;
    }
    std::copy(key->begin(), key->end(), run.seal_key.begin());
    run.have_seal_key = true;
    if (sync::to_hex(*key) != t.seal_public_key_hex)
      run.problem("the sealing key at /v1/seal/key is not the one enrollment handed over");
    return Next::Done;
  }
};

// A status poll round, then heartbeat, notices and ledger rows: what the terminal's sync worker
// does every minute (sync/sync_worker.cpp).
class TickFlow : public Flow {
 public:
  explicit TickFlow(Terminal& t) : m_terminal(t) {}
  ~TickFlow() override { m_terminal.tick_queued = false; }

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply == nullptr) {
      if (m_stage == Stage::Start) {
        // Least recently asked first, at most status_batch, only those not final.
        const size_t count = t.delivered.size();
        for (size_t i = 0; i < count && m_poll.size() < static_cast<size_t>(run.options.status_batch); ++i) {
          const size_t id = t.delivered[(t.poll_cursor + i) % count];
          if (!run.submissions[id].final_status) m_poll.push_back(id);
        }
        if (count > 0) t.poll_cursor = (t.poll_cursor + m_poll.size()) % count;
        m_stage = Stage::Poll;
      }
      return resend(run, t);
    }
    switch (m_stage) {
      case Stage::Start:
        break;
      case Stage::Poll: {
        const SubmissionState& s = run.submissions[m_poll[m_next]];
        if (reply->status != 200) {
          m_next = m_poll.size();  // the centre or the link is in trouble: the rest next round
        } else {
          auto status = sync::parse_application_status(reply->body);
          if (!status || status->tracking_code != s.tracking_code) {
            run.reject(status ? "the reply is about " + status->tracking_code : status.error().message);
          } else if (sync::is_final(status->status)) {
            run.submissions[m_poll[m_next]].final_status = true;
          }
          ++m_next;
        }
        return resend(run, t);
      }
      case Stage::Heartbeat: {
        if (reply->status != 200) return Next::Done;  // as the terminal: the rest waits for the next round
        const auto document = nlohmann::json::parse(reply->body, nullptr, false);
        if (!document.is_object() || !document.contains("server_time_unix") ||
            !document["server_time_unix"].is_number_integer()) {
          run.reject("heartbeat reply without server_time_unix");
          return Next::Done;
        }
        m_centre_offset = document["server_time_unix"].get<int64_t>() - unix_now();
        m_stage = Stage::Notices;
        return resend(run, t);
      }
      case Stage::Notices: {
        if (reply->status != 200) return Next::Done;
        if (auto notices = sync::parse_notices(reply->body); !notices) run.reject(notices.error().message);
        m_stage = Stage::Ledger;
        m_upload = ledger_upload(run, t);
        return resend(run, t);
      }
      case Stage::Ledger: {
        if (reply->status != 200) return Next::Done;
        auto receipt = sync::parse_ledger_receipt(reply->body);
        const sync::LedgerReceipt sent{static_cast<int64_t>(m_upload.changes.outages.size()),
                                       static_cast<int64_t>(m_upload.changes.runs.size()),
                                       static_cast<int64_t>(m_upload.changes.clock_events.size())};
        if (!receipt)
          run.reject(receipt.error().message);
        else if (*receipt != sent)
          run.reject("the centre stored other ledger counts than sent");
        else
          ++t.ticks;
        return Next::Done;
      }
    }
    return Next::Done;
  }

 private:
  enum class Stage { Start, Poll, Heartbeat, Notices, Ledger };

  Next resend(Runner& run, Terminal& t) {
    const std::string& base = run.options.centre.base_url;
    if (m_stage == Stage::Poll) {
      if (m_next < m_poll.size()) {
        run.send(t, "GET /v1/applications/{code}",
                 Call{sync::Method::Get,
                      base + "/v1/applications/" + run.submissions[m_poll[m_next]].tracking_code},
                 {200}, Conn::Reuse);
        return Next::Sent;
      }
      m_stage = Stage::Heartbeat;
    }
    if (m_stage == Stage::Heartbeat) {
      const std::string body = nlohmann::json{
          {"version", sync::kWireVersion},
          {"terminal_id", t.terminal_id},
          {"pending_outbox",
           t.queued_submissions}}.dump();
      Call call{
          sync::Method::Post, base + "/v1/heartbeat", {{"Content-Type", "application/json"}}, bytes_of(body)};
      run.send(t, "POST /v1/heartbeat", std::move(call), {200}, Conn::Reuse);
      return Next::Sent;
    }
    if (m_stage == Stage::Notices) {
      run.send(t, "GET /v1/notices", Call{sync::Method::Get, base + "/v1/notices"}, {200}, Conn::Reuse);
      return Next::Sent;
    }
    const std::string body = sync::to_json(m_upload);
    Call call{
        sync::Method::Post, base + "/v1/ledger", {{"Content-Type", "application/json"}}, bytes_of(body)};
    run.send(t, "POST /v1/ledger", std::move(call), {200}, Conn::CloseIfIdle);
    return Next::Sent;
  }

  // This run's row (it grows), the clock offset the heartbeat just measured, and for every
  // tenth terminal a printer outage: open on its first round, closed on its second.
  sync::LedgerUpload ledger_upload(Runner& run, Terminal& t) const {
    sync::LedgerUpload upload;
    upload.terminal_id = t.terminal_id;
    const int64_t now = unix_now();
    const std::string boot_id = run.boot_prefix + std::to_string(t.index);
    sla::RunChange row;
    row.id = 1;
    row.run.boot_id = boot_id;
    row.run.start_unix = run.run_start_unix;
    row.run.monotonic_duration_ms = std::max<int64_t>(0, now - run.run_start_unix) * 1000;
    row.run.last_wall_unix = now;
    upload.changes.runs.push_back(row);
    sla::ClockEventChange clock;
    clock.id = t.clock_events + 1;
    clock.event.kind = sla::ClockEventKind::CentreSync;
    clock.event.at_unix = now;
    clock.event.offset_seconds = m_centre_offset;
    upload.changes.clock_events.push_back(clock);
    if (t.index % 10 == 0 && t.ticks < 2) {
      sla::OutageChange outage;
      outage.outage.id = 1;
      outage.outage.cause = sla::OutageCause::PrinterDown;
      outage.outage.start_unix = run.run_start_unix;
      outage.boot_id = boot_id;
      if (t.ticks == 1) {
        outage.outage.end = sla::OutageEnd::Observed;
        outage.outage.end_unix = now;
        outage.outage.monotonic_duration_ms = std::max<int64_t>(0, now - run.run_start_unix) * 1000;
      }
      upload.changes.outages.push_back(outage);
    }
    return upload;
  }

  Terminal& m_terminal;
  Stage m_stage = Stage::Start;
  std::vector<size_t> m_poll;
  size_t m_next = 0;
  int64_t m_centre_offset = 0;
  sync::LedgerUpload m_upload;
};

// One application delivered as the terminal's delivery does it (sync/delivery.cpp).
class SubmitFlow : public Flow {
 public:
  explicit SubmitFlow(size_t id) : m_id(id) {}

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    SubmissionState& s = run.submissions[m_id];
    if (reply == nullptr) {
      if (!m_body) {
        if (auto made = prepare(run, t, s); !made) {
          run.problem(s.tracking_code + ": " + made.error().message);
          s.stage = Stage::Failed;
          return Next::Done;
        }
      }
      return post(run, t, s);  // first try, or the whole delivery again after a failure
    }
    switch (m_stage) {
      case Step::Post:
        return on_post(run, t, s, *reply);
      case Step::Patch:
        return on_patch(run, t, s, *reply);
      case Step::Confirm:
        return on_confirm(run, t, s, *reply);
      case Step::Replay:
        return on_replay(run, s, *reply);
    }
    return Next::Done;
  }

 private:
  enum class Step { Post, Patch, Confirm, Replay };

  Result<void> prepare(Runner& run, Terminal& t, SubmissionState& s) {
    const LoadOptions& o = run.options;
    sync::Submission submission;
    submission.tracking_code = s.tracking_code;
    submission.kind = "application";
    submission.service_number = 1 + static_cast<int64_t>(run.rng() % 23);
    submission.channel = run.rng() % 4 == 0 ? "counter" : "kiosk";
    if (submission.channel == "counter") submission.operator_id = "1001";
    submission.terminal_id = t.terminal_id;
    submission.created_at_unix = unix_now();
    const std::string personal = nlohmann::json{
        {"national_id", std::to_string(1000000000 + run.rng() % 900000000)},
        {"name", "load generator"}}.dump();
    std::vector<uint8_t> personal_bytes(personal.begin(), personal.end());
    if (o.seal) {
      auto sealed = store::seal(personal_bytes, run.seal_key);
      if (!sealed) return sealed.error();
      personal_bytes = std::move(sealed).value();
    }
    submission.sealed_personal_base64 = sync::to_base64(personal_bytes);
    s.pages.clear();
    for (int i = 0; i < o.pages; ++i) {
      std::vector<uint8_t> clear(static_cast<size_t>(o.page_bytes));
      randombytes_buf(clear.data(), clear.size());
      std::vector<uint8_t> sealed;
      if (o.seal) {
        auto made = store::seal(clear, run.seal_key);
        if (!made) return made.error();
        sealed = std::move(made).value();
      } else {
        sealed = std::move(clear);
      }
      const sync::Digest digest = sync::sha256(sealed);
      const auto sealed_size = static_cast<int64_t>(sealed.size());
      s.pages.push_back({o.page_bytes, sealed_size, sync::to_hex(digest), {}});
      submission.pages.push_back(
          {"national_card", i + 1, "image/jpeg", o.page_bytes, sealed_size, sync::to_hex(digest)});
      m_digests.push_back(digest);
      m_pages.push_back(std::make_shared<const std::vector<uint8_t>>(std::move(sealed)));
    }
    const std::string body = sync::to_json(submission);
    m_digest_header = "sha-256=" + sync::to_base64(sync::sha256(body));
    m_body = bytes_of(body);
    return {};
  }

  Next post(Runner& run, Terminal& t, SubmissionState& s) {
    m_stage = Step::Post;
    if (!s.sent) {
      s.sent = true;
      s.first_post = Clock::now();
      t.sent.push_back(m_id);
      ++run.figures.sent;
    }
    s.stage = Stage::UnderWay;
    run.send(t, "POST /v1/applications", application_post(run, s), {200, 201}, Conn::Reuse);
    return Next::Sent;
  }

  Call application_post(Runner& run, const SubmissionState& s) const {
    Call call{sync::Method::Post,
              run.options.centre.base_url + "/v1/applications",
              {{"Content-Type", "application/json"},
               {"Idempotency-Key", s.idempotency_key},
               {"Digest", m_digest_header}},
              m_body};
    return call;
  }

  Next retry(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (!retryable(reply)) {
      s.stage = Stage::Failed;  // a refusal a retry cannot change
      return Next::Done;
    }
    if (++m_failures > run.options.retries) {
      s.stage = Stage::Failed;
      run.problem(s.tracking_code + ": given up after " + std::to_string(run.options.retries) + " retries");
      return Next::Done;
    }
    return run.wait(t, milliseconds(1000 << std::min(m_failures - 1, 3)));
  }

  // The pages and upload URLs of the centre's reply, held against what this submission sent.
  bool take_upload_paths(Runner& run, SubmissionState& s, const sync::ApplicationStatus& status) {
    if (status.tracking_code != s.tracking_code || status.pages.size() != s.pages.size()) {
      run.reject("the reply is about another application or page count");
      return false;
    }
    for (size_t i = 0; i < s.pages.size(); ++i) {
      const std::string& path = status.pages[i].upload_path;
      if (s.pages[i].upload_path.empty()) {
        s.pages[i].upload_path = path;
        auto [it, inserted] = run.upload_owner.emplace(path, std::make_pair(m_id, i));
        if (!inserted && it->second != std::make_pair(m_id, i))
          run.duplicate(m_id, "page " + std::to_string(i + 1) + " got the upload of " +
                                  run.submissions[it->second.first].tracking_code);
      } else if (s.pages[i].upload_path != path) {
        run.duplicate(m_id, "page " + std::to_string(i + 1) + " got a second upload");
      }
    }
    return true;
  }

  Next on_post(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status != 200 && reply.status != 201) {
      if (reply.status == 409 || reply.status == 422)
        run.duplicate(m_id, "HTTP " + std::to_string(reply.status));
      return retry(run, t, s, reply);
    }
    if (reply.status == 201 && ++s.created_replies > 1) run.duplicate(m_id, "a second 201 for one key");
    auto status = sync::parse_application_status(reply.body);
    if (!status) {
      run.reject(status.error().message);
      return retry(run, t, s, Reply{});
    }
    if (!take_upload_paths(run, s, *status)) return retry(run, t, s, Reply{});
    m_status = std::move(status).value();
    m_page = 0;
    return next_page(run, t, s);
  }

  Next next_page(Runner& run, Terminal& t, SubmissionState& s) {
    while (m_page < s.pages.size() && m_status.pages[m_page].complete) ++m_page;
    if (m_page == s.pages.size()) return acknowledged(run, t, s);
    auto url = upload_url(run.options.centre, s.pages[m_page].upload_path);
    if (!url) {
      run.problem(s.tracking_code + ": " + url.error().message);
      s.stage = Stage::Failed;
      return Next::Done;
    }
    m_url = std::move(url).value();
    // As the terminal's delivery: the application's reply gave the page's offset, so no HEAD
    // (a stale one is refused with 409 and the whole delivery starts again from the POST).
    const int64_t size = s.pages[m_page].sealed_size;
    const sync::PageStatus& reported = m_status.pages[m_page];
    if (reported.sealed_size != size || reported.received < 0 || reported.received > size) {
      run.reject("the application's reply gives page " + std::to_string(m_page + 1) + " an offset of " +
                 std::to_string(reported.received) + " of " + std::to_string(reported.sealed_size) +
                 " bytes");
      return retry(run, t, s, Reply{});
    }
    m_offset = reported.received;
    if (m_offset == size) {
      ++m_page;
      return next_page(run, t, s);
    }
    return patch(run, t);
  }

  Next patch(Runner& run, Terminal& t) {
    const auto& page = m_pages[m_page];
    const int64_t size = static_cast<int64_t>(page->size());
    m_chunk = std::min<int64_t>(static_cast<int64_t>(run.options.chunk_bytes), size - m_offset);
    const std::span<const uint8_t> chunk(page->data() + m_offset, static_cast<size_t>(m_chunk));
    const sync::Digest digest = m_chunk == size ? m_digests[m_page] : sync::sha256(chunk);
    Call call{sync::Method::Patch,
              m_url,
              {{"Tus-Resumable", std::string(sync::tus::kVersion)},
               {"Content-Type", std::string(sync::tus::kOffsetContentType)},
               {"Upload-Offset", std::to_string(m_offset)},
               {"Upload-Checksum", sync::tus::checksum_header(digest)}},
              page};
    call.body = chunk;
    m_stage = Step::Patch;
    run.figures.bytes_uploaded += m_chunk;
    run.send(t, "PATCH /v1/uploads/{id}", std::move(call), {200, 204}, Conn::Reuse);
    return Next::Sent;
  }

  Next on_patch(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status != 200 && reply.status != 204) {
      if (reply.status == 404 || reply.status == 410 || reply.status == 412 || reply.status == 413) {
        s.stage = Stage::Failed;  // not something a retry fixes (as the terminal's tus client)
        return Next::Done;
      }
      return retry(
          run, t, s,
          reply.status == 409 || reply.status == sync::tus::kStatusChecksumMismatch ? Reply{} : reply);
    }
    const std::string* offset = reply.header("upload-offset");
    auto parsed = offset != nullptr ? sync::tus::parse_length(*offset) : Result<int64_t>(make_error("none"));
    if (!parsed || *parsed != m_offset + m_chunk) {
      run.reject("PATCH reply offset is not " + std::to_string(m_offset + m_chunk));
      return retry(run, t, s, Reply{});
    }
    m_offset = *parsed;
    if (m_offset < s.pages[m_page].sealed_size) return patch(run, t);
    ++m_page;
    return next_page(run, t, s);
  }

  Next acknowledged(Runner& run, Terminal& t, SubmissionState& s) {
    s.stage = Stage::Acknowledged;
    s.ack_ms = ms_between(s.first_post, Clock::now());
    t.delivered.push_back(m_id);
    m_pages.clear();  // every byte is at the centre: only sizes and digests are kept
    m_stage = Step::Confirm;
    run.send(t, "GET /v1/applications/{code}",
             Call{sync::Method::Get, run.options.centre.base_url + "/v1/applications/" + s.tracking_code},
             {200}, s.replay ? Conn::Reuse : Conn::CloseIfIdle);
    return Next::Sent;
  }

  Next on_confirm(Runner& run, Terminal& t, SubmissionState& s, const Reply& reply) {
    if (reply.status == 200) {
      auto status = sync::parse_application_status(reply.body);
      if (!status || status->tracking_code != s.tracking_code) {
        run.reject(status ? "the reply is about " + status->tracking_code : status.error().message);
      } else {
        bool all = status->pages.size() == s.pages.size() && status->status != sync::CentreStatus::Receiving;
        for (size_t i = 0; all && i < s.pages.size(); ++i) {
          const sync::PageStatus& page = status->pages[i];
          all = page.complete && page.sealed_sha256_hex == s.pages[i].sha256_hex &&
                page.sealed_size == s.pages[i].sealed_size;
        }
        if (all)
          s.confirmed = true;
        else
          run.problem(s.tracking_code + ": acknowledged, but its status call does not confirm every page");
      }
    }
    if (!s.replay) return Next::Done;
    // A terminal that lost the centre's reply posts the same thing again with the same key.
    ++run.figures.replays;
    m_stage = Step::Replay;
    run.send(t, "POST /v1/applications (replay)", application_post(run, s), {200}, Conn::CloseIfIdle);
    return Next::Sent;
  }

  Next on_replay(Runner& run, SubmissionState& s, const Reply& reply) {
    if (reply.status == 201 && ++s.created_replies > 1)
      run.duplicate(m_id, "a replayed key was stored again");
    if (reply.status == 200) {
      const std::string* replayed = reply.header("idempotent-replayed");
      if (replayed == nullptr || *replayed != "true")
        run.reject("a replay without Idempotent-Replayed: true");
      auto status = sync::parse_application_status(reply.body);
      if (!status)
        run.reject(status.error().message);
      else
        take_upload_paths(run, s, *status);
    }
    return Next::Done;
  }

  size_t m_id;
  Step m_stage = Step::Post;
  std::shared_ptr<const std::vector<uint8_t>> m_body;
  std::string m_digest_header;
  std::vector<std::shared_ptr<const std::vector<uint8_t>>> m_pages;
  std::vector<sync::Digest> m_digests;
  sync::ApplicationStatus m_status;
  size_t m_page = 0;
  std::string m_url;
  int64_t m_offset = 0;
  int64_t m_chunk = 0;
  int m_failures = 0;
};

// The end check: every submission this terminal sent, looked up as this terminal.
class VerifyFlow : public Flow {
 public:
  explicit VerifyFlow(std::vector<size_t> ids) : m_ids(std::move(ids)) {}

  Next step(Runner& run, Terminal& t, const Reply* reply) override {
    if (reply != nullptr) {
      if (reply->status == 200 || reply->status == 404) {
        run.verified(m_ids[m_next], *reply);
        ++m_next;
        m_failures = 0;
      } else if (++m_failures > run.options.retries) {
        run.unverified(m_ids[m_next],
                       reply->status == 0 ? reply->error : "HTTP " + std::to_string(reply->status));
        ++m_next;
        m_failures = 0;
      } else {
        return run.wait(t, milliseconds(1000));
      }
    }
    if (m_next >= m_ids.size()) return Next::Done;
    run.send(t, "GET /v1/applications/{code}",
             Call{sync::Method::Get, run.options.centre.base_url + "/v1/applications/" +
                                         run.submissions[m_ids[m_next]].tracking_code},
             {200, 404}, m_next + 1 == m_ids.size() ? Conn::Close : Conn::Reuse);
    return Next::Sent;
  }

 private:
  std::vector<size_t> m_ids;
  size_t m_next = 0;
  int m_failures = 0;
};

// ---------------------------------------------------------------------------------------------
// Runner

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
      t.flow = std::make_unique<SubmitFlow>(action.submission);
    } else {
      t.flow = std::make_unique<TickFlow>(t);
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
              [](Terminal&) { return std::make_unique<EnrollFlow>(); });
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
              [](Terminal&) { return std::make_unique<SealKeyFlow>(); });
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
    t.tick_queued = t.flow && dynamic_cast<TickFlow*>(t.flow.get()) != nullptr;
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
              [](Terminal& t) { return std::make_unique<VerifyFlow>(t.sent); });
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

}  // namespace

LoadReport run_load(const LoadOptions& options) {
  auto runner = std::make_unique<Runner>(options);
  LoadReport report = runner->run();
  report.seed = runner->seed;
  return report;
}

}  // namespace pk::loadgen
