// BackgroundTask: the frame loop must keep running while work runs, get each result exactly
// once, and never start a second run of the same work while the first is going.
#include "kiosk/background_task.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>

namespace pk::kiosk {
namespace {

TEST(BackgroundTask, ResultArrivesOnceAfterTheWorkFinishes) {
  BackgroundTask<std::string> task;
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  ASSERT_TRUE(task.start([gate] {
    gate.wait();
    return std::string("ATR 3B 8F");
  }));
  EXPECT_TRUE(task.running());
  EXPECT_FALSE(task.take().has_value()) << "no result while the work is blocked";

  release.set_value();
  task.join();
  EXPECT_FALSE(task.running());
  std::optional<std::string> result = task.take();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, "ATR 3B 8F");
  EXPECT_FALSE(task.take().has_value()) << "a result is handed out once";
}

TEST(BackgroundTask, SecondStartIsRefusedWhileRunning) {
  BackgroundTask<int> task;
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> runs{0};
  ASSERT_TRUE(task.start([&] {
    gate.wait();
    return ++runs;
  }));
  EXPECT_FALSE(task.start([&] { return ++runs; }));
  release.set_value();
  task.join();
  EXPECT_EQ(task.take(), 1);
  EXPECT_EQ(runs.load(), 1);

  // Once finished, the task can run again.
  ASSERT_TRUE(task.start([&] { return ++runs + 10; }));
  task.join();
  EXPECT_EQ(task.take(), 12);
}

TEST(BackgroundTask, DestructorWaitsForRunningWork) {
  std::atomic<bool> finished{false};
  {
    BackgroundTask<int> task;
    ASSERT_TRUE(task.start([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      finished = true;
      return 0;
    }));
  }
  EXPECT_TRUE(finished.load());
}

}  // namespace
}  // namespace pk::kiosk
