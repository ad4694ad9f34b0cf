#include "centre/diagnostics_store.h"

#include <cctype>
#include <charconv>
#include <ctime>
#include <fstream>
#include <iterator>
#include <mutex>

#include "base/atomic_file.h"
#include "base/database.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bundles (
  receipt INTEGER PRIMARY KEY AUTOINCREMENT,
  terminal_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  received_unix INTEGER NOT NULL,
  file TEXT NOT NULL,  -- relative to the diagnostics folder
  UNIQUE (terminal_id, sha256)
);
)sql";

// A terminal id as a folder name: ids are like SKO-0001, but the name must never climb out.
std::string folder_name(const std::string& terminal_id) {
  std::string out;
  for (char c : terminal_id)
    out += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "_" : out;
}

// Whole or absent, durably (base/atomic_file.h), 0600; the message says whose file it was.
Result<void> write_durably(const fs::path& file, std::string_view bytes) {
  auto written = write_file_atomically(file, bytes);
  if (!written) return make_error("diagnostics: " + written.error().message);
  return {};
}

class SqliteDiagnosticsStore final : public DiagnosticsStore {
 public:
  SqliteDiagnosticsStore(store::Database db, std::filesystem::path dir)
      : m_db(std::move(db)), m_dir(std::move(dir)) {}

  Result<DiagnosticsReceipt> store(const std::string& terminal_id, std::string_view bundle,
                                   std::int64_t now_unix) override;
  Result<std::vector<DiagnosticsReceipt>> list() override;
  Result<std::string> read(const std::string& receipt_id) override;

 private:
  [[nodiscard]] Result<std::vector<DiagnosticsReceipt>> select(std::string_view where_sql,
                                                               const std::string& terminal,
                                                               const std::string& sha);

  std::mutex m_mutex;
  store::Database m_db;
  std::filesystem::path m_dir;  // <data>/diagnostics
};

}  // namespace

std::string receipt_name(std::int64_t receipt) {
  char text[32];
  std::snprintf(text, sizeof text, "DG-%06lld", static_cast<long long>(receipt));
  return text;
}

std::optional<std::int64_t> receipt_number(const std::string& receipt_id) {
  if (receipt_id.size() < 4 || !receipt_id.starts_with("DG-")) return std::nullopt;
  std::int64_t number = 0;
  const char* end = receipt_id.data() + receipt_id.size();
  const auto [stop, error] = std::from_chars(receipt_id.data() + 3, end, number);
  if (error != std::errc() || stop != end || number <= 0) return std::nullopt;
  return number;
}

Result<std::unique_ptr<DiagnosticsStore>> DiagnosticsStore::open(const fs::path& data_dir) {
  const fs::path dir = data_dir / "diagnostics";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error("centre: cannot create " + dir.string() + ": " + ec.message());
  auto db = store::Database::open(dir / "diagnostics.sqlite", {});
  if (!db) return db.error();
  if (auto pragmas = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"); !pragmas)
    return pragmas.error();
  if (auto schema = db->exec(kSchema); !schema) return schema.error();
  return std::unique_ptr<DiagnosticsStore>(
      std::make_unique<SqliteDiagnosticsStore>(std::move(db).value(), dir));
}

Result<std::vector<DiagnosticsReceipt>> SqliteDiagnosticsStore::select(std::string_view where_sql,
                                                                       const std::string& terminal,
                                                                       const std::string& sha) {
  auto statement =
      m_db.prepare("SELECT receipt, terminal_id, sha256, bytes, received_unix, file FROM bundles " +
                   std::string(where_sql));
  if (!statement) return statement.error();
  if (!terminal.empty()) statement->bind(1, terminal).bind(2, sha);
  std::vector<DiagnosticsReceipt> out;
  for (;;) {
    auto step = statement->step();
    if (!step) return step.error();
    if (*step == store::StepResult::Done) break;
    DiagnosticsReceipt r;
    r.receipt_id = receipt_name(statement->column_int64(0));
    r.terminal_id = statement->column_text(1);
    r.sha256_hex = statement->column_text(2);
    r.bytes = statement->column_int64(3);
    r.received_unix = statement->column_int64(4);
    r.file = m_dir / statement->column_text(5);
    out.push_back(std::move(r));
  }
  return out;
}

Result<DiagnosticsReceipt> SqliteDiagnosticsStore::store(const std::string& terminal_id,
                                                         std::string_view bundle, std::int64_t now_unix) {
  const std::string sha = sync::to_hex(sync::sha256(bundle));
  std::lock_guard lock(m_mutex);
  auto held = select("WHERE terminal_id = ?1 AND sha256 = ?2", terminal_id, sha);
  if (!held) return held.error();
  if (!held->empty()) {
    DiagnosticsReceipt first = held->front();
    first.replayed = true;
    // Someone removed the file by hand: put the same bytes back where the receipt says.
    std::error_code ec;
    if (!fs::exists(first.file, ec))
      if (auto rewritten = write_durably(first.file, bundle); !rewritten) return rewritten.error();
    return first;
  }
  const std::time_t t = static_cast<std::time_t>(now_unix);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  const fs::path relative =
      fs::path(folder_name(terminal_id)) / (std::string(stamp) + "-" + sha.substr(0, 16) + ".tar");
  std::error_code ec;
  fs::create_directories(m_dir / relative.parent_path(), ec);
  if (ec) return make_error("diagnostics: cannot create " + (m_dir / relative.parent_path()).string());
  if (auto written = write_durably(m_dir / relative, bundle); !written) return written.error();
  auto insert = m_db.prepare(
      "INSERT INTO bundles (terminal_id, sha256, bytes, received_unix, file) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.error();
  if (auto ran = insert->bind(1, terminal_id)
                     .bind(2, sha)
                     .bind(3, static_cast<std::int64_t>(bundle.size()))
                     .bind(4, now_unix)
                     .bind(5, relative.string())
                     .run();
      !ran)
    return ran.error();
  DiagnosticsReceipt receipt;
  receipt.receipt_id = receipt_name(m_db.last_insert_rowid());
  receipt.terminal_id = terminal_id;
  receipt.sha256_hex = sha;
  receipt.bytes = static_cast<std::int64_t>(bundle.size());
  receipt.received_unix = now_unix;
  receipt.file = m_dir / relative;
  return receipt;
}

Result<std::vector<DiagnosticsReceipt>> SqliteDiagnosticsStore::list() {
  std::lock_guard lock(m_mutex);
  return select("ORDER BY received_unix DESC, receipt DESC", {}, {});
}

Result<std::string> SqliteDiagnosticsStore::read(const std::string& receipt_id) {
  const auto number = receipt_number(receipt_id);
  if (!number) return make_error("diagnostics: " + receipt_id + " is not a receipt (DG-000001)");
  auto bundles = list();
  if (!bundles) return bundles.error();
  for (const DiagnosticsReceipt& bundle : *bundles) {
    if (bundle.receipt_id != receipt_name(*number)) continue;
    std::ifstream in(bundle.file, std::ios::binary);
    if (!in) return make_error("diagnostics: cannot read " + bundle.file.string());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  return make_error("diagnostics: no bundle " + receipt_id);
}

}  // namespace pk::centre
