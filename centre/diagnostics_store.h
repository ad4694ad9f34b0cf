#pragma once
// Where the centre keeps the diagnostics bundles terminals send (POST /v1/diagnostics), for
// centre staff to read (`pishkhan-centre --list-diagnostics`):
//   <data>/diagnostics/<terminal>/<yyyymmdd-hhmmss>-<sha256 prefix>.tar   the bundle as received
//   <data>/diagnostics/diagnostics.sqlite                                  terminal, SHA-256, time, size,
//   path
// Idempotent by (terminal, SHA-256): the same bytes sent again by the same terminal (a retry
// after a lost reply) get the first receipt and are not stored twice. The file is on disk and
// fsynced before its row is committed, so a receipt always names a whole file. Safe to call from
// several server threads. With --database the bundles live in PostgreSQL instead
// (make_postgres_diagnostics_store), with the same receipts and the same idempotence.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::centre {

namespace pg {
class Pool;
}

struct DiagnosticsReceipt {
  std::string receipt_id;  // "DG-000001"
  std::string terminal_id;
  std::string sha256_hex;
  std::int64_t bytes = 0;
  std::int64_t received_unix = 0;
  std::filesystem::path file;  // absolute; empty when the bundle is in PostgreSQL
  bool replayed = false;       // already held: this is the first receipt again
};

class DiagnosticsStore {
 public:
  virtual ~DiagnosticsStore() = default;
  // The embedded default: files and SQLite under <data_dir>/diagnostics (above).
  [[nodiscard]] static Result<std::unique_ptr<DiagnosticsStore>> open(const std::filesystem::path& data_dir);

  // `terminal_id` is the authenticated terminal (its certificate's), never something the body says.
  [[nodiscard]] virtual Result<DiagnosticsReceipt> store(const std::string& terminal_id,
                                                         std::string_view bundle, std::int64_t now_unix) = 0;
  // Every bundle held, newest first.
  [[nodiscard]] virtual Result<std::vector<DiagnosticsReceipt>> list() = 0;
  // The bytes of the bundle with this receipt ("DG-000001").
  [[nodiscard]] virtual Result<std::string> read(const std::string& receipt_id) = 0;
};

// The same in PostgreSQL (table diagnostics_bundles, the bundle's bytes in it, so every centre
// instance on the database sees it): receipts have no file.
[[nodiscard]] std::unique_ptr<DiagnosticsStore> make_postgres_diagnostics_store(
    std::shared_ptr<pg::Pool> pool);

// "DG-000042" -> 42; nullopt when it is not a receipt id.
[[nodiscard]] std::optional<std::int64_t> receipt_number(const std::string& receipt_id);
[[nodiscard]] std::string receipt_name(std::int64_t receipt);

}  // namespace pk::centre
