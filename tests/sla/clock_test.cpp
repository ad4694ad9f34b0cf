// Clock flags: skew at centre syncs, wall-clock jumps, a terminal never synced.
#include <gtest/gtest.h>

#include "domain/sla_clock.h"
#include "tests/sla/sla_test_support.h"

namespace pk::sla {
namespace {

using namespace test;

const Interval kMehr{at(1404, 7, 1), at(1404, 8, 1)};

TEST(SlaClock, NoSyncMeansNeverSynced) {
  LedgerSnapshot s;
  const ClockFlags f = clock_flags(s, kMehr, {});
  EXPECT_TRUE(f.never_synced);
  EXPECT_TRUE(f.suspect());
}

TEST(SlaClock, SkewWithinThresholdIsFineBeyondIsFlagged) {
  LedgerSnapshot s;
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 7, 2), 120});
  EXPECT_FALSE(clock_flags(s, kMehr, {}).suspect());
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 7, 3), -121});
  const ClockFlags f = clock_flags(s, kMehr, {});
  EXPECT_TRUE(f.skew_beyond_threshold);
  EXPECT_EQ(f.largest_skew_seconds, -121);
}

TEST(SlaClock, TheLastSyncBeforeThePeriodDescribesItsStart) {
  LedgerSnapshot s;
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 6, 1), 0});
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 6, 30), 900});
  const ClockFlags f = clock_flags(s, kMehr, {});
  EXPECT_FALSE(f.never_synced);
  EXPECT_TRUE(f.skew_beyond_threshold);
  EXPECT_EQ(f.largest_skew_seconds, 900);
}

TEST(SlaClock, RecordedJumpsInsideThePeriodOnly) {
  LedgerSnapshot s;
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 7, 1), 0});
  s.clock_events.push_back({ClockEventKind::WallJump, at(1404, 6, 15), -3600});  // before: not this period
  EXPECT_FALSE(clock_flags(s, kMehr, {}).wall_clock_jumped);
  s.clock_events.push_back({ClockEventKind::WallJump, at(1404, 7, 15), 5});  // within tolerance
  EXPECT_FALSE(clock_flags(s, kMehr, {}).wall_clock_jumped);
  s.clock_events.push_back({ClockEventKind::WallJump, at(1404, 7, 16), 6});
  const ClockFlags f = clock_flags(s, kMehr, {});
  EXPECT_TRUE(f.wall_clock_jumped);
  EXPECT_FALSE(f.went_backwards);
  EXPECT_EQ(f.largest_jump_seconds, 6);
}

TEST(SlaClock, RunWhoseWallEndDisagreesWithItsMonotonicLengthIsAJump) {
  LedgerSnapshot s;
  s.clock_events.push_back({ClockEventKind::CentreSync, at(1404, 7, 1), 0});
  sla::Run run = run_over(at(1404, 7, 2), at(1404, 7, 3));
  run.last_wall_unix -= 600;  // the wall clock lost 10 minutes against the monotonic one
  s.runs.push_back(run);
  const ClockFlags f = clock_flags(s, kMehr, {});
  EXPECT_TRUE(f.went_backwards);
  EXPECT_EQ(f.largest_jump_seconds, -600);
}

}  // namespace
}  // namespace pk::sla
