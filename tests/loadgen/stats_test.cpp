#include "loadgen/stats.h"

#include <gtest/gtest.h>

namespace pk::loadgen {
namespace {

TEST(Percentile, IsTheNearestRank) {
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i);
  EXPECT_EQ(percentile(values, 50), 50);
  EXPECT_EQ(percentile(values, 99), 99);
  EXPECT_EQ(percentile(values, 100), 100);
  EXPECT_EQ(percentile({7}, 99), 7);
  EXPECT_EQ(percentile({}, 50), 0);
  EXPECT_EQ(percentile({1, 2, 3}, 50), 2);
}

TEST(RouteStats, CountsOutcomesAndErrorsPerPhaseAndRoute) {
  RouteStats stats;
  stats.add("load", "POST /v1/heartbeat", 5, "200", false);
  stats.add("load", "POST /v1/heartbeat", 15, "503", true);
  stats.add("load", "POST /v1/heartbeat", 10, "200", false);
  stats.add("enroll", "POST /v1/enroll", 30, "200", false);
  stats.add("verify", "GET /v1/applications/{code}", 2, "curl:28 timeout", true);
  const auto summaries = stats.summaries();
  ASSERT_EQ(summaries.size(), 3U);
  EXPECT_EQ(summaries[0].phase, "enroll");
  EXPECT_EQ(summaries[1].phase, "load");
  EXPECT_EQ(summaries[1].count, 3);
  EXPECT_EQ(summaries[1].errors, 1);
  EXPECT_EQ(summaries[1].p50_ms, 10);
  EXPECT_EQ(summaries[1].max_ms, 15);
  EXPECT_EQ(summaries[1].outcomes.at("200"), 2);
  EXPECT_EQ(summaries[1].outcomes.at("503"), 1);
  EXPECT_EQ(summaries[2].phase, "verify");
  EXPECT_EQ(stats.requests("load"), 3);
  EXPECT_EQ(stats.errors(), 2);
}

}  // namespace
}  // namespace pk::loadgen
