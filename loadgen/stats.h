#pragma once
// Latency and outcome figures per route, and the summary the report prints and writes as JSON.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pk::loadgen {

// One route's figures in one phase (enroll, load, verify).
struct RouteSummary {
  std::string phase;
  std::string route;
  int64_t count = 0;
  int64_t errors = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
  // How each request ended: an HTTP status ("200", "503"), "curl:28 ..." for a transport failure,
  // "bad reply" for an expected status with a body that does not check out.
  std::map<std::string, int64_t> outcomes;
};

// Nearest-rank percentile (p in 0..100) of sorted values; 0 for none.
[[nodiscard]] double percentile(const std::vector<double>& sorted, double p);

class RouteStats {
 public:
  // `outcome` as in RouteSummary::outcomes; `error`: whether it counts as a failed request.
  void add(const std::string& phase, const std::string& route, double ms, const std::string& outcome,
           bool error);
  [[nodiscard]] std::vector<RouteSummary> summaries() const;
  [[nodiscard]] int64_t requests(const std::string& phase) const;
  [[nodiscard]] int64_t errors() const;

 private:
  struct Samples {
    std::vector<double> ms;
    int64_t errors = 0;
    std::map<std::string, int64_t> outcomes;
  };
  std::map<std::pair<std::string, std::string>, Samples> m_routes;
};

}  // namespace pk::loadgen
