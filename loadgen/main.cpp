// pishkhan-loadgen: many enrolled terminals against a centre on this machine, then the check
// that everything the centre acknowledged is there exactly once. See README.md, "Load testing".
//
//   pishkhan-loadgen --centre-url https://127.0.0.1:PORT --centre-pin sha256//...
//                    (--codes FILE | --centre-data DIR --centre-binary PATH --terminals N)
//                    [--duration S] [--submissions-per-second R] [--burst N --burst-at S] [--json FILE]
//
// Exit status: 0 all well; 1 something lost, duplicated, altered or unverified, or (without
// --allow-errors) a request failed or a planned application was not delivered; 2 bad arguments (a centre that
// is not on loopback among them); 130 stopped by Ctrl-C (after a partial report).
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "loadgen/codes.h"
#include "loadgen/load.h"
#include "loadgen/loopback.h"
#include "protocol/enrollment_qr.h"
#include "protocol/sealing.h"

namespace {

std::atomic<int> g_stop_requests{0};
extern "C" void on_stop_signal(int) { g_stop_requests.fetch_add(1); }

// A thousand terminals are a thousand sockets: take the hard limit on open files.
void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    (void)setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Pishkhan load generator: enrolls terminals with a centre on this machine, drives them as "
      "offices do, and checks that every acknowledged submission arrived exactly once"};
  pk::loadgen::LoadOptions options;
  std::string centre_url;
  std::string codes_file;
  std::string centre_data;
  std::string centre_binary;
  std::string office = "LOAD";
  std::string prefix = "LOAD-";
  int ttl_hours = 24;
  int terminals = 0;
  bool no_seal = false;
  bool allow_errors = false;
  bool quiet = false;
  std::string json_file;
  app.add_option("--centre-url", centre_url,
                 "https://HOST:PORT of the centre (or its front door); loopback only")
      ->required();
  app.add_option("--centre-pin", options.centre_pin,
                 "the centre's pin, sha256//... (pishkhan-centre --print-pin)")
      ->required();
  auto* codes = app.add_option("--codes", codes_file,
                               "file of TERMINAL_ID CODE lines "
                               "(pishkhan-centre --issue-enrollment-codes N ...)");
  auto* data =
      app.add_option("--centre-data", centre_data, "the centre's --data folder: issue the codes here");
  auto* binary = app.add_option("--centre-binary", centre_binary, "pishkhan-centre, run with --centre-data");
  codes->excludes(data)->excludes(binary);
  data->needs(binary);
  binary->needs(data);
  app.add_option("--office", office, "office of the terminals issued with --centre-data")
      ->default_val("LOAD");
  app.add_option("--terminal-id-prefix", prefix, "terminal id prefix with --centre-data")
      ->default_val("LOAD-");
  app.add_option("--ttl-hours", ttl_hours, "validity of the codes issued with --centre-data")
      ->default_val(24)
      ->check(CLI::Range(1, 720));
  app.add_option("--terminals", terminals, "terminals to enroll (default with --codes: one per code)")
      ->check(CLI::Range(1, 9999));
  app.add_option("--duration", options.duration_seconds, "seconds of load")
      ->default_val(60)
      ->check(CLI::Range(1.0, 86400.0));
  app.add_option("--submissions-per-second", options.submissions_per_second,
                 "applications per second, all terminals")
      ->default_val(1)
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--pages", options.pages, "pages per application")->default_val(2)->check(CLI::Range(1, 20));
  app.add_option("--page-bytes", options.page_bytes, "bytes of each page before sealing")
      ->default_val(150 * 1024)
      ->check(CLI::Range(int64_t{1}, int64_t{16} << 20));
  app.add_option("--burst", options.burst, "applications fired at once at --burst-at")
      ->default_val(0)
      ->check(CLI::Range(0, 10000));
  app.add_option("--burst-at", options.burst_at_seconds, "second of the load the burst comes at")
      ->default_val(0)
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--heartbeat-interval", options.heartbeat_interval_seconds,
                 "seconds between a terminal's heartbeat rounds (status polls, heartbeat, notices, ledger)")
      ->default_val(60)
      ->check(CLI::Range(1.0, 3600.0));
  app.add_option("--status-batch", options.status_batch, "most status polls per terminal per round")
      ->default_val(20)
      ->check(CLI::Range(0, 1000));
  app.add_option("--drain-seconds", options.drain_seconds,
                 "after the load, seconds for queued work to finish")
      ->default_val(30)
      ->check(CLI::Range(0.0, 3600.0));
  app.add_option("--enroll-seconds", options.enroll_seconds, "deadline of the enrollment")
      ->default_val(300)
      ->check(CLI::Range(1.0, 3600.0));
  app.add_option("--verify-seconds", options.verify_seconds, "deadline of the final check")
      ->default_val(300)
      ->check(CLI::Range(1.0, 3600.0));
  app.add_option("--connect-timeout", options.connect_timeout_seconds,
                 "seconds to connect and finish the TLS handshake (the terminal's: 5)")
      ->default_val(5)
      ->check(CLI::Range(0.1, 300.0));
  app.add_option("--request-timeout", options.request_timeout_seconds,
                 "seconds a request may take in all (the terminal's: 60)")
      ->default_val(60)
      ->check(CLI::Range(0.1, 3600.0));
  app.add_option("--enroll-concurrency", options.enroll_concurrency, "enrollments under way at once")
      ->default_val(16)
      ->check(CLI::Range(1, 1000));
  app.add_option("--check-concurrency", options.check_concurrency, "terminals checking at once at the end")
      ->default_val(64)
      ->check(CLI::Range(1, 10000));
  app.add_option("--retries", options.retries, "retries of a failed delivery, enrollment or check")
      ->default_val(3)
      ->check(CLI::Range(0, 20));
  app.add_option("--replay-percent", options.replay_percent,
                 "share of delivered applications posted again with the same Idempotency-Key")
      ->default_val(5)
      ->check(CLI::Range(0.0, 100.0));
  app.add_option("--chunk-bytes", options.chunk_bytes, "tus PATCH size (the terminal's: 256 KiB)")
      ->default_val(256 * 1024)
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20));
  app.add_flag("--no-seal", no_seal, "send random bytes instead of pages sealed to the centre's key");
  app.add_flag("--keep-idle-connections", options.keep_idle_connections,
               "leave a terminal's connection open when it has nothing to send (the centre closes it), "
               "instead of closing it");
  app.add_option("--seed", options.seed, "seed of the schedule's random choices (0: random)")->default_val(0);
  app.add_option("--json", json_file, "also write the figures as JSON to this file");
  app.add_flag(
      "--allow-errors", allow_errors,
      "exit 0 despite failed requests and undelivered applications, if nothing acknowledged was lost, duplicated or altered");
  app.add_flag("--quiet", quiet, "no progress lines on stderr");
  CLI11_PARSE(app, argc, argv);

  // First of all: nothing leaves this machine.
  auto centre = pk::loadgen::parse_loopback_centre_url(centre_url);
  if (!centre) {
    std::fprintf(stderr, "pishkhan-loadgen: %s\n", centre.error().message.c_str());
    return 2;
  }
  options.centre = *centre;
  if (!pk::provisioning::plausible_centre_pin(options.centre_pin)) {
    std::fprintf(stderr, "pishkhan-loadgen: --centre-pin must be sha256//<44 base64 characters>\n");
    return 2;
  }
  if (options.burst > 0 && options.burst_at_seconds >= options.duration_seconds) {
    std::fprintf(stderr, "pishkhan-loadgen: --burst-at must come before the end of --duration\n");
    return 2;
  }
  if (options.submissions_per_second * options.duration_seconds > 1e6) {
    std::fprintf(stderr,
                 "pishkhan-loadgen: more than a million submissions: lower the rate or the duration\n");
    return 2;
  }
  options.seal = !no_seal;
  options.progress = !quiet;

  std::string codes_text;
  if (!codes_file.empty()) {
    std::ifstream in(codes_file, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
      std::fprintf(stderr, "pishkhan-loadgen: cannot read %s\n", codes_file.c_str());
      return 2;
    }
    codes_text = text.str();
  } else if (!centre_data.empty()) {
    if (terminals <= 0) {
      std::fprintf(stderr, "pishkhan-loadgen: --centre-data needs --terminals N\n");
      return 2;
    }
    pk::loadgen::IssueCommand command;
    command.centre_binary = centre_binary;
    command.centre_data = centre_data;
    command.count = terminals;
    command.office = office;
    command.terminal_id_prefix = prefix;
    command.ttl_hours = ttl_hours;
    auto issued = pk::loadgen::issue_codes(command);
    if (!issued) {
      std::fprintf(stderr, "pishkhan-loadgen: %s\n", issued.error().message.c_str());
      return 1;
    }
    codes_text = std::move(issued).value();
  } else {
    std::fprintf(stderr,
                 "pishkhan-loadgen: give --codes FILE, or --centre-data DIR and --centre-binary PATH\n");
    return 2;
  }
  auto parsed = pk::loadgen::parse_codes(codes_text);
  if (!parsed || parsed->empty()) {
    std::fprintf(stderr, "pishkhan-loadgen: %s\n",
                 parsed ? "no enrollment codes" : parsed.error().message.c_str());
    return 2;
  }
  if (terminals > static_cast<int>(parsed->size())) {
    std::fprintf(stderr, "pishkhan-loadgen: --terminals %d, but only %zu codes\n", terminals, parsed->size());
    return 2;
  }
  if (terminals > 0) parsed->resize(static_cast<size_t>(terminals));
  options.codes = std::move(parsed).value();

  if (auto sodium = pk::store::init_sodium(); !sodium) {
    std::fprintf(stderr, "pishkhan-loadgen: %s\n", sodium.error().message.c_str());
    return 1;
  }
  raise_open_files_limit();
  std::signal(SIGPIPE, SIG_IGN);
  options.stop_requests = &g_stop_requests;
  struct sigaction stop {};
  stop.sa_handler = on_stop_signal;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGINT, &stop, nullptr);
  sigaction(SIGTERM, &stop, nullptr);
  if (!quiet)
    std::fprintf(stderr, "loadgen: %zu terminals against %s for %.0f s, %.2f submissions/s%s\n",
                 options.codes.size(), options.centre.base_url.c_str(), options.duration_seconds,
                 options.submissions_per_second,
                 options.burst > 0 ? (", a burst of " + std::to_string(options.burst)).c_str() : "");

  const pk::loadgen::LoadReport report = pk::loadgen::run_load(options);
  const int status = pk::loadgen::exit_code(report, allow_errors);
  std::fputs(pk::loadgen::to_text(report).c_str(), stdout);
  std::fflush(stdout);
  if (!json_file.empty()) {
    std::ofstream out(json_file, std::ios::trunc);
    out << pk::loadgen::to_json(report, options, status);
    if (!out.flush()) {
      std::fprintf(stderr, "pishkhan-loadgen: cannot write %s\n", json_file.c_str());
      return status == 0 ? 1 : status;
    }
  }
  return status;
}
