#pragma once
// A sqlite3 VFS for tests that wraps the default one and, once armed, lets N write operations
// through and fails every later one, the way a disk that fills up or dies stays full or dead.
// Open a Store with StoreOptions{.vfs_name = FaultVfs::kName} to route it through this VFS.
#include <atomic>
#include <cstdint>

#include "domain/result.h"

namespace pk::store::testing {

enum class FaultKind {
  DiskFull,   // xWrite/xTruncate fail with SQLITE_FULL
  IoError,    // xWrite/xTruncate fail with SQLITE_IOERR_WRITE
  SyncError,  // xSync fails with SQLITE_IOERR_FSYNC (the data may already have reached the file)
};

class FaultVfs {
 public:
  static constexpr const char* kName = "pk-fault";

  // Registers the VFS (once per process, not as the default) and returns the controller.
  [[nodiscard]] static Result<FaultVfs*> install();

  // From now on, allow `operations_allowed` operations of the kind's class (writes and truncates,
  // or syncs), then fail every later one until disarm().
  void arm(int64_t operations_allowed, FaultKind kind);
  void disarm();
  [[nodiscard]] bool fired() const { return m_fired.load(); }
  [[nodiscard]] int64_t operations_seen() const { return m_seen.load(); }

  // Called by the VFS: returns SQLITE_OK to let the operation through, or the error to report.
  [[nodiscard]] int on_write();
  [[nodiscard]] int on_sync();

 private:
  [[nodiscard]] int count(bool is_sync);

  std::atomic<bool> m_armed{false};
  std::atomic<bool> m_fired{false};
  std::atomic<int64_t> m_allowed{0};
  std::atomic<int64_t> m_seen{0};
  std::atomic<FaultKind> m_kind{FaultKind::DiskFull};
};

}  // namespace pk::store::testing
