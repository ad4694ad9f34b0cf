// The load generator's report: its exit status, the text a person reads and the JSON a script
// reads, all from one LoadReport (loadgen/load.h).
#include <cstdarg>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "loadgen/load.h"

namespace pk::loadgen {
namespace {

[[gnu::format(printf, 2, 3)]] void appendf(std::string& out, const char* format, ...) {
  char line[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(line, sizeof line, format, args);
  va_end(args);
  out += line;
}

}  // namespace

int exit_code(const LoadReport& report, bool allow_errors) {
  if (report.interrupted) return 130;
  const CheckFigures& c = report.check;
  if (c.lost > 0 || c.duplicates > 0 || c.mismatches > 0 || c.unverified > 0) return 1;
  if (report.terminals_enrolled == 0) return 1;
  if (report.submissions.planned > 0 && report.submissions.acknowledged == 0) return 1;
  if (!report.verified) return 1;
  if (!allow_errors &&
      (report.request_errors > 0 || report.terminals_enrolled < report.terminals_requested ||
       report.submissions.failed > 0 || report.submissions.not_sent > 0 || report.submissions.cut_off > 0))
    return 1;
  return 0;
}

std::string to_text(const LoadReport& r) {
  std::string out;
  appendf(out, "terminals: %d of %d enrolled in %.1f s\n", r.terminals_enrolled, r.terminals_requested,
          r.enroll_seconds);
  appendf(out, "load: %lld requests in %.1f s (load and drain): %.1f requests/s\n",
          static_cast<long long>(r.load_requests), r.load_seconds, r.requests_per_second);
  appendf(out, "\n%-7s %-32s %8s %7s %9s %9s %9s  %s\n", "phase", "route", "requests", "errors", "p50 ms",
          "p99 ms", "max ms", "outcomes");
  for (const RouteSummary& s : r.routes) {
    std::string outcomes;
    for (const auto& [outcome, count] : s.outcomes)
      outcomes += (outcomes.empty() ? "" : ", ") + outcome + ": " + std::to_string(count);
    appendf(out, "%-7s %-32s %8lld %7lld %9.1f %9.1f %9.1f  %s\n", s.phase.c_str(), s.route.c_str(),
            static_cast<long long>(s.count), static_cast<long long>(s.errors), s.p50_ms, s.p99_ms, s.max_ms,
            outcomes.c_str());
  }
  const SubmissionFigures& f = r.submissions;
  appendf(
      out,
      "\nsubmissions: %lld planned (%lld in the burst), %lld sent, %lld acknowledged, %lld confirmed, %lld failed, "
      "%lld not sent, %lld cut off, %lld replayed on purpose, %.1f MB uploaded\n",
      static_cast<long long>(f.planned), static_cast<long long>(f.burst), static_cast<long long>(f.sent),
      static_cast<long long>(f.acknowledged), static_cast<long long>(f.confirmed),
      static_cast<long long>(f.failed), static_cast<long long>(f.not_sent), static_cast<long long>(f.cut_off),
      static_cast<long long>(f.replays), static_cast<double>(f.bytes_uploaded) / 1e6);
  appendf(out, "delivery (first POST to last byte acknowledged): p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
          f.ack_p50_ms, f.ack_p99_ms, f.ack_max_ms);
  const CheckFigures& c = r.check;
  if (r.verified) {
    appendf(
        out,
        "check: %lld acknowledged looked up: %lld intact, %lld lost, %lld duplicates, %lld mismatches, %lld "
        "unverified\n",
        static_cast<long long>(c.checked), static_cast<long long>(c.intact), static_cast<long long>(c.lost),
        static_cast<long long>(c.duplicates), static_cast<long long>(c.mismatches),
        static_cast<long long>(c.unverified));
    appendf(
        out, "       sent but not acknowledged: %lld complete at the centre anyway, %lld absent or partial\n",
        static_cast<long long>(c.unacknowledged_complete), static_cast<long long>(c.unacknowledged_other));
  } else {
    appendf(out, "check: skipped (stopped twice)\n");
  }
  appendf(out, "request errors: %lld\n", static_cast<long long>(r.request_errors));
  for (const std::string& sample : r.error_samples) out += "  " + sample + "\n";
  for (const std::string& problem : c.problems) out += "  problem: " + problem + "\n";
  appendf(out, "seed: %llu (--seed repeats the schedule)\n", static_cast<unsigned long long>(r.seed));
  if (r.interrupted) out += "interrupted: these are partial figures\n";
  return out;
}

std::string to_json(const LoadReport& r, const LoadOptions& o, int exit_status) {
  using nlohmann::json;
  json routes = json::array();
  for (const RouteSummary& s : r.routes) {
    routes.push_back({{"phase", s.phase},
                      {"route", s.route},
                      {"requests", s.count},
                      {"errors", s.errors},
                      {"p50_ms", s.p50_ms},
                      {"p99_ms", s.p99_ms},
                      {"max_ms", s.max_ms},
                      {"outcomes", s.outcomes}});
  }
  json timeline = json::array();
  for (const TimelinePoint& p : r.timeline) {
    timeline.push_back({{"seconds", p.seconds},
                        {"requests", p.requests},
                        {"errors", p.errors},
                        {"in_flight", p.in_flight},
                        {"sent", p.sent},
                        {"acknowledged", p.acknowledged}});
  }
  const SubmissionFigures& f = r.submissions;
  const CheckFigures& c = r.check;
  const json document = {
      {"version", 1},
      {"exit_code", exit_status},
      {"interrupted", r.interrupted},
      {"options",
       {{"centre_url", o.centre.base_url},
        {"terminals", r.terminals_requested},
        {"duration_seconds", o.duration_seconds},
        {"submissions_per_second", o.submissions_per_second},
        {"pages", o.pages},
        {"page_bytes", o.page_bytes},
        {"burst", o.burst},
        {"burst_at_seconds", o.burst_at_seconds},
        {"heartbeat_interval_seconds", o.heartbeat_interval_seconds},
        {"sealed", o.seal},
        {"keep_idle_connections", o.keep_idle_connections},
        {"replay_percent", o.replay_percent},
        {"connect_timeout_seconds", o.connect_timeout_seconds},
        {"request_timeout_seconds", o.request_timeout_seconds},
        {"drain_seconds", o.drain_seconds},
        {"seed", r.seed}}},
      {"enrollment",
       {{"terminals", r.terminals_requested},
        {"enrolled", r.terminals_enrolled},
        {"seconds", r.enroll_seconds},
        {"per_second", r.enroll_seconds > 0 ? r.terminals_enrolled / r.enroll_seconds : 0.0}}},
      {"load",
       {{"seconds", r.load_seconds},
        {"requests", r.load_requests},
        {"requests_per_second", r.requests_per_second}}},
      {"routes", routes},
      {"timeline", timeline},
      {"request_errors", r.request_errors},
      {"error_samples", r.error_samples},
      {"submissions",
       {{"planned", f.planned},
        {"burst", f.burst},
        {"sent", f.sent},
        {"acknowledged", f.acknowledged},
        {"confirmed", f.confirmed},
        {"failed", f.failed},
        {"not_sent", f.not_sent},
        {"cut_off", f.cut_off},
        {"replays", f.replays},
        {"bytes_uploaded", f.bytes_uploaded},
        {"delivery_p50_ms", f.ack_p50_ms},
        {"delivery_p99_ms", f.ack_p99_ms},
        {"delivery_max_ms", f.ack_max_ms}}},
      {"check",
       {{"verified", r.verified},
        {"checked", c.checked},
        {"intact", c.intact},
        {"lost", c.lost},
        {"duplicates", c.duplicates},
        {"mismatches", c.mismatches},
        {"unverified", c.unverified},
        {"unacknowledged_complete", c.unacknowledged_complete},
        {"unacknowledged_other", c.unacknowledged_other},
        {"problems", c.problems}}}};
  return document.dump(2) + "\n";
}

}  // namespace pk::loadgen
