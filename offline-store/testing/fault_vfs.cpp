#include "offline-store/testing/fault_vfs.h"

#include <sqlite3.h>

#include <mutex>

namespace pk::store::testing {
namespace {

FaultVfs g_controller;
sqlite3_vfs g_vfs{};
sqlite3_io_methods g_methods{};

// Our file object: SQLite allocates szOsFile bytes; the real file lives right after this header.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_vfs* real_vfs() { return static_cast<sqlite3_vfs*>(g_vfs.pAppData); }
sqlite3_file* real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

int x_close(sqlite3_file* file) {
  sqlite3_file* inner = real(file);
  return inner->pMethods != nullptr ? inner->pMethods->xClose(inner) : SQLITE_OK;
}
int x_read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
  return real(file)->pMethods->xRead(real(file), out, amount, offset);
}
int x_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  // The fault happens before the real write, so a refused write leaves no bytes behind.
  if (const int rc = g_controller.on_write(); rc != SQLITE_OK) return rc;
  return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}
int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
  if (const int rc = g_controller.on_write(); rc != SQLITE_OK) return rc;
  return real(file)->pMethods->xTruncate(real(file), size);
}
int x_sync(sqlite3_file* file, int flags) {
  if (const int rc = g_controller.on_sync(); rc != SQLITE_OK) return rc;
  return real(file)->pMethods->xSync(real(file), flags);
}
int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real(file)->pMethods->xFileSize(real(file), size);
}
int x_lock(sqlite3_file* file, int level) { return real(file)->pMethods->xLock(real(file), level); }
int x_unlock(sqlite3_file* file, int level) { return real(file)->pMethods->xUnlock(real(file), level); }
int x_check_reserved_lock(sqlite3_file* file, int* out) {
  return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int x_file_control(sqlite3_file* file, int op, void* arg) {
  return real(file)->pMethods->xFileControl(real(file), op, arg);
}
int x_sector_size(sqlite3_file* file) { return real(file)->pMethods->xSectorSize(real(file)); }
int x_device_characteristics(sqlite3_file* file) {
  return real(file)->pMethods->xDeviceCharacteristics(real(file));
}
int x_shm_map(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return real(file)->pMethods->xShmMap(real(file), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* file) { real(file)->pMethods->xShmBarrier(real(file)); }
int x_shm_unmap(sqlite3_file* file, int delete_flag) {
  return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
}
int x_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  // No memory-mapped reads: every page goes through xRead, which keeps the picture simple.
  (void)file;
  (void)offset;
  (void)amount;
  *out = nullptr;
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  (void)file;
  (void)offset;
  (void)page;
  return SQLITE_OK;
}

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  (void)vfs;
  auto* wrapper = reinterpret_cast<FaultFile*>(file);
  wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
  wrapper->real->pMethods = nullptr;
  const int rc = real_vfs()->xOpen(real_vfs(), name, wrapper->real, flags, out_flags);
  // SQLite calls xClose only when pMethods is set, so set it only when the real file is open.
  wrapper->base.pMethods = rc == SQLITE_OK && wrapper->real->pMethods != nullptr ? &g_methods : nullptr;
  return rc;
}
int x_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return real_vfs()->xDelete(real_vfs(), name, sync_dir);
}
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return real_vfs()->xAccess(real_vfs(), name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return real_vfs()->xFullPathname(real_vfs(), name, size, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) { return real_vfs()->xDlOpen(real_vfs(), name); }
void x_dl_error(sqlite3_vfs*, int size, char* out) { real_vfs()->xDlError(real_vfs(), size, out); }
void (*x_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return real_vfs()->xDlSym(real_vfs(), handle, symbol);
}
void x_dl_close(sqlite3_vfs*, void* handle) { real_vfs()->xDlClose(real_vfs(), handle); }
int x_randomness(sqlite3_vfs*, int size, char* out) { return real_vfs()->xRandomness(real_vfs(), size, out); }
int x_sleep(sqlite3_vfs*, int micros) { return real_vfs()->xSleep(real_vfs(), micros); }
int x_current_time(sqlite3_vfs*, double* out) { return real_vfs()->xCurrentTime(real_vfs(), out); }
int x_get_last_error(sqlite3_vfs*, int size, char* out) {
  return real_vfs()->xGetLastError(real_vfs(), size, out);
}
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  return real_vfs()->xCurrentTimeInt64(real_vfs(), out);
}

int register_vfs() {
  sqlite3_vfs* inner = sqlite3_vfs_find(nullptr);
  if (inner == nullptr || inner->iVersion < 2) return SQLITE_ERROR;
  g_methods.iVersion = 3;
  g_methods.xClose = x_close;
  g_methods.xRead = x_read;
  g_methods.xWrite = x_write;
  g_methods.xTruncate = x_truncate;
  g_methods.xSync = x_sync;
  g_methods.xFileSize = x_file_size;
  g_methods.xLock = x_lock;
  g_methods.xUnlock = x_unlock;
  g_methods.xCheckReservedLock = x_check_reserved_lock;
  g_methods.xFileControl = x_file_control;
  g_methods.xSectorSize = x_sector_size;
  g_methods.xDeviceCharacteristics = x_device_characteristics;
  g_methods.xShmMap = x_shm_map;
  g_methods.xShmLock = x_shm_lock;
  g_methods.xShmBarrier = x_shm_barrier;
  g_methods.xShmUnmap = x_shm_unmap;
  g_methods.xFetch = x_fetch;
  g_methods.xUnfetch = x_unfetch;

  g_vfs.iVersion = 2;
  g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + inner->szOsFile;
  g_vfs.mxPathname = inner->mxPathname;
  g_vfs.zName = FaultVfs::kName;
  g_vfs.pAppData = inner;
  g_vfs.xOpen = x_open;
  g_vfs.xDelete = x_delete;
  g_vfs.xAccess = x_access;
  g_vfs.xFullPathname = x_full_pathname;
  g_vfs.xDlOpen = x_dl_open;
  g_vfs.xDlError = x_dl_error;
  g_vfs.xDlSym = x_dl_sym;
  g_vfs.xDlClose = x_dl_close;
  g_vfs.xRandomness = x_randomness;
  g_vfs.xSleep = x_sleep;
  g_vfs.xCurrentTime = x_current_time;
  g_vfs.xGetLastError = x_get_last_error;
  g_vfs.xCurrentTimeInt64 = x_current_time_int64;
  return sqlite3_vfs_register(&g_vfs, 0);
}

}  // namespace

Result<FaultVfs*> FaultVfs::install() {
  static std::once_flag once;
  static int status = SQLITE_OK;
  std::call_once(once, [] { status = register_vfs(); });
  if (status != SQLITE_OK) {
    return make_error(std::string("registering the fault-injecting sqlite3 VFS failed: ") +
                      sqlite3_errstr(status));
  }
  return &g_controller;
}

void FaultVfs::arm(int64_t operations_allowed, FaultKind kind) {
  m_kind = kind;
  m_allowed = operations_allowed;
  m_seen = 0;
  m_fired = false;
  m_armed = true;
}

void FaultVfs::disarm() { m_armed = false; }

int FaultVfs::count(bool is_sync) {
  if (!m_armed.load()) return SQLITE_OK;
  const FaultKind kind = m_kind.load();
  if ((kind == FaultKind::SyncError) != is_sync) return SQLITE_OK;
  if (m_seen.fetch_add(1) < m_allowed.load()) return SQLITE_OK;
  m_fired = true;
  switch (kind) {
    case FaultKind::DiskFull:
      return SQLITE_FULL;
    case FaultKind::IoError:
      return SQLITE_IOERR_WRITE;
    case FaultKind::SyncError:
      return SQLITE_IOERR_FSYNC;
  }
  return SQLITE_IOERR;
}

int FaultVfs::on_write() { return count(false); }
int FaultVfs::on_sync() { return count(true); }

}  // namespace pk::store::testing
