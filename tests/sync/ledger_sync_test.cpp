// The service-level ledger and the centre (issue 9.4, 9.5): two terminals' ledgers and failure
// reports reach the centre, whose summary across terminals matches hand-computed figures; a
// terminal whose clock is hours off is flagged; notices published at the centre reach the
// terminal's ledger in the domain's format and the 72-hour rule applies to them.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "centre/province_summary.h"
#include "domain/jalali.h"
#include "domain/sla_clock.h"
#include "domain/sla_figures.h"
#include "domain/sla_notice_json.h"
#include "domain/sla_period.h"
#include "sla/ledger.h"
#include "sync/http_client.h"
#include "sync/sync_worker.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

// The HTTP options the fixture gives for talking to its centre (its TLS identity, once the
// fixture enrolls a terminal); plain defaults with a fixture that does not.
template <class Fixture>
HttpOptions http_of(const Fixture& centre) {
  if constexpr (requires { centre.http; }) {
    return centre.http;
  } else {
    return {};
  }
}

sla::LedgerOptions beat_every(int seconds) {
  sla::LedgerOptions options;
  options.heartbeat_interval_seconds = seconds;
  return options;
}

constexpr int64_t kHour = 3600;

// A terminal's clock the test moves by hand; the sync thread may read it meanwhile.
class StepTime final : public sla::TimeSource {
 public:
  explicit StepTime(int64_t wall) : m_wall(wall) {}
  sla::TimePoint now() override { return {m_wall.load(), m_monotonic.load()}; }
  std::string boot_id() override { return "boot-1"; }
  void advance(int64_t seconds) {
    m_wall += seconds;
    m_monotonic += seconds * 1000;
  }

 private:
  std::atomic<int64_t> m_wall;
  std::atomic<int64_t> m_monotonic{5'000};
};

int64_t at(int year, int month, int day, int hour = 0) {
  return sla::jalali_midnight_unix({year, month, day}) + hour * kHour;
}

// Beats every hour for `hours` hours.
void run_for(sla::Ledger& ledger, StepTime& time, int hours) {
  for (int i = 0; i < hours; ++i) {
    time.advance(kHour);
    ASSERT_TRUE(ledger.heartbeat().ok());
  }
}

void outage(sla::Ledger& ledger, StepTime& time, sla::OutageCause cause, const sla::ServiceScope& services,
            int hours) {
  auto opened = ledger.open_outage(cause, services, "test");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  run_for(ledger, time, hours);
  ASSERT_TRUE(ledger.close_outage(*opened).ok());
}

// `number`: the terminal number the centre gives `terminal` when the test enrolls it.
void save_failure_report(const std::filesystem::path& file, const std::string& terminal, int number,
                         std::optional<int64_t> service, int64_t at_unix) {
  auto store = store::Store::open(file);
  ASSERT_TRUE(store.ok());
  store::NewApplication report = store::test::sample_application(0, 0);
  report.kind = store::ApplicationKind::FailureReport;
  report.service_number = service;
  report.terminal_id = terminal;
  report.created_at_unix = at_unix;
  auto saved = (*store)->save_application(report, [&](int64_t sequence) {
    return test_tracking_code(sequence, number, TrackingKind::FailureReport);
  });
  ASSERT_TRUE(saved.ok()) << saved.error().message;
}

// The centre files ledger rows and heartbeats under the terminal of the client certificate
// (and refuses a body that names another), so each terminal the test plays is enrolled for
// real, with its own key and certificate; the fixture's own terminal is kOwnTerminal.
constexpr const char* kOwnTerminal = "SKO-TEST-0001";
HttpOptions as_terminal(const RunningCentre& centre, const std::string& terminal) {
  if (terminal == kOwnTerminal) return http_of(centre);
  HttpOptions options = http_of(centre);
  options.tls = enroll_terminal(*centre.server, centre.dir.path() / ("terminal-" + terminal), terminal);
  return options;
}

SyncOptions ledger_options(const std::filesystem::path& store_file, const RunningCentre& centre,
                           const std::string& terminal, const HttpOptions& as) {
  SyncOptions options;
  options.http = as;
  const std::string url = centre.server->base_url();
  options.store_file = store_file;
  options.centre_url = url;
  options.terminal_id = terminal;
  options.ledger = LedgerSync::On;
  options.ledger_every = std::chrono::milliseconds(30);
  options.idle_wait = std::chrono::milliseconds(20);
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  return options;
}

// Runs a worker until the outbox is empty and the centre has acknowledged every ledger row.
void sync_all(const SyncOptions& options, sla::TimeSource& time) {
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  auto reader = sla::Ledger::open_for_sync(options.store_file, time);
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE(eventually(
      [&] {
        auto changes = (*reader)->changes_for_centre(1000);
        return undelivered(options.store_file).empty() && changes.ok() && changes->empty() &&
               worker.counters().ledger_rows_sent > 0;
      },
      std::chrono::seconds(20)));
  worker.stop();
}

TEST(LedgerSync, TheCentreSumsTwoTerminalsAsComputedByHand) {
  RunningCentre centre("ledger-two");
  ASSERT_TRUE(centre.server);
  // Announced on 1404/6/29, four days ahead: planned for service 1.
  ASSERT_TRUE(
      centre.server->storage()
          .add_notice({"n-1", at(1404, 6, 29), at(1404, 7, 3), at(1404, 7, 3, 12),
                       sla::ServiceScope::only({1}), "قطعی برنامه‌ریزی‌شده", "planned"})
          .ok());

  // Terminal A: runs 1404/7/1 to 7/11 (240 h); the printer is down 7/2 00:00-06:00 for every
  // service, unannounced. One failure report about service 2.
  const auto file_a = centre.dir.file("a.sqlite");
  StepTime time_a(at(1404, 7, 1));
  {
    auto ledger = sla::Ledger::open(file_a, time_a, beat_every(3600));
    ASSERT_TRUE(ledger.ok()) << ledger.error().message;
    run_for(**ledger, time_a, 24);
    outage(**ledger, time_a, sla::OutageCause::PrinterDown, sla::ServiceScope::all(), 6);
    run_for(**ledger, time_a, 240 - 30);
  }
  // The fixture enrolled SKO-TEST-0001 as number 1; TERM-A and TERM-B are enrolled next: 2 and 3.
  save_failure_report(file_a, "TERM-A", 2, 2, at(1404, 7, 5));
  // Terminal B: runs 1404/7/1 to 7/6 (120 h); the centre is unreachable for service 1 only,
  // 7/3 00:00-12:00, as announced. One failure report about no particular service.
  const auto file_b = centre.dir.file("b.sqlite");
  StepTime time_b(at(1404, 7, 1));
  {
    auto ledger = sla::Ledger::open(file_b, time_b, beat_every(3600));
    ASSERT_TRUE(ledger.ok()) << ledger.error().message;
    run_for(**ledger, time_b, 48);
    outage(**ledger, time_b, sla::OutageCause::CentreUnreachable, sla::ServiceScope::only({1}), 12);
    run_for(**ledger, time_b, 120 - 60);
  }
  save_failure_report(file_b, "TERM-B", 3, std::nullopt, at(1404, 7, 4));

  const HttpOptions as_a = as_terminal(centre, "TERM-A");
  const HttpOptions as_b = as_terminal(centre, "TERM-B");
  sync_all(ledger_options(file_a, centre, "TERM-A", as_a), time_a);
  sync_all(ledger_options(file_b, centre, "TERM-B", as_b), time_b);
  // Sending everything again doubles nothing.
  sync_all(ledger_options(file_a, centre, "TERM-A", as_a), time_a);

  // The province-wide figures are for staff: computed on the centre, never served to a terminal.
  auto computed = centre::province_summary(centre.server->storage(), {}, 1404, at(1404, 8, 1), {1, 2});
  ASSERT_TRUE(computed.ok()) << computed.error().message;
  const auto summary = nlohmann::json::parse(centre::to_json(*computed));
  ASSERT_TRUE(summary.is_object());
  EXPECT_EQ(summary["terminals"], 2);
  EXPECT_EQ(summary["unattributed_failure_reports"], 1);
  ASSERT_EQ(summary["services"].size(), 2u);
  const auto& s1 = summary["services"][0]["months"][6];  // Mehr
  const auto& s2 = summary["services"][1]["months"][6];
  EXPECT_EQ(s1["month"], 7);
  // Hours are real hours. Known: 240 h (A) + 120 h (B); the denominator is the agreement's
  // 720 h for each of the two terminals (it used to be the known hours; issue 19).
  EXPECT_DOUBLE_EQ(s1["known_hours"].get<double>(), 360.0);
  EXPECT_DOUBLE_EQ(s1["unknown_hours"].get<double>(), 2 * 720.0 - 360.0);
  EXPECT_DOUBLE_EQ(s1["planned_hours"].get<double>(), 12.0);
  EXPECT_DOUBLE_EQ(s1["unplanned_hours"].get<double>(), 6.0);
  EXPECT_DOUBLE_EQ(s1["agreement_hours"].get<double>(), 2 * 720.0);
  EXPECT_NEAR(s1["availability"].get<double>(), 1.0 - 18.0 / 1440.0, 1e-12);
  EXPECT_NEAR(s1["agreement_availability"].get<double>(), 1.0 - 6.0 / 1440.0, 1e-12);
  EXPECT_EQ(s1["state"], "incomplete");  // unknown hours (and suspect clocks): never "met"
  EXPECT_EQ(s1["outages"], 2);
  EXPECT_EQ(s1["failure_reports"], 0);
  EXPECT_DOUBLE_EQ(s2["known_hours"].get<double>(), 360.0);
  EXPECT_DOUBLE_EQ(s2["planned_hours"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(s2["unplanned_hours"].get<double>(), 6.0);
  EXPECT_NEAR(s2["availability"].get<double>(), 1.0 - 6.0 / 1440.0, 1e-12);
  EXPECT_EQ(s2["outages"], 1);
  EXPECT_EQ(s2["failure_reports"], 1);
  // Both terminals' clocks were a year behind the centre's when they synced: flagged.
  EXPECT_EQ(s1["suspect_clock_terminals"], 2);
  // Other months: nothing known, no availability.
  EXPECT_TRUE(summary["services"][0]["months"][5]["availability"].is_null());
  EXPECT_DOUBLE_EQ(summary["services"][0]["year"]["known_hours"].get<double>(), 360.0);

  // Nothing doubled by the second sync: one row per outage and run at the centre.
  auto ledgers = centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  ASSERT_EQ(ledgers->size(), 2u);
  EXPECT_EQ((*ledgers)[0].snapshot.outages.size(), 1u);
  EXPECT_EQ((*ledgers)[0].snapshot.failure_reports.size(), 1u);
  EXPECT_EQ((*ledgers)[1].snapshot.outages.size(), 1u);

  // A terminal certificate does not open them.
  HttpClient http(http_of(centre));
  auto refused = http.send({Method::Get, centre.server->base_url() + "/v1/sla/summary?year=1404", {}, {}});
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, 403);
}

TEST(LedgerSync, AnOpenOutageIsUpdatedAtTheCentreWhenItCloses) {
  RunningCentre centre("ledger-open");
  ASSERT_TRUE(centre.server);
  const auto file = centre.dir.file("t.sqlite");
  StepTime time(at(1404, 7, 1));
  auto ledger = sla::Ledger::open(file, time, beat_every(3600));
  ASSERT_TRUE(ledger.ok());
  auto opened = (*ledger)->open_outage(sla::OutageCause::ScannerDown, sla::ServiceScope::all(), "jam");
  ASSERT_TRUE(opened.ok());
  sync_all(ledger_options(file, centre, kOwnTerminal, centre.http), time);
  auto ledgers = centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok() && ledgers->size() == 1);
  ASSERT_EQ((*ledgers)[0].snapshot.outages.size(), 1u);
  EXPECT_EQ((*ledgers)[0].snapshot.outages[0].end, sla::OutageEnd::Open);

  run_for(**ledger, time, 3);
  ASSERT_TRUE((*ledger)->close_outage(*opened).ok());
  sync_all(ledger_options(file, centre, kOwnTerminal, centre.http), time);
  ledgers = centre.server->storage().terminal_ledgers();
  ASSERT_EQ((*ledgers)[0].snapshot.outages.size(), 1u);
  EXPECT_EQ((*ledgers)[0].snapshot.outages[0].end, sla::OutageEnd::Observed);
  EXPECT_EQ((*ledgers)[0].snapshot.outages[0].monotonic_duration_ms, 3 * kHour * 1000);
  EXPECT_EQ((*ledgers)[0].snapshot.outages[0].end_unix, at(1404, 7, 1, 3));
}

// 9.5: the heartbeat's server_time_unix goes into the ledger; a clock five hours slow is
// flagged in the figures and at the centre, a right one is not.
TEST(LedgerSync, ATerminalWhoseClockIsHoursOffIsFlagged) {
  RunningCentre centre("ledger-clock");
  ASSERT_TRUE(centre.server);
  for (const int64_t off_by : {int64_t{-5} * kHour, int64_t{0}}) {
    const std::string terminal = off_by == 0 ? "RIGHT" : "SLOW";
    const auto file = centre.dir.file(terminal + ".sqlite");
    StepTime time(std::time(nullptr) + off_by);
    auto ledger = sla::Ledger::open(file, time);
    ASSERT_TRUE(ledger.ok());
    ASSERT_TRUE((*ledger)->open_outage(sla::OutageCause::PrinterDown, sla::ServiceScope::all(), "").ok());
    SyncOptions options = ledger_options(file, centre, terminal, as_terminal(centre, terminal));
    options.time_source = &time;
    sync_all(options, time);

    auto snapshot = (*ledger)->snapshot();
    ASSERT_TRUE(snapshot.ok());
    ASSERT_FALSE(snapshot->clock_events.empty());
    const sla::ClockEvent& sync = snapshot->clock_events.back();
    EXPECT_EQ(sync.kind, sla::ClockEventKind::CentreSync);
    EXPECT_NEAR(static_cast<double>(sync.offset_seconds), static_cast<double>(-off_by), 5.0) << terminal;
    const int64_t now = time.now().wall_unix;
    const sla::ClockFlags flags = sla::clock_flags(*snapshot, {now - kHour, now + kHour}, {});
    EXPECT_EQ(flags.skew_beyond_threshold, off_by != 0) << terminal;
    EXPECT_EQ(flags.suspect(), off_by != 0) << terminal;
  }
  auto ledgers = centre.server->storage().terminal_ledgers();
  ASSERT_TRUE(ledgers.ok());
  ASSERT_EQ(ledgers->size(), 2u);  // RIGHT, SLOW
  EXPECT_EQ((*ledgers)[0].suspect_clock_outages, 0);
  EXPECT_EQ((*ledgers)[1].suspect_clock_outages, 1);
}

// 9.2 end to end: a notice added at the centre is synced into the terminal's ledger, shown on
// the welcome screen's list, and decides by the 72-hour rule which outage was planned.
TEST(LedgerSync, ANoticePublishedAtTheCentreReachesTheLedgerAndThe72HourRuleApplies) {
  RunningCentre centre("ledger-notice");
  ASSERT_TRUE(centre.server);
  const int64_t published = at(1405, 8, 1);
  const sla::Notice in_time{"on-time",
                            published,
                            published + 72 * kHour,
                            published + 74 * kHour,
                            sla::ServiceScope::all(),
                            "قطع برق ساختمان",
                            "Power works"};
  // Published 71:59 before its outage: too late to make it planned.
  const sla::Notice late{"late",
                         published + 28 * kHour + 60,
                         published + 100 * kHour,
                         published + 102 * kHour,
                         sla::ServiceScope::all(),
                         "به‌روزرسانی سامانه",
                         "System update"};
  ASSERT_TRUE(centre.server->storage().add_notice(in_time).ok());
  ASSERT_TRUE(centre.server->storage().add_notice(late).ok());
  // The centre serves the domain's format.
  HttpClient http(http_of(centre));
  auto served = http.send({Method::Get, centre.server->base_url() + "/v1/notices", {}, {}});
  ASSERT_TRUE(served.ok());
  auto parsed = sla::parse_notices(served->body);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->size(), 2u);

  const auto file = centre.dir.file("t.sqlite");
  StepTime time(published + kHour);
  auto ledger = sla::Ledger::open(file, time, beat_every(3600));
  ASSERT_TRUE(ledger.ok());
  sync_all(ledger_options(file, centre, kOwnTerminal, centre.http), time);
  auto stored = (*ledger)->notices();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0], in_time);
  EXPECT_EQ((*stored)[1], late);
  auto welcome = (*ledger)->welcome_notices();
  ASSERT_TRUE(welcome.ok());
  EXPECT_EQ(welcome->size(), 2u);  // both within the coming week

  // The two outages happen as announced.
  run_for(**ledger, time, 71);
  outage(**ledger, time, sla::OutageCause::CentreUnreachable, sla::ServiceScope::all(), 2);
  run_for(**ledger, time, 100 - 74);
  outage(**ledger, time, sla::OutageCause::CentreUnreachable, sla::ServiceScope::all(), 2);
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot.ok());
  const auto figures = sla::service_year_figures(*snapshot, 1, 1405);
  EXPECT_EQ(figures.year_total.planned_seconds, 2 * kHour);
  EXPECT_EQ(figures.year_total.unplanned_seconds, 2 * kHour);
}

// The scripted journey waits for the first ledger sync (kiosk/app.h) and then reads the
// notices: once the counter shows one, the centre's notices are in the ledger, with no further wait.
TEST(LedgerSync, AfterTheFirstCountedLedgerSyncTheCentresNoticesAreInTheLedger) {
  RunningCentre centre("ledger-first-sync");
  ASSERT_TRUE(centre.server);
  const int64_t published = at(1405, 8, 1);
  const sla::Notice notice{"first",
                           published,
                           published + 72 * kHour,
                           published + 74 * kHour,
                           sla::ServiceScope::only({3}),
                           "قطع برق ساختمان",
                           "Power works"};
  ASSERT_TRUE(centre.server->storage().add_notice(notice).ok());
  const auto file = centre.dir.file("first.sqlite");
  StepTime time(published + kHour);
  auto ledger = sla::Ledger::open(file, time, beat_every(3600));
  ASSERT_TRUE(ledger.ok());
  SyncOptions options = ledger_options(file, centre, kOwnTerminal, centre.http);
  options.ledger_every = std::chrono::minutes(10);  // one ledger sync in this test, at start
  SyncWorker worker(options);
  EXPECT_EQ(worker.counters().ledger_syncs, 0);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually([&] { return worker.counters().ledger_syncs > 0; }, std::chrono::seconds(20)));
  auto stored = (*ledger)->notices();
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0], notice);
  worker.stop();
  EXPECT_EQ(worker.counters().ledger_syncs, 1);
}

}  // namespace
}  // namespace pk::sync::test
