// A year of figures for the 21 catalog services from 10,000 outages (a very bad year: about
// one outage an hour), 50 notices and 2,000 runs: what the technician screen asks for.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "domain/sla_figures.h"
#include "domain/sla_period.h"
#include "domain/sla_technician.h"

namespace {

using namespace pk::sla;

LedgerSnapshot bad_year(int outages) {
  const Interval year = year_span(1404);
  std::mt19937_64 random(1404);
  std::uniform_int_distribution<int64_t> when(year.start, year.end - 1);
  std::uniform_int_distribution<int64_t> length(60, 4 * 3600);
  std::uniform_int_distribution<int> service(1, 21);
  LedgerSnapshot s;
  s.as_of_unix = year.end;
  for (int i = 0; i < outages; ++i) {
    Outage o;
    o.id = i + 1;
    o.cause = static_cast<OutageCause>(i % 4);
    o.services = i % 3 == 0 ? ServiceScope::only({service(random), service(random)}) : ServiceScope::all();
    o.start_unix = when(random);
    o.monotonic_duration_ms = length(random) * 1000;
    o.end_unix = o.start_unix + *o.monotonic_duration_ms / 1000;
    o.end = OutageEnd::Observed;
    s.outages.push_back(o);
  }
  for (int i = 0; i < 50; ++i) {
    const int64_t start = when(random);
    s.notices.push_back(
        {"n" + std::to_string(i), start - 4 * 86400, start, start + 3 * 3600, ServiceScope::all(), "x", "x"});
  }
  const int64_t step = year.length() / 2000;
  for (int i = 0; i < 2000; ++i) {
    const int64_t start = year.start + i * step;
    s.runs.push_back({"boot", start, (step - 600) * 1000, start + step - 600});
  }
  return s;
}

const std::vector<int> kServices = [] {
  std::vector<int> all;
  for (int i = 1; i <= 21; ++i) all.push_back(i);
  return all;
}();

void BM_YearFigures(benchmark::State& state) {
  const LedgerSnapshot s = bad_year(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(year_figures(s, kServices, 1404));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_YearFigures)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_TechnicianData(benchmark::State& state) {
  const LedgerSnapshot s = bad_year(10000);
  for (auto _ : state) benchmark::DoNotOptimize(technician_data(s, kServices));
}
BENCHMARK(BM_TechnicianData)->Unit(benchmark::kMillisecond);

}  // namespace
