#pragma once
// Where the centre keeps the diagnostics bundles terminals send (POST /v1/diagnostics), for
// centre staff to read (`pishkhan-centre --list-diagnostics`):
//   <data>/diagnostics/<terminal>/<yyyymmdd-hhmmss>-<sha256 prefix>.tar   the bundle as received
//   <data>/diagnostics/diagnostics.sqlite                                  terminal, SHA-256, time, size,
//   path
// Idempotent by (terminal, SHA-256): the same bytes sent again by the same terminal (a retry
// after a lost reply) get the first receipt and are not stored twice. The file is on disk and
// fsynced before its row is committed, so a receipt always names a whole file. Safe to call from
// several server threads.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "offline-store/database.h"

namespace pk::centre {

struct DiagnosticsReceipt {
  std::string receipt_id;  // "DG-000001"
  std::string terminal_id;
  std::string sha256_hex;
  std::int64_t bytes = 0;
  std::int64_t received_unix = 0;
  std::filesystem::path file;  // absolute
  bool replayed = false;       // already held: this is the first receipt again
};

class DiagnosticsStore {
 public:
  [[nodiscard]] static Result<std::unique_ptr<DiagnosticsStore>> open(const std::filesystem::path& data_dir);

  // `terminal_id` is the authenticated terminal (its certificate's), never something the body says.
  [[nodiscard]] Result<DiagnosticsReceipt> store(const std::string& terminal_id, std::string_view bundle,
                                                 std::int64_t now_unix);
  // Every bundle held, newest first.
  [[nodiscard]] Result<std::vector<DiagnosticsReceipt>> list();

 private:
  DiagnosticsStore(store::Database db, std::filesystem::path dir)
      : m_db(std::move(db)), m_dir(std::move(dir)) {}
  [[nodiscard]] Result<std::vector<DiagnosticsReceipt>> select(std::string_view where_sql,
                                                               const std::string& terminal,
                                                               const std::string& sha);

  std::mutex m_mutex;
  store::Database m_db;
  std::filesystem::path m_dir;  // <data>/diagnostics
};

}  // namespace pk::centre
