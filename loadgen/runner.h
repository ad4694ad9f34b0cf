// The load generator's run, inside: the terminals it plays, the flows each runs (enroll, tick,
// submit, verify: one file each), and the Runner that drives them over one curl multi engine.
// Internal to loadgen/ (load.h is the public face).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <queue>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "loadgen/engine.h"
#include "loadgen/enroll.h"
#include "loadgen/load.h"
#include "protocol/sealing.h"

namespace pk::loadgen::detail {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using std::chrono::milliseconds;

milliseconds from_seconds(double seconds);
double ms_between(TimePoint from, TimePoint to);
int64_t unix_now();
constexpr size_t kMaxSamples = 20;  // error samples and problems kept for the report
// What the centre's reply to a transfer says about trying again (as sync/centre_client.cpp).
bool retryable(const Reply& reply);
std::string short_body(const std::string& body);
std::string random_hex(size_t bytes);
std::shared_ptr<const std::vector<uint8_t>> bytes_of(const std::string& text);

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
enum class FlowKind { Enroll, SealKey, Tick, Submit, Verify };

class Flow {
 public:
  virtual ~Flow() = default;
  [[nodiscard]] virtual FlowKind kind() const = 0;
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

// The flows, one file each.
std::unique_ptr<Flow> make_enroll_flow();
std::unique_ptr<Flow> make_seal_key_flow();
std::unique_ptr<Flow> make_tick_flow(Terminal& terminal);
std::unique_ptr<Flow> make_submit_flow(size_t submission);
std::unique_ptr<Flow> make_verify_flow(std::vector<size_t> submissions);

}  // namespace pk::loadgen::detail
