// What the ledger hands the sync client for the centre: only rows the centre has not
// acknowledged at their current revision, so every sync is incremental and a retry is harmless.
#include <gtest/gtest.h>

#include "sla/ledger.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

TEST(SlaLedgerChanges, OnlyWhatChangedSinceTheLastAcknowledgementIsSentAgain) {
  TempDir dir("ledger-changes");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger) << ledger.error().message;
  auto sync = Ledger::open_for_sync(dir.file("store.db"), time);
  ASSERT_TRUE(sync) << sync.error().message;

  auto outage = (*ledger)->open_outage(OutageCause::PrinterDown, ServiceScope::only({3}), "paper");
  ASSERT_TRUE(outage);
  ASSERT_TRUE((*sync)->record_centre_time(at(1404, 7, 1) + 400, at(1404, 7, 1), 1000));  // 400 s off

  auto first = (*sync)->changes_for_centre(100);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->outages.size(), 1u);
  EXPECT_EQ(first->outages[0].outage.id, *outage);
  EXPECT_EQ(first->outages[0].outage.end, OutageEnd::Open);
  EXPECT_EQ(first->outages[0].outage.services, ServiceScope::only({3}));
  EXPECT_TRUE(first->outages[0].clock_suspect);  // 400 s beyond the 120 s the policy allows
  EXPECT_EQ(first->runs.size(), 1u);
  ASSERT_EQ(first->clock_events.size(), 1u);
  EXPECT_EQ(first->clock_events[0].event.offset_seconds, 400);
  ASSERT_TRUE((*sync)->acknowledge(*first));
  auto nothing = (*sync)->changes_for_centre(100);
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->empty());

  // The outage closes after a minute of beats: the outage and the run go again, nothing else.
  for (int i = 0; i < 2; ++i) {
    time.advance(30);
    ASSERT_TRUE((*ledger)->heartbeat());
  }
  ASSERT_TRUE((*ledger)->close_outage(*outage));
  auto second = (*sync)->changes_for_centre(100);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->outages.size(), 1u);
  EXPECT_EQ(second->outages[0].outage.end, OutageEnd::Observed);
  EXPECT_EQ(second->outages[0].outage.monotonic_duration_ms, 60'000);
  ASSERT_EQ(second->runs.size(), 1u);
  EXPECT_EQ(second->runs[0].run.monotonic_duration_ms, 60'000);
  EXPECT_TRUE(second->clock_events.empty());

  // An acknowledgement that arrives late (of the first, open revision) does not undo the second.
  ASSERT_TRUE((*sync)->acknowledge(*second));
  ASSERT_TRUE((*sync)->acknowledge(*first));
  auto after = (*sync)->changes_for_centre(100);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->empty());
}

TEST(SlaLedgerChanges, TheSyncConnectionNeverBeatsNorOpensOutages) {
  TempDir dir("ledger-sync-role");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger);
  auto sync = Ledger::open_for_sync(dir.file("store.db"), time);
  ASSERT_TRUE(sync);
  EXPECT_FALSE((*sync)->heartbeat());
  EXPECT_FALSE((*sync)->open_outage(OutageCause::ScannerDown, ServiceScope::all(), ""));
  // Opening it did not start a run nor close the terminal's open outages.
  auto snapshot = (*ledger)->snapshot();
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->runs.size(), 1u);
}

TEST(SlaLedgerChanges, ALimitBoundsEachKind) {
  TempDir dir("ledger-limit");
  FakeTime time(at(1404, 7, 1), 1000);
  auto ledger = Ledger::open(dir.file("store.db"), time, beat_every(30));
  ASSERT_TRUE(ledger);
  for (int i = 0; i < 5; ++i) {
    auto opened = (*ledger)->open_outage(OutageCause::ScannerDown, ServiceScope::all(), "");
    ASSERT_TRUE(opened);
    ASSERT_TRUE((*ledger)->close_outage(*opened));
  }
  auto sync = Ledger::open_for_sync(dir.file("store.db"), time);
  ASSERT_TRUE(sync);
  auto some = (*sync)->changes_for_centre(2);
  ASSERT_TRUE(some);
  EXPECT_EQ(some->outages.size(), 2u);
  ASSERT_TRUE((*sync)->acknowledge(*some));
  auto rest = (*sync)->changes_for_centre(100);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->outages.size(), 3u);
  EXPECT_EQ(rest->outages[0].outage.id, some->outages[1].outage.id + 1);
}

}  // namespace
}  // namespace pk::sla
