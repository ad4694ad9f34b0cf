#include "loadgen/stats.h"

#include <algorithm>
#include <cmath>

namespace pk::loadgen {

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size()));
  const auto index = static_cast<size_t>(std::max(rank, 1.0)) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

void RouteStats::add(const std::string& phase, const std::string& route, double ms,
                     const std::string& outcome, bool error) {
  Samples& samples = m_routes[{phase, route}];
  samples.ms.push_back(ms);
  ++samples.outcomes[outcome];
  if (error) ++samples.errors;
}

std::vector<RouteSummary> RouteStats::summaries() const {
  std::vector<RouteSummary> out;
  for (const auto& [key, samples] : m_routes) {
    std::vector<double> sorted = samples.ms;
    std::sort(sorted.begin(), sorted.end());
    RouteSummary summary;
    summary.phase = key.first;
    summary.route = key.second;
    summary.count = static_cast<int64_t>(sorted.size());
    summary.errors = samples.errors;
    summary.p50_ms = percentile(sorted, 50);
    summary.p99_ms = percentile(sorted, 99);
    summary.max_ms = sorted.empty() ? 0 : sorted.back();
    summary.outcomes = samples.outcomes;
    out.push_back(std::move(summary));
  }
  // Phases in the order they run, then routes by name.
  const auto rank = [](const std::string& phase) { return phase == "enroll" ? 0 : phase == "load" ? 1 : 2; };
  std::stable_sort(out.begin(), out.end(), [&](const RouteSummary& a, const RouteSummary& b) {
    return rank(a.phase) < rank(b.phase);
  });
  return out;
}

int64_t RouteStats::requests(const std::string& phase) const {
  int64_t total = 0;
  for (const auto& [key, samples] : m_routes)
    if (key.first == phase) total += static_cast<int64_t>(samples.ms.size());
  return total;
}

int64_t RouteStats::errors() const {
  int64_t total = 0;
  for (const auto& [key, samples] : m_routes) total += samples.errors;
  return total;
}

}  // namespace pk::loadgen
