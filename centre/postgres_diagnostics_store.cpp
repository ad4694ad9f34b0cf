// DiagnosticsStore on PostgreSQL: the bundle's bytes and its receipt in one row, idempotent by
// (terminal, SHA-256) across every centre instance on the database.
#include "centre/diagnostics_store.h"
#include "centre/postgres_database.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using pg::Connection;
using pg::Params;

class PostgresDiagnosticsStore final : public DiagnosticsStore {
 public:
  explicit PostgresDiagnosticsStore(std::shared_ptr<pg::Pool> pool) : m_pool(std::move(pool)) {}

  Result<DiagnosticsReceipt> store(const std::string& terminal_id, std::string_view bundle,
                                   std::int64_t now_unix) override {
    const std::string sha = sync::to_hex(sync::sha256(bundle));
    const auto bytes = std::span(reinterpret_cast<const uint8_t*>(bundle.data()), bundle.size());
    return m_pool->transaction<DiagnosticsReceipt>(
        "diagnostics from " + terminal_id, [&](Connection& c) -> Result<DiagnosticsReceipt> {
          auto held = find(c, terminal_id, sha);
          if (!held) return held.error();
          if (*held) return **held;
          // Another instance storing the same bytes at this moment: ON CONFLICT waits for it,
          // and its row is then the first receipt.
          auto inserted = c.exec(
              "INSERT INTO diagnostics_bundles (terminal_id, sha256, size_bytes, received_unix, content) "
              "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (terminal_id, sha256) DO NOTHING RETURNING receipt",
              Params()
                  .text(terminal_id)
                  .text(sha)
                  .int64(static_cast<std::int64_t>(bundle.size()))
                  .int64(now_unix)
                  .bytes(bytes));
          if (!inserted) return inserted.error();
          if (inserted->empty()) {
            held = find(c, terminal_id, sha);
            if (!held) return held.error();
            if (*held) return **held;
            return make_error("the bundle was neither stored nor found");
          }
          DiagnosticsReceipt receipt;
          receipt.receipt_id = receipt_name(inserted->int64(0, 0));
          receipt.terminal_id = terminal_id;
          receipt.sha256_hex = sha;
          receipt.bytes = static_cast<std::int64_t>(bundle.size());
          receipt.received_unix = now_unix;
          return receipt;
        });
  }

  Result<std::vector<DiagnosticsReceipt>> list() override {
    return m_pool->read<std::vector<DiagnosticsReceipt>>(
        "diagnostics list", [](Connection& c) -> Result<std::vector<DiagnosticsReceipt>> {
          auto rows = c.exec(
              "SELECT receipt, terminal_id, sha256, size_bytes, received_unix FROM diagnostics_bundles "
              "ORDER BY received_unix DESC, receipt DESC");
          if (!rows) return rows.error();
          std::vector<DiagnosticsReceipt> out;
          for (int i = 0; i < rows->size(); ++i) out.push_back(receipt_of(*rows, i, false));
          return out;
        });
  }

  Result<std::string> read(const std::string& receipt_id) override {
    const auto number = receipt_number(receipt_id);
    if (!number) return make_error("diagnostics: " + receipt_id + " is not a receipt (DG-000001)");
    auto content = m_pool->read<std::optional<std::string>>(
        "diagnostics " + receipt_id, [&](Connection& c) -> Result<std::optional<std::string>> {
          auto rows = c.exec("SELECT content FROM diagnostics_bundles WHERE receipt = $1",
                             Params().int64(*number), pg::Format::Binary);
          if (!rows) return rows.error();
          if (rows->empty()) return std::optional<std::string>();
          const auto raw = rows->raw(0, 0);
          return std::optional<std::string>(
              std::string(reinterpret_cast<const char*>(raw.data()), raw.size()));
        });
    if (!content) return content.error();
    if (!*content) return make_error("diagnostics: no bundle " + receipt_id);
    return std::move(**content);
  }

 private:
  static DiagnosticsReceipt receipt_of(const pg::Rows& rows, int row, bool replayed) {
    DiagnosticsReceipt r;
    r.receipt_id = receipt_name(rows.int64(row, 0));
    r.terminal_id = rows.text(row, 1);
    r.sha256_hex = rows.text(row, 2);
    r.bytes = rows.int64(row, 3);
    r.received_unix = rows.int64(row, 4);
    r.replayed = replayed;
    return r;
  }

  static Result<std::optional<DiagnosticsReceipt>> find(Connection& c, const std::string& terminal_id,
                                                        const std::string& sha) {
    auto rows = c.exec(
        "SELECT receipt, terminal_id, sha256, size_bytes, received_unix FROM diagnostics_bundles "
        "WHERE terminal_id = $1 AND sha256 = $2",
        Params().text(terminal_id).text(sha));
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<DiagnosticsReceipt>();
    return std::optional<DiagnosticsReceipt>(receipt_of(*rows, 0, true));
  }

  std::shared_ptr<pg::Pool> m_pool;
};

}  // namespace

std::unique_ptr<DiagnosticsStore> make_postgres_diagnostics_store(std::shared_ptr<pg::Pool> pool) {
  return std::make_unique<PostgresDiagnosticsStore>(std::move(pool));
}

}  // namespace pk::centre
