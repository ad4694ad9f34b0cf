#pragma once
// The load run: enroll the terminals, drive them as offices do for a while, then check that
// every submission the centre acknowledged is there exactly once, byte for byte.
//
//  1. enroll: each code gets its own EC P-256 key and certificate (in memory), a bounded number
//     at a time, each proven with one call over mutual TLS (as the terminal does).
//  2. load (--duration): per terminal, every --heartbeat-interval (first ones spread over the
//     first interval) a status poll of its delivered applications (at most --status-batch),
//     then heartbeat, notices and ledger rows; across all terminals --submissions-per-second
//     applications (a random terminal each), plus --burst at --burst-at. A submission is what
//     the terminal's delivery does: POST /v1/applications with an Idempotency-Key and the page
//     manifests, PATCH of each page at the upload URL and from the offset the reply gave
//     (Upload-Checksum; no HEAD, as the reply says where each page stands),
//     and the status call that confirms every page; a failed delivery is tried again whole
//     (bounded), and some are posted again on purpose to check the centre replays, not copies.
//  3. drain: no new work; what was queued or under way may finish until the drain deadline.
//  4. verify: GET /v1/applications/<code> of every submission sent, as its own terminal.
//
// Every phase has a deadline and every loop a bound; stop_requests (set by a signal handler)
// ends the run early with the figures so far (a second one skips the verification too).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "loadgen/codes.h"
#include "loadgen/loopback.h"
#include "loadgen/stats.h"

namespace pk::loadgen {

struct LoadOptions {
  CentreAddress centre;
  std::string centre_pin;
  std::vector<CodeLine> codes;  // one terminal each
  double duration_seconds = 60;
  double submissions_per_second = 1;
  int pages = 2;
  int64_t page_bytes = 150 * 1024;
  int burst = 0;
  double burst_at_seconds = 0;
  double heartbeat_interval_seconds = 60;
  int status_batch = 20;
  double drain_seconds = 30;
  double enroll_seconds = 300;
  double verify_seconds = 300;
  // The terminal's own limits (sync/http_client.h): connect, whole request, and a link slower
  // than 512 bytes a second for 15 seconds is given up.
  double connect_timeout_seconds = 5;
  double request_timeout_seconds = 60;
  int enroll_concurrency = 16;
  int check_concurrency = 64;
  int retries = 3;
  double replay_percent = 5;
  bool seal = true;
  bool keep_idle_connections = false;
  size_t chunk_bytes = 256 * 1024;
  uint64_t seed = 0;  // 0: a random one
  bool progress = true;
  std::atomic<int>* stop_requests = nullptr;
};

struct SubmissionFigures {
  int64_t planned = 0;       // made by the schedule (rate and burst) before the load ended
  int64_t sent = 0;          // POST /v1/applications went out at least once
  int64_t acknowledged = 0;  // the centre took the application and every byte of every page
  int64_t confirmed = 0;     // and its status call then showed every page complete
  int64_t failed = 0;        // given up after the retries, or refused
  int64_t not_sent = 0;      // still queued when the load ended
  int64_t cut_off = 0;       // under way when the drain deadline (or a stop) came
  int64_t replays = 0;       // posted again with the same key on purpose
  int64_t burst = 0;
  int64_t bytes_uploaded = 0;  // PATCH bodies
  double ack_p50_ms = 0;       // from the first POST to the last byte acknowledged
  double ack_p99_ms = 0;
  double ack_max_ms = 0;
};

struct CheckFigures {
  int64_t checked = 0;                  // acknowledged submissions looked up at the end
  int64_t intact = 0;                   // there once, received or later, every page complete and identical
  int64_t lost = 0;                     // not there, or not complete
  int64_t duplicates = 0;               // stored twice (a second 201, more pages, an upload shared or remade)
  int64_t mismatches = 0;               // a page's size or SHA-256 is not what was sent
  int64_t unverified = 0;               // could not be looked up
  int64_t unacknowledged_complete = 0;  // sent but not acknowledged, yet complete at the centre
  int64_t unacknowledged_other = 0;     // sent but not acknowledged, absent or partial at the centre
  std::vector<std::string> problems;    // the first few, for the report
};

// The load every ten seconds (and at its end): how it built up or wore down.
struct TimelinePoint {
  double seconds = 0;  // since the load began
  int64_t requests = 0;
  int64_t errors = 0;
  int64_t in_flight = 0;
  int64_t sent = 0;
  int64_t acknowledged = 0;
};

struct LoadReport {
  int terminals_requested = 0;
  int terminals_enrolled = 0;
  double enroll_seconds = 0;
  double load_seconds = 0;  // load and drain, as run
  int64_t load_requests = 0;
  double requests_per_second = 0;
  std::vector<RouteSummary> routes;
  int64_t request_errors = 0;
  std::vector<std::string> error_samples;  // the first few request errors, with what was said
  std::vector<TimelinePoint> timeline;
  SubmissionFigures submissions;
  CheckFigures check;
  bool interrupted = false;
  bool verified = false;
  uint64_t seed = 0;
};

[[nodiscard]] LoadReport run_load(const LoadOptions& options);

// 0: everything acknowledged is at the centre once and intact, and (unless allow_errors) no
// request failed and every planned submission was acknowledged; 1 otherwise; 130 when stopped
// by a signal.
[[nodiscard]] int exit_code(const LoadReport& report, bool allow_errors);
[[nodiscard]] std::string to_text(const LoadReport& report);
[[nodiscard]] std::string to_json(const LoadReport& report, const LoadOptions& options, int exit_status);

}  // namespace pk::loadgen
