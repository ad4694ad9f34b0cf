#include "offline-store/store.h"

#include <array>
#include <chrono>
#include <utility>

#include "offline-store/migrations.h"
#include "protocol/sealing.h"

namespace pk::store {
namespace {

constexpr std::string_view kTrackingSequence = "tracking";
constexpr size_t kIdempotencyKeyBytes = 16;  // 128 random bits, 32 hex characters

Result<std::string> new_idempotency_key() {
  std::array<uint8_t, kIdempotencyKeyBytes> bytes{};
  if (auto filled = random_bytes(bytes); !filled) return filled.error();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  key.reserve(bytes.size() * 2);
  for (const uint8_t byte : bytes) {
    key += kHex[byte >> 4];
    key += kHex[byte & 0x0f];
  }
  return key;
}

}  // namespace

Store::Store(Database db, int schema_version, StoreOptions options)
    : m_db(std::move(db)), m_schema_version(schema_version), m_options(std::move(options)) {}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& file, StoreOptions options) {
  OpenOptions open_options;
  open_options.vfs_name = options.vfs_name;
  open_options.busy_timeout_ms = options.busy_timeout_ms;
  if (auto checked = check_existing_file(file, open_options); !checked) return checked.error();

  auto db = Database::open(file, open_options);
  if (!db) return db.error();
  auto version = migrate(*db);
  if (!version) return version.error();
  return std::unique_ptr<Store>(new Store(std::move(db).value(), *version, std::move(options)));
}

int64_t Store::now() const {
  if (m_options.now_unix) return m_options.now_unix();
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<void> Store::insert_audit(int64_t at_unix, std::string_view actor, std::string_view action,
                                 std::string_view detail) {
  auto stmt = m_db.prepare("INSERT INTO audit_log (at_unix, actor, action, detail) VALUES (?1, ?2, ?3, ?4)");
  if (!stmt) return stmt.error();
  return stmt->bind(1, at_unix).bind(2, actor).bind(3, action).bind(4, detail).run();
}

Result<SavedApplication> Store::save_application(
    const NewApplication& application,
    const std::function<Result<std::string>(int64_t)>& make_tracking_code) {
  auto failed = [&](const Error& error) {
    return wrap_error("saving the application failed, nothing was saved", error);
  };
  auto transaction = Transaction::begin(m_db);
  if (!transaction) return failed(transaction.error());

  SavedApplication saved;
  {
    // The sequence row is updated inside this transaction, so the value is taken for good only
    // when the application that uses it commits with it.
    auto next = m_db.prepare("UPDATE sequences SET value = value + 1 WHERE name = ?1 RETURNING value");
    if (!next) return failed(next.error());
    next->bind(1, kTrackingSequence);
    auto stepped = next->step();
    if (!stepped) return failed(stepped.error());
    if (*stepped != StepResult::Row)
      return failed(make_error("the \"tracking\" sequence is missing from the store"));
    saved.sequence = next->column_int64(0);
    next->reset();
  }
  // Every return before the COMMIT below rolls the transaction back (Transaction's destructor).
  auto code = make_tracking_code(saved.sequence);
  if (!code) return failed(code.error());
  saved.tracking_code = std::move(code).value();
  if (saved.tracking_code.empty()) {
    return failed(
        make_error("the tracking code made for sequence " + std::to_string(saved.sequence) + " is empty"));
  }

  {
    auto insert = m_db.prepare(
        "INSERT INTO applications (tracking_code, tracking_sequence, kind, service_number, channel, "
        "terminal_id,"
        " operator_id, created_at_unix, created_monotonic_ms, state, sealed_personal)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'queued', ?10)");
    if (!insert) return failed(insert.error());
    insert->bind(1, saved.tracking_code)
        .bind(2, saved.sequence)
        .bind(3, to_string(application.kind))
        .bind(4, application.service_number)
        .bind(5, to_string(application.channel))
        .bind(6, application.terminal_id)
        .bind(7, application.operator_id)
        .bind(8, application.created_at_unix)
        .bind(9, application.created_monotonic_ms)
        .bind(10, std::span<const uint8_t>(application.sealed_personal));
    if (auto inserted = insert->run(); !inserted) return failed(inserted.error());
    saved.id = m_db.last_insert_rowid();
  }

  if (!application.documents.empty()) {
    auto insert = m_db.prepare(
        "INSERT INTO documents (application_id, doc_kind, page_no, mime, byte_size, sha256, sealed_content)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return failed(insert.error());
    for (const NewDocument& document : application.documents) {
      insert->bind(1, saved.id)
          .bind(2, document.doc_kind)
          .bind(3, int64_t{document.page_no})
          .bind(4, document.mime)
          .bind(5, document.byte_size)
          .bind(6, std::span<const uint8_t>(document.sha256))
          .bind(7, std::span<const uint8_t>(document.sealed_content));
      if (auto inserted = insert->run(); !inserted) return failed(inserted.error());
    }
  }

  auto key = new_idempotency_key();
  if (!key) return failed(key.error());
  saved.idempotency_key = std::move(key).value();
  {
    auto insert = m_db.prepare(
        "INSERT INTO outbox (application_id, idempotency_key, created_at_unix, attempts, "
        "next_attempt_at_unix)"
        " VALUES (?1, ?2, ?3, 0, ?3)");
    if (!insert) return failed(insert.error());
    insert->bind(1, saved.id).bind(2, saved.idempotency_key).bind(3, application.created_at_unix);
    if (auto inserted = insert->run(); !inserted) return failed(inserted.error());
    saved.outbox_id = m_db.last_insert_rowid();
  }

  const std::string actor =
      application.operator_id ? "operator:" + *application.operator_id : "kiosk:" + application.terminal_id;
  const std::string detail = std::string(to_string(application.kind)) + " " + saved.tracking_code + ", " +
                             std::to_string(application.documents.size()) + " page(s)";
  if (auto audited = insert_audit(application.created_at_unix, actor, "application_saved", detail);
      !audited) {
    return failed(audited.error());
  }

  if (auto committed = transaction->commit(); !committed) return failed(committed.error());
  return saved;
}

Result<bool> Store::reached_centre(std::string_view tracking_code) {
  auto query = m_db.prepare("SELECT state, centre_status FROM applications WHERE tracking_code = ?1");
  if (!query) return query.error();
  query->bind(1, tracking_code);
  auto stepped = query->step();
  if (!stepped) return stepped.error();
  if (*stepped == StepResult::Done) return false;
  const auto state = application_state_from(query->column_text(0));
  return (state && (*state == ApplicationState::Confirmed || *state == ApplicationState::Purged)) ||
         query->column_optional_text(1).has_value();
}

Result<std::optional<ApplicationRecord>> Store::find_by_tracking_code(std::string_view tracking_code) {
  // One read transaction so the application and its documents are one consistent snapshot.
  auto transaction = Transaction::begin(m_db, TransactionKind::Deferred);
  if (!transaction) return transaction.error();
  auto query = m_db.prepare(
      "SELECT id, tracking_code, tracking_sequence, kind, service_number, channel, terminal_id, operator_id,"
      " created_at_unix, created_monotonic_ms, state, sealed_personal, centre_status, centre_status_at_unix,"
      " centre_note, centre_credit, centre_decided_unix FROM applications WHERE tracking_code = ?1");
  if (!query) return query.error();
  query->bind(1, tracking_code);
  auto stepped = query->step();
  if (!stepped) return stepped.error();
  if (*stepped == StepResult::Done) return std::optional<ApplicationRecord>();

  ApplicationRecord record;
  record.id = query->column_int64(0);
  record.tracking_code = query->column_text(1);
  record.sequence = query->column_int64(2);
  const auto kind = application_kind_from(query->column_text(3));
  const auto channel = channel_from(query->column_text(5));
  const auto state = application_state_from(query->column_text(10));
  if (!kind || !channel || !state) {
    return make_error("offline store " + path().string() + ": application " + record.tracking_code +
                      " has a kind, channel or state this firmware does not know");
  }
  record.kind = *kind;
  record.service_number = query->column_optional_int64(4);
  record.channel = *channel;
  record.terminal_id = query->column_text(6);
  record.operator_id = query->column_optional_text(7);
  record.created_at_unix = query->column_int64(8);
  record.created_monotonic_ms = query->column_int64(9);
  record.state = *state;
  record.sealed_personal = query->column_blob(11);
  if (auto centre = query->column_optional_text(12)) {
    record.centre_status = centre_status_from(*centre);
    if (!record.centre_status) {
      return make_error("offline store " + path().string() + ": application " + record.tracking_code +
                        " has a centre status this firmware does not know");
    }
  }
  record.centre_status_at_unix = query->column_optional_int64(13);
  // The schema keeps the three together: a decided time means a note and a credit (maybe empty).
  if (const auto decided = query->column_optional_int64(16)) {
    record.centre_decision = CentreDecision{query->column_text(14), query->column_text(15), *decided};
  }

  auto documents = m_db.prepare(
      "SELECT id, doc_kind, page_no, mime, byte_size, sha256, sealed_content FROM documents"
      " WHERE application_id = ?1 ORDER BY doc_kind, page_no");
  if (!documents) return documents.error();
  documents->bind(1, record.id);
  for (;;) {
    auto row = documents->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) break;
    DocumentRecord document;
    document.id = documents->column_int64(0);
    document.doc_kind = documents->column_text(1);
    document.page_no = static_cast<int>(documents->column_int64(2));
    document.mime = documents->column_text(3);
    document.byte_size = documents->column_int64(4);
    const auto hash = documents->column_blob(5);
    if (hash.size() != document.sha256.size()) {
      return make_error("offline store " + path().string() + ": document " + std::to_string(document.id) +
                        " has a sha256 of " + std::to_string(hash.size()) + " bytes");
    }
    std::copy(hash.begin(), hash.end(), document.sha256.begin());
    if (!documents->column_is_null(6)) document.sealed_content = documents->column_blob(6);
    record.documents.push_back(std::move(document));
  }
  return std::optional<ApplicationRecord>(std::move(record));
}

}  // namespace pk::store
