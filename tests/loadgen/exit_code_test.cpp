#include <gtest/gtest.h>

#include "loadgen/load.h"

namespace pk::loadgen {
namespace {

LoadReport clean_run() {
  LoadReport report;
  report.terminals_requested = 3;
  report.terminals_enrolled = 3;
  report.verified = true;
  report.submissions.planned = 10;
  report.submissions.sent = 10;
  report.submissions.acknowledged = 10;
  report.check.checked = 10;
  report.check.intact = 10;
  return report;
}

TEST(ExitCode, IsZeroOnlyForACleanRun) {
  EXPECT_EQ(exit_code(clean_run(), false), 0);
  for (int64_t CheckFigures::*figure : {&CheckFigures::lost, &CheckFigures::duplicates,
                                        &CheckFigures::mismatches, &CheckFigures::unverified}) {
    LoadReport report = clean_run();
    report.check.*figure = 1;
    EXPECT_EQ(exit_code(report, false), 1);
    EXPECT_EQ(exit_code(report, true), 1) << "--allow-errors never lets a lost or duplicated one pass";
  }
}

TEST(ExitCode, FailedRequestsAndUndeliveredApplicationsPassOnlyWithAllowErrors) {
  LoadReport errors = clean_run();
  errors.request_errors = 4;
  EXPECT_EQ(exit_code(errors, false), 1);
  EXPECT_EQ(exit_code(errors, true), 0);
  LoadReport cut = clean_run();
  cut.submissions.acknowledged = 9;
  cut.submissions.cut_off = 1;
  EXPECT_EQ(exit_code(cut, false), 1);
  EXPECT_EQ(exit_code(cut, true), 0);
  LoadReport nothing = clean_run();
  nothing.submissions.acknowledged = 0;
  EXPECT_EQ(exit_code(nothing, true), 1) << "a run that delivered nothing proves nothing";
}

TEST(ExitCode, IsOneHundredThirtyAfterAStop) {
  LoadReport report = clean_run();
  report.interrupted = true;
  EXPECT_EQ(exit_code(report, false), 130);
}

}  // namespace
}  // namespace pk::loadgen
