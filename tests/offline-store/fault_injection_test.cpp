// Full disk and I/O faults: a VFS lets N writes through and fails every later one. For every N
// from 0 until a save succeeds, the save must fail with a clear message and leave the file,
// reopened with the normal VFS, holding exactly what was committed before.
#include <gtest/gtest.h>

#include "offline-store/store.h"
#include "offline-store/testing/fault_vfs.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::store {
namespace {

using testing::FaultKind;
using testing::FaultVfs;

std::string name_of(FaultKind kind) {
  switch (kind) {
    case FaultKind::DiskFull:
      return "DiskFull";
    case FaultKind::IoError:
      return "IoError";
    case FaultKind::SyncError:
      return "SyncError";
  }
  return "?";
}

std::filesystem::path store_with_baseline(const test::TempDir& dir) {
  const auto file = dir.file("store.db");
  auto store = Store::open(file);
  EXPECT_TRUE(store) << store.error().message;
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE((*store)->save_application(test::sample_application(1, 2000), test::tracking_code_for));
  }
  return file;
}

struct Attempt {
  Result<SavedApplication> saved = make_error("not run");
  bool fault_fired = false;
};

// Opens the store through the fault VFS, arms it, saves, and closes while the disk is still
// "full", so the close-time checkpoint fails too and the next open must recover from the WAL.
Attempt save_with_fault(FaultVfs& vfs, const std::filesystem::path& file, int64_t allowed, FaultKind kind,
                        const NewApplication& application) {
  Attempt attempt;
  StoreOptions options;
  options.vfs_name = FaultVfs::kName;
  auto store = Store::open(file, std::move(options));
  EXPECT_TRUE(store) << store.error().message;
  if (!store) return attempt;
  vfs.arm(allowed, kind);
  attempt.saved = (*store)->save_application(application, test::tracking_code_for);
  attempt.fault_fired = vfs.fired();
  store->reset();
  vfs.disarm();
  return attempt;
}

class StoreFaults : public ::testing::TestWithParam<FaultKind> {};

TEST_P(StoreFaults, EveryFailedWriteLeavesExactlyTheCommittedState) {
  auto vfs = FaultVfs::install();
  ASSERT_TRUE(vfs) << vfs.error().message;
  test::TempDir dir("faults-" + name_of(GetParam()));
  const auto file = store_with_baseline(dir);
  // Three pages of 40 KB: a transaction that spans many WAL frames, so faults land mid-way.
  const NewApplication application = test::sample_application(3, 40'000);
  const std::string expected_words =
      GetParam() == FaultKind::DiskFull ? "the disk is full" : "disk read/write error";

  int failures = 0;
  for (int64_t allowed = 0;; ++allowed) {
    ASSERT_LT(allowed, 5000) << "the save never succeeded";
    const test::Snapshot before = test::snapshot(file);
    ASSERT_EQ(before.integrity, "ok");
    Attempt attempt = save_with_fault(**vfs, file, allowed, GetParam(), application);
    const test::Snapshot after = test::snapshot(file);
    ASSERT_EQ(after.integrity, "ok") << "after " << allowed << " writes";

    if (attempt.saved) {
      // The first budget large enough: the application is there, whole, and nothing else changed.
      test::Snapshot expected = before;
      expected.applications.push_back(
          test::ApplicationRow{attempt.saved->tracking_code, attempt.saved->sequence, "queued", 3, 1});
      expected.documents += 3;
      expected.outbox += 1;
      expected.audit += 1;
      expected.tracking_sequence += 1;
      EXPECT_EQ(after, expected) << "after " << allowed << " writes";
      std::cout << "[ faults   ] " << name_of(GetParam()) << ": " << failures
                << " failing write budgets checked before the save fitted in " << allowed << " writes\n";
      break;
    }
    ++failures;
    ASSERT_TRUE(attempt.fault_fired) << "failed without an injected fault: " << attempt.saved.error().message;
    const std::string& message = attempt.saved.error().message;
    EXPECT_NE(message.find(expected_words), std::string::npos) << message;
    EXPECT_NE(message.find("nothing was saved"), std::string::npos) << message;
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
    ASSERT_EQ(after, before) << "after a failure at write " << allowed << ": " << message;
  }
  EXPECT_GT(failures, 3);
}

INSTANTIATE_TEST_SUITE_P(Kinds, StoreFaults, ::testing::Values(FaultKind::DiskFull, FaultKind::IoError),
                         [](const auto& param_info) { return name_of(param_info.param); });

// A failed fsync is ambiguous on every OS: the bytes may or may not have reached the disk. What
// must hold is all-or-nothing: after reopening, the application is either absent, or present
// whole (pages, outbox row, audit row), and the sequence matches either way.
TEST(StoreSyncFaults, AFailedSyncIsAllOrNothing) {
  auto vfs = FaultVfs::install();
  ASSERT_TRUE(vfs) << vfs.error().message;
  test::TempDir dir("faults-sync");
  const auto file = store_with_baseline(dir);
  const NewApplication application = test::sample_application(3, 40'000);

  for (int64_t allowed = 0;; ++allowed) {
    ASSERT_LT(allowed, 100) << "the save never succeeded";
    const test::Snapshot before = test::snapshot(file);
    Attempt attempt = save_with_fault(**vfs, file, allowed, FaultKind::SyncError, application);
    const test::Snapshot after = test::snapshot(file);
    ASSERT_EQ(after.integrity, "ok");
    if (!attempt.saved) {
      EXPECT_NE(attempt.saved.error().message.find("disk read/write error"), std::string::npos)
          << attempt.saved.error().message;
    }
    if (after == before) {
      ASSERT_FALSE(attempt.saved) << "a save reported as done is missing after reopening";
    } else {
      ASSERT_EQ(after.applications.size(), before.applications.size() + 1);
      const test::ApplicationRow& added = after.applications.back();
      EXPECT_EQ(added.documents, 3);
      EXPECT_EQ(added.outbox_rows, 1);
      EXPECT_EQ(after.audit, before.audit + 1);
      EXPECT_EQ(after.tracking_sequence, added.sequence);
      if (!attempt.saved) {
        std::cout << "[ faults   ] fsync failure at sync " << allowed
                  << ": reported as not saved, yet present whole after reopening (" << added.tracking_code
                  << ")\n";
      }
    }
    if (attempt.saved) break;
  }
}

}  // namespace
}  // namespace pk::store
