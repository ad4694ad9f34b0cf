// The centre's service-level summary (centre/sla_summary.h) on ledgers worked by hand: real
// outage hours, the agreement's 720 h month per terminal as the denominator, unknown hours
// beside the figure, and a period complete only when every terminal's is (issue 19: a 10-hour
// outage in Farvardin was reported as 9.68 h).
#include "centre/sla_summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/sla_period.h"

namespace pk::centre {
namespace {

constexpr int64_t kHour = 3600;

int64_t at(int year, int month, int day, int hour = 0) {
  return sla::jalali_midnight_unix({year, month, day}) + hour * kHour;
}

// A run that covers [start, end) exactly (the terminal beat all the way through).
sla::Run run_over(int64_t start, int64_t end, std::string boot) {
  return sla::Run{std::move(boot), start, (end - start) * 1000, end};
}

// A terminal that ran from 1404/01/01 to 1405/01/01, synced with the centre at the start.
TerminalLedger terminal(std::string id) {
  TerminalLedger ledger;
  ledger.terminal_id = std::move(id);
  ledger.snapshot.runs.push_back(run_over(at(1404, 1, 1), at(1405, 1, 1), "boot-" + ledger.terminal_id));
  ledger.snapshot.clock_events.push_back({sla::ClockEventKind::CentreSync, at(1404, 1, 1), 0});
  return ledger;
}

sla::Outage outage(int64_t start, int64_t end) {
  sla::Outage o;
  o.start_unix = start;
  o.end_unix = end;
  o.end = sla::OutageEnd::Observed;
  o.monotonic_duration_ms = (end - start) * 1000;
  return o;
}

const std::vector<int> kServices = {3};

TEST(CentreSlaSummary, TenHoursInFarvardinAreTenHoursOver720) {
  std::vector<TerminalLedger> ledgers = {terminal("k1")};
  ledgers[0].snapshot.outages.push_back(outage(at(1404, 1, 10, 8), at(1404, 1, 10, 18)));
  const SlaSummary summary = summarise(ledgers, {}, kServices, 1404, at(1405, 1, 1));
  const SummaryFigures& farvardin = summary.services[0].months[0];
  EXPECT_DOUBLE_EQ(farvardin.unplanned_hours, 10.0);
  EXPECT_DOUBLE_EQ(farvardin.known_hours, 31 * 24.0);
  EXPECT_DOUBLE_EQ(farvardin.agreement_hours, 720.0);
  EXPECT_DOUBLE_EQ(*farvardin.agreement_availability, 1.0 - 10.0 / 720.0);
  EXPECT_EQ(farvardin.state, sla::PeriodState::Complete);
  const SummaryFigures& year = summary.services[0].year;
  EXPECT_DOUBLE_EQ(year.unplanned_hours, 10.0);
  EXPECT_DOUBLE_EQ(year.agreement_hours, 8640.0);
  EXPECT_DOUBLE_EQ(*year.agreement_availability, 1.0 - 10.0 / 8640.0);
  const auto json = nlohmann::json::parse(to_json(summary));
  EXPECT_DOUBLE_EQ(json["services"][0]["months"][0]["unplanned_hours"].get<double>(), 10.0);
  EXPECT_EQ(json["services"][0]["months"][0]["state"], "complete");
}

TEST(CentreSlaSummary, TerminalsAddHoursAndDenominatorsAndOneGapMakesTheMonthIncomplete) {
  std::vector<TerminalLedger> ledgers = {terminal("k1"), terminal("k2")};
  ledgers[0].snapshot.outages.push_back(outage(at(1404, 12, 3, 8), at(1404, 12, 3, 14)));  // 6 h
  // k2 was off for 5 hours in Esfand (29 days in 1404): its runs leave a gap.
  ledgers[1].snapshot.runs = {run_over(at(1404, 1, 1), at(1404, 12, 5, 10), "boot-k2"),
                              run_over(at(1404, 12, 5, 15), at(1405, 1, 1), "boot-k2-again")};
  const SlaSummary summary = summarise(ledgers, {}, kServices, 1404, at(1405, 1, 1));
  const SummaryFigures& esfand = summary.services[0].months[11];
  EXPECT_DOUBLE_EQ(esfand.unplanned_hours, 6.0);
  EXPECT_DOUBLE_EQ(esfand.unknown_hours, 5.0);
  EXPECT_DOUBLE_EQ(esfand.agreement_hours, 2 * 720.0);
  EXPECT_DOUBLE_EQ(*esfand.agreement_availability, 1.0 - 6.0 / 1440.0);
  EXPECT_EQ(esfand.state, sla::PeriodState::Incomplete);
  EXPECT_EQ(summary.services[0].months[10].state, sla::PeriodState::Complete);
  EXPECT_EQ(summary.services[0].year.state, sla::PeriodState::Incomplete);
}

TEST(CentreSlaSummary, AvailabilityIsFlooredAtZero) {
  std::vector<TerminalLedger> ledgers = {terminal("k1")};
  ledgers[0].snapshot.outages.push_back(outage(at(1404, 1, 1), at(1404, 2, 1)));  // all 744 h
  const SlaSummary summary = summarise(ledgers, {}, kServices, 1404, at(1405, 1, 1));
  EXPECT_DOUBLE_EQ(summary.services[0].months[0].unplanned_hours, 744.0);
  EXPECT_EQ(*summary.services[0].months[0].agreement_availability, 0.0);
}

}  // namespace
}  // namespace pk::centre
