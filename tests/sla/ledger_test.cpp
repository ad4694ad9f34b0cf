// The terminal-side ledger on a real SQLite file: heartbeats, outages, notices, clock samples,
// failure reports from the store, and the snapshot they make.
#include <gtest/gtest.h>

#include "base/database.h"
#include "offline-store/migrations.h"
#include "offline-store/store.h"
#include "sla/ledger.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

int64_t query(const std::filesystem::path& file, const std::string& sql) {
  auto db = store::Database::open(file, store::OpenOptions{});
  EXPECT_TRUE(db) << db.error().message;
  auto value = db->query_int64(sql);
  EXPECT_TRUE(value) << value.error().message;
  return value ? *value : -1;
}

TEST(SlaLedger, OpensTheStoreAtTheLatestSchemaWithTheLedgerTables) {
  TempDir dir("ledger-schema");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger) << ledger.error().message;
  EXPECT_EQ(query(dir.file("store.db"), "PRAGMA user_version"), store::latest_schema_version());
  for (const char* table :
       {"heartbeats", "outages", "outage_notices", "clock_events", "applications", "ledger_acks"}) {
    EXPECT_EQ(
        query(dir.file("store.db"),
              std::string("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='") + table + "'"),
        1)
        << table;
  }
  // The store's own connection opens the same file at the same version.
  auto store = store::Store::open(dir.file("store.db"));
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), store::latest_schema_version());
}

TEST(SlaLedger, HeartbeatUpdatesOneRowInPlace) {
  TempDir dir("ledger-beat");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger) << ledger.error().message;
  for (int i = 0; i < 10; ++i) {
    time.advance(30);
    ASSERT_TRUE((*ledger)->heartbeat());
  }
  EXPECT_EQ(query(dir.file("store.db"), "SELECT count(*) FROM heartbeats"), 1);
  EXPECT_EQ(query(dir.file("store.db"), "SELECT beats FROM heartbeats"), 11);
  EXPECT_EQ(query(dir.file("store.db"), "SELECT last_wall_unix - started_wall_unix FROM heartbeats"), 300);
}

TEST(SlaLedger, HeartbeatIfDueWaitsForTheInterval) {
  TempDir dir("ledger-due");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger);
  time.advance(29);
  ASSERT_TRUE((*ledger)->heartbeat_if_due());
  EXPECT_EQ(query(dir.file("store.db"), "SELECT beats FROM heartbeats"), 1);
  time.advance(1);
  ASSERT_TRUE((*ledger)->heartbeat_if_due());
  EXPECT_EQ(query(dir.file("store.db"), "SELECT beats FROM heartbeats"), 2);
}

TEST(SlaLedger, WallClockJumpStartsANewRunAndIsRecorded) {
  TempDir dir("ledger-jump");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  time.advance(30);
  ASSERT_TRUE((*ledger)->heartbeat());
  time.advance(30);
  time.set_wall(time.now().wall_unix - 3600);  // set back an hour
  ASSERT_TRUE((*ledger)->heartbeat());
  EXPECT_EQ(query(dir.file("store.db"), "SELECT count(*) FROM heartbeats"), 2);
  EXPECT_EQ(query(dir.file("store.db"), "SELECT offset_seconds FROM clock_events WHERE kind='wall_jump'"),
            -3600);
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->runs.size(), 2u);
  EXPECT_EQ(snapshot->runs[0].interval().length(), 30);  // up to the last beat before the jump
  ASSERT_EQ(snapshot->clock_events.size(), 1u);
  EXPECT_EQ(snapshot->clock_events[0].kind, ClockEventKind::WallJump);
}

TEST(SlaLedger, LongGapBetweenBeatsStartsANewRun) {
  TempDir dir("ledger-gap");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger);
  time.advance(91);  // more than 3 intervals: the process was frozen
  ASSERT_TRUE((*ledger)->heartbeat());
  EXPECT_EQ(query(dir.file("store.db"), "SELECT count(*) FROM heartbeats"), 2);
  EXPECT_EQ(query(dir.file("store.db"), "SELECT count(*) FROM clock_events"), 0);
}

TEST(SlaLedger, OutageMeasuredOnTheMonotonicClockAcrossAWallClockChange) {
  TempDir dir("ledger-outage");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  auto id = (*ledger)->open_outage(OutageCause::CentreUnreachable, ServiceScope::all(), "HTTP 503");
  ASSERT_TRUE(id) << id.error().message;
  // A second open outage of the same cause is refused; another cause is fine.
  EXPECT_FALSE((*ledger)->open_outage(OutageCause::CentreUnreachable, ServiceScope::all(), ""));
  EXPECT_TRUE((*ledger)->open_outage(OutageCause::PrinterDown, ServiceScope::only({3}), "paper out"));
  time.advance(1800);
  time.set_wall(time.now().wall_unix + 7200);  // NTP steps the clock 2 h forward
  time.advance(1800);
  ASSERT_TRUE((*ledger)->close_outage(*id));
  EXPECT_FALSE((*ledger)->close_outage(*id));  // already closed
  EXPECT_EQ(query(dir.file("store.db"), "SELECT duration_ms FROM outages WHERE id = " + std::to_string(*id)),
            3600 * 1000);

  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->outages.size(), 2u);
  EXPECT_EQ(snapshot->outages[0].end, OutageEnd::Observed);
  EXPECT_EQ(effective_interval(snapshot->outages[0], snapshot->as_of_unix).length(), 3600);
  EXPECT_EQ(snapshot->outages[1].end, OutageEnd::Open);
  EXPECT_EQ(snapshot->outages[1].services, ServiceScope::only({3}));
  EXPECT_EQ(*snapshot->outages[1].monotonic_duration_ms, 3600 * 1000);
  auto open = (*ledger)->open_outages();
  ASSERT_TRUE(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].cause, OutageCause::PrinterDown);
}

// An observer that waits for the second missed heartbeat knows the outage began at the first:
// the outage starts then, on both clocks, and never before the run (this process's beats) began.
TEST(SlaLedger, AnOutageMayStartBeforeItIsOpenedButNotBeforeTheRun) {
  TempDir dir("ledger-backdated");
  const int64_t start = at(1404, 7, 5, 10);
  FakeTime time(start, 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(60));
  ASSERT_TRUE(ledger);
  for (int i = 0; i < 10; ++i) {  // ten minutes of one run
    time.advance(60);
    ASSERT_TRUE((*ledger)->heartbeat());
  }
  auto id = (*ledger)->open_outage(OutageCause::CentreUnreachable, ServiceScope::all(), "3 missed",
                                   std::chrono::milliseconds(120'500));
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(
      query(dir.file("store.db"), "SELECT started_wall_unix FROM outages WHERE id = " + std::to_string(*id)),
      start + 600 - 120);
  EXPECT_EQ(query(dir.file("store.db"),
                  "SELECT started_monotonic_ms FROM outages WHERE id = " + std::to_string(*id)),
            5000 + 600'000 - 120'500);
  time.advance(60);
  ASSERT_TRUE((*ledger)->close_outage(*id));
  EXPECT_EQ(query(dir.file("store.db"), "SELECT duration_ms FROM outages WHERE id = " + std::to_string(*id)),
            180'500);

  // Asked to start an hour back, eleven minutes into the run: it starts with the run.
  auto printer =
      (*ledger)->open_outage(OutageCause::PrinterDown, ServiceScope::all(), "", std::chrono::hours(1));
  ASSERT_TRUE(printer);
  EXPECT_EQ(query(dir.file("store.db"),
                  "SELECT started_wall_unix FROM outages WHERE id = " + std::to_string(*printer)),
            start);
  EXPECT_EQ(query(dir.file("store.db"),
                  "SELECT started_monotonic_ms FROM outages WHERE id = " + std::to_string(*printer)),
            5000);
}

TEST(SlaLedger, ClosedOutagesAreFinalInTheFile) {
  TempDir dir("ledger-final");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  auto id = (*ledger)->open_outage(OutageCause::ScannerDown, ServiceScope::all(), "");
  ASSERT_TRUE(id);
  time.advance(60);
  ASSERT_TRUE((*ledger)->close_outage(*id));
  auto db = store::Database::open(dir.file("store.db"), store::OpenOptions{});
  ASSERT_TRUE(db);
  EXPECT_FALSE(db->exec("UPDATE outages SET duration_ms = 0"));
  EXPECT_FALSE(db->exec("DELETE FROM outages"));
}

TEST(SlaLedger, CentreTimeSamplesFlagSkew) {
  TempDir dir("ledger-skew");
  FakeTime time(at(1404, 7, 5, 10), 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  ASSERT_TRUE((*ledger)->record_centre_time(at(1404, 7, 5, 10) + 600, at(1404, 7, 5, 10), 5000));
  auto data = (*ledger)->technician_data(std::vector<int>{3});
  ASSERT_TRUE(data) << data.error().message;
  EXPECT_EQ(data->last_centre_offset_seconds, 600);
  EXPECT_TRUE(data->month_clock.skew_beyond_threshold);
  EXPECT_TRUE(data->month_clock.suspect());
}

TEST(SlaLedger, NoticesAreStoredRevisedAndShownOnTheWelcomeScreen) {
  TempDir dir("ledger-notices");
  const int64_t now = at(1404, 9, 1, 9);
  FakeTime time(now, 5000);
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  std::vector<Notice> notices = {notice("a", now - kDay, now + kDay, now + kDay + kHour),
                                 notice("b", now - 3 * kDay, now - 2 * kDay, now - kDay)};
  ASSERT_TRUE((*ledger)->store_notices(notices));
  notices[0].ends_unix += kHour;  // the centre extended the window
  ASSERT_TRUE((*ledger)->store_notices(notices));
  auto stored = (*ledger)->notices();
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[1].ends_unix, now + kDay + 2 * kHour);
  EXPECT_EQ((*stored)[1].text_fa, "قطعی برای نگهداری");
  auto welcome = (*ledger)->welcome_notices();
  ASSERT_TRUE(welcome);
  ASSERT_EQ(welcome->size(), 1u);
  EXPECT_EQ((*welcome)[0].id, "a");
}

TEST(SlaLedger, FailureReportsComeFromTheStoresApplications) {
  TempDir dir("ledger-reports");
  const int64_t now = at(1404, 7, 20, 9);
  FakeTime time(now, 5000);
  {
    auto store = store::Store::open(dir.file("store.db"));
    ASSERT_TRUE(store) << store.error().message;
    int n = 0;
    for (std::optional<int64_t> service :
         {std::optional<int64_t>(3), std::optional<int64_t>(3), std::optional<int64_t>()}) {
      store::NewApplication report;
      report.kind = store::ApplicationKind::FailureReport;
      report.service_number = service;
      report.terminal_id = "KSK7";
      report.created_at_unix = now - kDay;
      report.sealed_personal = {1, 2, 3};
      auto saved =
          (*store)->save_application(report, [&](int64_t seq) { return "FR" + std::to_string(seq + n); });
      ASSERT_TRUE(saved) << saved.error().message;
      ++n;
    }
  }
  auto ledger = Ledger::open(dir.file("store.db"), time);
  ASSERT_TRUE(ledger);
  auto data = (*ledger)->technician_data(std::vector<int>{3, 5});
  ASSERT_TRUE(data);
  EXPECT_EQ(data->services[0].recent_failure_reports, 2);
  EXPECT_EQ(data->services[0].month.failure_reports, 2);
  EXPECT_EQ(data->services[1].recent_failure_reports, 0);
  EXPECT_EQ(data->recent_unattributed_failure_reports, 1);
}

}  // namespace
}  // namespace pk::sla
