#include "centre/postgres_centre_storage.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include "centre/case_rules.h"
#include "centre/page_folder.h"
#include "centre/upload_plan.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using pg::Connection;
using pg::Format;
using pg::Params;
using pg::Rows;

// A case's summary columns (read by case_at()), from applications `a` and its decision `d`.
constexpr const char* kCaseColumns =
    "a.tracking_code, a.terminal_id, a.kind, a.service_number, a.submission::jsonb ->> 'channel', "
    "a.created_at_unix, a.status, "
    "(SELECT count(*) FROM uploads u WHERE u.tracking_code = a.tracking_code), "
    "(SELECT count(*) FROM uploads u WHERE u.tracking_code = a.tracking_code AND u.complete), "
    "d.note, d.credit, d.decided_unix, d.decided_by";
constexpr const char* kCaseTables =
    " FROM applications a LEFT JOIN case_decisions d ON d.tracking_code = a.tracking_code ";

CaseSummary case_at(const Rows& rows, int i) {
  CaseSummary summary;
  summary.tracking_code = rows.text(i, 0);
  summary.terminal_id = rows.text(i, 1);
  summary.kind = rows.text(i, 2);
  summary.service_number = rows.optional_int64(i, 3);
  summary.channel = rows.optional_text(i, 4).value_or("");
  summary.created_at_unix = rows.int64(i, 5);
  summary.status = sync::centre_status_from(rows.text(i, 6)).value_or(sync::CentreStatus::Receiving);
  summary.pages = static_cast<int>(rows.int64(i, 7));
  summary.pages_complete = static_cast<int>(rows.int64(i, 8));
  if (!rows.is_null(i, 9)) {
    summary.decision = sync::CentreDecision{rows.text(i, 9), rows.text(i, 10), rows.int64(i, 11)};
    summary.decided_by = rows.text(i, 12);
  }
  return summary;
}

// Where an upload's bytes are (uploads.bytes_in, migration 8).
enum class BytesIn { Database, Folder };

BytesIn bytes_in_from(const std::string& text) {
  return text == "folder" ? BytesIn::Folder : BytesIn::Database;
}

// How many times a submission looks again after its INSERT met a row another transaction
// committed meanwhile (that row decides the outcome, so once is enough; more is a bug).
constexpr int kSubmitLooks = 3;

class PostgresCentreStorage final : public CentreStorage {
 public:
  PostgresCentreStorage(std::shared_ptr<pg::Pool> pool, PageFolder pages)
      : m_pool(std::move(pool)), m_pages(std::move(pages)) {}

  Result<SubmitResult> submit(const std::string& terminal_id, const std::string& key,
                              const std::string& body_sha, const sync::Submission& submission) override {
    const UploadPlan plan = plan_uploads(submission);
    const std::vector<std::string>& ids = plan.upload_ids;
    const std::string& reply = plan.reply_json;
    const std::string document = sync::to_json(submission);
    return m_pool->transaction<
        SubmitResult>("submit " + submission.tracking_code, [&](Connection& c) -> Result<SubmitResult> {
      for (int look = 0; look < kSubmitLooks; ++look) {
        // This terminal's key first, then the tracking code (unique across the centre).
        auto by_key = c.exec(
            "SELECT body_sha256, first_reply FROM applications WHERE terminal_id = $1 AND idempotency_key = $2",
            Params().text(terminal_id).text(key));
        if (!by_key) return by_key.error();
        if (!by_key->empty()) {
          if (by_key->text(0, 0) == body_sha)
            return SubmitResult{SubmitOutcome::Replayed, by_key->text(0, 1)};
          return SubmitResult{SubmitOutcome::KeyReused, {}};
        }
        auto by_code =
            c.exec("SELECT body_sha256, first_reply, terminal_id FROM applications WHERE tracking_code = $1",
                   Params().text(submission.tracking_code));
        if (!by_code) return by_code.error();
        if (!by_code->empty()) {
          // The same body from the same terminal under a key damaged on the way: the same
          // submission. Anything else is someone else's code, and its reply is not theirs.
          if (by_code->text(0, 2) == terminal_id && by_code->text(0, 0) == body_sha)
            return SubmitResult{SubmitOutcome::Replayed, by_code->text(0, 1)};
          return SubmitResult{SubmitOutcome::TrackingCodeTaken, {}};
        }
        // Another instance may be inserting the same key or code right now: ON CONFLICT waits
        // for it, and the loop then finds its committed row.
        auto inserted = c.exec(
            "INSERT INTO applications (tracking_code, terminal_id, idempotency_key, body_sha256, submission, kind, "
            "service_number, created_at_unix, first_reply, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
            "ON CONFLICT DO NOTHING",
            Params()
                .text(submission.tracking_code)
                .text(terminal_id)
                .text(key)
                .text(body_sha)
                .text(document)
                .text(submission.kind)
                .int64(submission.service_number)
                .int64(submission.created_at_unix)
                .text(reply)
                .text(sync::to_string(plan.status)));
        if (!inserted) return inserted.error();
        if (inserted->affected() == 0) continue;
        for (size_t i = 0; i < ids.size(); ++i) {
          auto upload = c.exec(
              "INSERT INTO uploads (id, terminal_id, length, tracking_code, page_index, expected_sha256) "
              "VALUES ($1, $2, $3, $4, $5, $6)",
              Params()
                  .text(ids[i])
                  .text(terminal_id)
                  .int64(submission.pages[i].sealed_size)
                  .text(submission.tracking_code)
                  .int64(static_cast<int64_t>(i))
                  .text(submission.pages[i].sealed_sha256_hex));
          if (!upload) return upload.error();
        }
        return SubmitResult{SubmitOutcome::Created, reply};
      }
      return make_error("the key and tracking code kept changing under this submission");
    });
  }

  Result<std::optional<sync::ApplicationStatus>> status(const std::string& terminal_id,
                                                        const std::string& tracking_code) override {
    return m_pool->read<std::optional<sync::ApplicationStatus>>(
        "status of " + tracking_code,
        [&](Connection& c) { return status_of(c, tracking_code, &terminal_id); });
  }

  Result<std::vector<CaseSummary>> list_cases(const CaseFilter& filter) override {
    if (filter.terminal_ids && filter.terminal_ids->empty()) return std::vector<CaseSummary>();
    // The terminals as a JSON array: one parameter, whatever characters their ids hold. dump()
    // would throw on an id that is not UTF-8: its bad bytes are replaced instead, and it then
    // matches nothing (enrolled ids are like SKO-0001).
    std::optional<std::string> terminals;
    if (filter.terminal_ids)
      terminals =
          nlohmann::json(*filter.terminal_ids).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::optional<std::string> status;
    if (filter.status) status = std::string(sync::to_string(*filter.status));
    return m_pool->read<std::vector<CaseSummary>>(
        "list cases", [&](Connection& c) -> Result<std::vector<CaseSummary>> {
          auto rows =
              c.exec(std::string("SELECT ") + kCaseColumns + kCaseTables +
                         "WHERE ($1::jsonb IS NULL OR a.terminal_id IN (SELECT "
                         "jsonb_array_elements_text($1::jsonb))) AND ($2 = '' OR a.kind = $2) AND "
                         "($3::bigint IS NULL OR a.service_number = $3) AND ($4::text IS NULL OR a.status = "
                         "$4) ORDER BY a.created_at_unix DESC, a.arrival DESC LIMIT $5",
                     Params()
                         .nullable_text(terminals)
                         .text(filter.kind)
                         .int64(filter.service_number)
                         .nullable_text(status)
                         .int64(int64_t{std::max(filter.limit, 0)}));
          if (!rows) return rows.error();
          std::vector<CaseSummary> cases;
          for (int i = 0; i < rows->size(); ++i) cases.push_back(case_at(*rows, i));
          return cases;
        });
  }

  Result<std::optional<CaseDetail>> find_case(const std::string& tracking_code) override {
    return m_pool->read<std::optional<CaseDetail>>(
        "find case " + tracking_code, [&](Connection& c) -> Result<std::optional<CaseDetail>> {
          auto rows = c.exec(std::string("SELECT ") + kCaseColumns + ", a.submission" + kCaseTables +
                                 "WHERE a.tracking_code = $1",
                             Params().text(tracking_code));
          if (!rows) return rows.error();
          if (rows->empty()) return std::optional<CaseDetail>();
          auto submission = sync::parse_submission(rows->text(0, 13));
          if (!submission)
            return make_error("the stored submission is unreadable: " + submission.error().message);
          CaseDetail detail{case_at(*rows, 0), std::move(submission).value(), {}};
          auto pages = c.exec("SELECT id FROM uploads WHERE tracking_code = $1 ORDER BY page_index",
                              Params().text(tracking_code));
          if (!pages) return pages.error();
          for (int i = 0; i < pages->size(); ++i) detail.page_upload_ids.push_back(pages->text(i, 0));
          return std::optional<CaseDetail>(std::move(detail));
        });
  }

  Result<void> decide(const std::string& tracking_code, const CaseDecisionRequest& request,
                      int64_t now_unix) override {
    // The body returns the refusal (nothing written), so that its text reaches staff as it is.
    auto refused = m_pool->transaction<std::optional<
        Error>>("decide on " + tracking_code, [&](Connection& c) -> Result<std::optional<Error>> {
      // Locked to the end: two staff members deciding at once take turns, and the second
      // is checked against the first's status.
      auto current = c.exec("SELECT kind, status FROM applications WHERE tracking_code = $1 FOR UPDATE",
                            Params().text(tracking_code));
      if (!current) return current.error();
      if (current->empty()) return std::optional<Error>(make_error("there is no case " + tracking_code));
      const auto status = sync::centre_status_from(current->text(0, 1));
      if (!status)
        return make_error("case " + tracking_code + " has an unknown status " + current->text(0, 1));
      if (auto allowed = check_decision(tracking_code, current->text(0, 0), *status, request); !allowed)
        return std::optional<Error>(allowed.error());
      auto update = c.exec("UPDATE applications SET status = $2 WHERE tracking_code = $1",
                           Params().text(tracking_code).text(sync::to_string(request.status)));
      if (!update) return update.error();
      auto decision = c.exec(
          "INSERT INTO case_decisions (tracking_code, note, credit, decided_by, decided_unix) "
          "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tracking_code) DO UPDATE SET note = excluded.note, "
          "credit = excluded.credit, decided_by = excluded.decided_by, decided_unix = excluded.decided_unix",
          Params()
              .text(tracking_code)
              .text(request.decision.note)
              .text(request.decision.credit)
              .text(request.decided_by)
              .int64(now_unix));
      if (!decision) return decision.error();
      return std::optional<Error>();
    });
    if (!refused) return refused.error();
    if (*refused) return **refused;
    return {};
  }

  Result<void> set_status(const std::string& tracking_code, sync::CentreStatus next) override {
    auto done =
        m_pool->transaction<bool>("set status of " + tracking_code, [&](Connection& c) -> Result<bool> {
          auto current = c.exec("SELECT status FROM applications WHERE tracking_code = $1 FOR UPDATE",
                                Params().text(tracking_code));
          if (!current) return current.error();
          if (current->empty()) return make_error("centre: no application " + tracking_code);
          const auto now =
              sync::centre_status_from(current->text(0, 0)).value_or(sync::CentreStatus::Receiving);
          if (sync::rank(next) < sync::rank(now) || (sync::is_final(now) && next != now))
            return make_error("centre: " + tracking_code + " cannot go back from " +
                              std::string(sync::to_string(now)));
          auto update = c.exec("UPDATE applications SET status = $2 WHERE tracking_code = $1",
                               Params().text(tracking_code).text(sync::to_string(next)));
          if (!update) return update.error();
          return true;
        });
    if (!done) return done.error();
    return {};
  }

  Result<UploadInfo> create_upload(const std::string& terminal_id, int64_t length,
                                   const std::string& metadata) override {
    UploadInfo info{new_upload_id(), length, 0, metadata, length == 0};
    return m_pool->transaction<UploadInfo>("create upload", [&](Connection& c) -> Result<UploadInfo> {
      auto insert = c.exec(
          "INSERT INTO uploads (id, terminal_id, length, metadata, complete) VALUES ($1, $2, $3, $4, $5)",
          Params().text(info.id).text(terminal_id).int64(length).text(metadata).boolean(info.complete));
      if (!insert) return insert.error();
      return info;
    });
  }

  Result<std::optional<UploadInfo>> find_upload(const std::string& terminal_id,
                                                const std::string& id) override {
    if (!is_upload_id(id)) return std::optional<UploadInfo>();
    return m_pool->read<std::optional<
        UploadInfo>>("find upload " + id, [&](Connection& c) -> Result<std::optional<UploadInfo>> {
      auto rows = c.exec(
          "SELECT length, upload_offset, metadata, complete FROM uploads WHERE id = $1 AND terminal_id = $2",
          Params().text(id).text(terminal_id));
      if (!rows) return rows.error();
      if (rows->empty()) return std::optional<UploadInfo>();
      return std::optional<UploadInfo>(
          UploadInfo{id, rows->int64(0, 0), rows->int64(0, 1), rows->text(0, 2), rows->boolean(0, 3)});
    });
  }

  Result<AppendResult> append(const std::string& terminal_id, const std::string& id, int64_t offset,
                              std::span<const uint8_t> chunk) override {
    if (!is_upload_id(id)) return AppendResult{AppendOutcome::NotFound, 0};
    return m_pool->transaction<
        AppendResult>("append to upload " + id, [&](Connection& c) -> Result<AppendResult> {
      // The row lock makes appends to one upload take turns, across every centre instance: the
      // second of two racing appends at one offset finds the offset moved.
      auto row = c.exec(
          "SELECT length, upload_offset, tracking_code, expected_sha256, bytes_in FROM uploads WHERE id = $1 AND "
          "terminal_id = $2 FOR UPDATE",
          Params().text(id).text(terminal_id));
      if (!row) return row.error();
      if (row->empty()) return AppendResult{AppendOutcome::NotFound, 0};
      const int64_t length = row->int64(0, 0);
      const int64_t current = row->int64(0, 1);
      const std::optional<std::string> tracking_code = row->optional_text(0, 2);
      const std::optional<std::string> expected = row->optional_text(0, 3);
      const BytesIn bytes_in = bytes_in_from(row->text(0, 4));
      if (current != offset) return AppendResult{AppendOutcome::OffsetMismatch, current};
      if (offset + static_cast<int64_t>(chunk.size()) > length)
        return AppendResult{AppendOutcome::TooLong, offset};

      const int64_t end = offset + static_cast<int64_t>(chunk.size());
      if (offset == 0 && end == length && expected && sync::to_hex(sync::sha256(chunk)) != *expected) {
        // A page sent whole in one chunk (most are) is checked here, before a byte is stored.
        return AppendResult{AppendOutcome::WholeChecksumMismatch, 0};
      }
      const int64_t new_offset = offset + static_cast<int64_t>(chunk.size());
      const bool done = new_offset == length;
      auto stored = bytes_in == BytesIn::Folder ? store_in_folder(id, offset, chunk, done)
                                                : store_in_database(c, id, offset, chunk);
      if (!stored) return stored.error();
      if (done && expected && offset != 0) {
        // The whole page, hashed where it lies (a page of one chunk was checked above).
        auto digest = bytes_in == BytesIn::Folder ? hash_in_folder(id, new_offset) : hash_in_database(c, id);
        if (!digest) return digest.error();
        if (*digest != *expected) {
          if (bytes_in == BytesIn::Database) {
            auto dropped = c.exec("DELETE FROM upload_chunks WHERE upload_id = $1", Params().text(id));
            if (!dropped) return dropped.error();
          }
          // The folder's file keeps its bytes: offset 0 says none count, and the next chunks
          // overwrite them.
          auto reset = c.exec("UPDATE uploads SET upload_offset = 0 WHERE id = $1", Params().text(id));
          if (!reset) return reset.error();
          return AppendResult{AppendOutcome::WholeChecksumMismatch, 0};
        }
      }
      auto update = c.exec("UPDATE uploads SET upload_offset = $2, complete = $3 WHERE id = $1",
                           Params().text(id).int64(new_offset).boolean(done));
      if (!update) return update.error();
      if (done && tracking_code) {
        // Locked first, so of two last pages completing at once in two instances, the second
        // waits for the first and then sees it complete.
        auto application = c.exec("SELECT 1 FROM applications WHERE tracking_code = $1 FOR UPDATE",
                                  Params().text(*tracking_code));
        if (!application) return application.error();
        auto received = c.exec(
            "UPDATE applications SET status = 'received' WHERE tracking_code = $1 AND status = 'receiving' "
            "AND NOT EXISTS (SELECT 1 FROM uploads WHERE tracking_code = $1 AND NOT complete)",
            Params().text(*tracking_code));
        if (!received) return received.error();
      }
      return AppendResult{AppendOutcome::Appended, new_offset};
    });
  }

  Result<bool> remove_upload(const std::string& terminal_id, const std::string& id) override {
    if (!is_upload_id(id)) return false;
    auto removed_row = m_pool->transaction<bool>("remove upload " + id, [&](Connection& c) -> Result<bool> {
      // Its chunks go with it (ON DELETE CASCADE).
      auto removed =
          c.exec("DELETE FROM uploads WHERE id = $1 AND terminal_id = $2 AND tracking_code IS NULL",
                 Params().text(id).text(terminal_id));
      if (!removed) return removed.error();
      return removed->affected() > 0;
    });
    // The file after its record, once that is committed: a crash in between leaves a file no
    // record names (never a record whose bytes are gone). An upload from before migration 8 has
    // no file, which remove() takes as done.
    if (removed_row && *removed_row) {
      if (auto unlinked = m_pages.remove(id); !unlinked)
        spdlog::warn("centre: upload {} removed, its file not: {}", id, unlinked.error().message);
    }
    return removed_row;
  }

  Result<std::vector<uint8_t>> read_upload(const std::string& id) override {
    if (!is_upload_id(id)) return make_error("centre: no upload " + id);
    return m_pool->read<std::vector<uint8_t>>(
        "read upload " + id, [&](Connection& c) -> Result<std::vector<uint8_t>> {
          auto row = c.exec("SELECT upload_offset, bytes_in FROM uploads WHERE id = $1", Params().text(id));
          if (!row) return row.error();
          if (row->empty()) return std::vector<uint8_t>();
          if (bytes_in_from(row->text(0, 1)) == BytesIn::Folder) return m_pages.read(id, row->int64(0, 0));
          auto chunks = c.exec("SELECT bytes FROM upload_chunks WHERE upload_id = $1 ORDER BY start_offset",
                               Params().text(id), Format::Binary);
          if (!chunks) return chunks.error();
          std::vector<uint8_t> bytes;
          for (int i = 0; i < chunks->size(); ++i) {
            const auto chunk = chunks->raw(i, 0);
            bytes.insert(bytes.end(), chunk.begin(), chunk.end());
          }
          return bytes;
        });
  }

  Result<std::vector<sync::OutageNotice>> notices() override {
    return m_pool->read<std::vector<
        sync::OutageNotice>>("notices", [](Connection& c) -> Result<std::vector<sync::OutageNotice>> {
      auto rows = c.exec(
          "SELECT id, published_unix, starts_unix, ends_unix, services, text_fa, text_en FROM sla_notices "
          "ORDER BY starts_unix, id");
      if (!rows) return rows.error();
      std::vector<sync::OutageNotice> list;
      for (int i = 0; i < rows->size(); ++i) {
        auto services = sla::ServiceScope::from_text(rows->text(i, 4));
        if (!services) return make_error("centre: notice " + rows->text(i, 0) + " has malformed services");
        list.push_back({rows->text(i, 0), rows->int64(i, 1), rows->int64(i, 2), rows->int64(i, 3), *services,
                        rows->text(i, 5), rows->text(i, 6)});
      }
      return list;
    });
  }

  Result<void> add_notice(const sync::OutageNotice& notice) override {
    // Only what the terminals' parser accepts is published.
    const std::vector<sync::OutageNotice> one{notice};
    if (auto valid = sync::parse_notices(sync::to_json(one)); !valid) return valid.error();
    return m_pool->execute(
        "add notice " + notice.id,
        "INSERT INTO sla_notices VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
        "published_unix = excluded.published_unix, starts_unix = excluded.starts_unix, ends_unix = "
        "excluded.ends_unix, services = excluded.services, text_fa = excluded.text_fa, text_en = "
        "excluded.text_en",
        Params()
            .text(notice.id)
            .int64(notice.published_unix)
            .int64(notice.starts_unix)
            .int64(notice.ends_unix)
            .text(notice.services.to_text())
            .text(notice.text_fa)
            .text(notice.text_en));
  }

  Result<void> bind_keys(const std::string& sealing_hex, const std::string& catalog_hex,
                         int64_t now) override {
    auto recorded = m_pool->transaction<std::pair<std::string, std::string>>(
        "bind keys", [&](Connection& c) -> Result<std::pair<std::string, std::string>> {
          auto inserted = c.exec(
              "INSERT INTO centre_keys (sealing_public_key_hex, catalog_public_key_hex, recorded_unix) "
              "VALUES ($1, $2, $3) ON CONFLICT (one_row) DO NOTHING",
              Params().text(sealing_hex).text(catalog_hex).int64(now));
          if (!inserted) return inserted.error();
          auto rows = c.exec("SELECT sealing_public_key_hex, catalog_public_key_hex FROM centre_keys");
          if (!rows) return rows.error();
          return std::pair{rows->text(0, 0), rows->text(0, 1)};
        });
    if (!recorded) return recorded.error();
    return compare_keys(recorded->first, recorded->second, sealing_hex, catalog_hex);
  }

  Result<void> record_heartbeat(const std::string& terminal_id, int64_t at_unix, int64_t pending,
                                const std::string& software) override {
    return m_pool->execute(
        "heartbeat of " + terminal_id,
        "INSERT INTO heartbeats (terminal_id, last_seen_unix, pending_outbox, software) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (terminal_id) DO UPDATE SET last_seen_unix = excluded.last_seen_unix, "
        "pending_outbox = excluded.pending_outbox, software = excluded.software",
        Params().text(terminal_id).int64(at_unix).int64(pending).text(software));
  }

  Result<std::vector<HeartbeatRecord>> heartbeats() override {
    return m_pool->read<std::vector<
        HeartbeatRecord>>("heartbeats", [](Connection& c) -> Result<std::vector<HeartbeatRecord>> {
      auto rows = c.exec(
          "SELECT terminal_id, last_seen_unix, pending_outbox, software FROM heartbeats ORDER BY terminal_id");
      if (!rows) return rows.error();
      std::vector<HeartbeatRecord> list;
      for (int i = 0; i < rows->size(); ++i)
        list.push_back({rows->text(i, 0), rows->int64(i, 1), rows->int64(i, 2), rows->text(i, 3)});
      return list;
    });
  }

  Result<CentreCounts> counts() override {
    return m_pool->read<CentreCounts>("counts", [](Connection& c) -> Result<CentreCounts> {
      auto rows = c.exec(
          "SELECT (SELECT count(*) FROM applications), (SELECT count(*) FROM uploads), "
          "(SELECT count(*) FROM uploads WHERE complete)");
      if (!rows) return rows.error();
      return CentreCounts{rows->int64(0, 0), rows->int64(0, 1), rows->int64(0, 2)};
    });
  }

  Result<TerminalUsage> usage(const std::string& terminal_id) override {
    return m_pool->read<
        TerminalUsage>("usage of " + terminal_id, [&](Connection& c) -> Result<TerminalUsage> {
      auto rows = c.exec(
          "SELECT count(*), coalesce(sum(length - upload_offset), 0) FROM uploads WHERE terminal_id = $1 AND NOT "
          "complete",
          Params().text(terminal_id));
      if (!rows) return rows.error();
      return TerminalUsage{rows->int64(0, 0), rows->int64(0, 1)};
    });
  }

  Result<sync::LedgerReceipt> store_ledger(const sync::LedgerUpload& upload) override {
    return m_pool->transaction<
        sync::
            LedgerReceipt>("ledger of " + upload.terminal_id, [&](Connection& c) -> Result<sync::LedgerReceipt> {
      // An open outage takes its end when it closes; a closed one is final.
      for (const sla::OutageChange& change : upload.changes.outages) {
        const sla::Outage& o = change.outage;
        const char* end = o.end == sla::OutageEnd::Open       ? "open"
                          : o.end == sla::OutageEnd::Observed ? "observed"
                                                              : "last_heartbeat";
        auto ran = c.exec(
            "INSERT INTO ledger_outages VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
            "ON CONFLICT (terminal_id, id) DO UPDATE SET end_kind = excluded.end_kind, end_unix = "
            "excluded.end_unix, duration_ms = excluded.duration_ms, clock_suspect = excluded.clock_suspect "
            "WHERE ledger_outages.end_kind = 'open'",
            Params()
                .text(upload.terminal_id)
                .int64(o.id)
                .text(sla::to_string(o.cause))
                .text(o.services.to_text())
                .text(change.boot_id)
                .int64(o.start_unix)
                .int64(change.started_monotonic_ms)
                .text(end)
                .int64(o.end_unix)
                .int64(o.monotonic_duration_ms)
                .int64(int64_t{change.clock_suspect ? 1 : 0}));
        if (!ran) return ran.error();
      }
      for (const sla::RunChange& change : upload.changes.runs) {
        auto ran = c.exec(
            "INSERT INTO ledger_runs VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (terminal_id, id) DO UPDATE "
            "SET duration_ms = excluded.duration_ms, last_wall_unix = excluded.last_wall_unix "
            "WHERE excluded.duration_ms > ledger_runs.duration_ms",
            Params()
                .text(upload.terminal_id)
                .int64(change.id)
                .text(change.run.boot_id)
                .int64(change.run.start_unix)
                .int64(change.run.monotonic_duration_ms)
                .int64(change.run.last_wall_unix));
        if (!ran) return ran.error();
      }
      for (const sla::ClockEventChange& change : upload.changes.clock_events) {
        auto ran = c.exec(
            "INSERT INTO ledger_clock_events VALUES ($1, $2, $3, $4, $5) ON CONFLICT (terminal_id, id) DO NOTHING",
            Params()
                .text(upload.terminal_id)
                .int64(change.id)
                .text(change.event.kind == sla::ClockEventKind::WallJump ? "wall_jump" : "centre_sync")
                .int64(change.event.at_unix)
                .int64(change.event.offset_seconds));
        if (!ran) return ran.error();
      }
      return sync::LedgerReceipt{static_cast<int64_t>(upload.changes.outages.size()),
                                 static_cast<int64_t>(upload.changes.runs.size()),
                                 static_cast<int64_t>(upload.changes.clock_events.size())};
    });
  }

  Result<std::vector<TerminalLedger>> terminal_ledgers() override {
    // One transaction (REPEATABLE READ: one snapshot), so the four reads agree with each other.
    return m_pool->transaction<std::vector<
        TerminalLedger>>("terminal ledgers", [](Connection& c) -> Result<std::vector<TerminalLedger>> {
      if (auto snapshot = c.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"); !snapshot)
        return snapshot.error();
      std::map<std::string, TerminalLedger> ledgers;
      const auto of = [&](const std::string& terminal) -> TerminalLedger& {
        TerminalLedger& ledger = ledgers[terminal];
        ledger.terminal_id = terminal;
        return ledger;
      };
      auto outages = c.exec(
          "SELECT terminal_id, id, cause, services, start_unix, end_kind, end_unix, duration_ms, clock_suspect "
          "FROM ledger_outages ORDER BY terminal_id, id");
      if (!outages) return outages.error();
      for (int i = 0; i < outages->size(); ++i) {
        auto cause = sla::outage_cause_from(outages->text(i, 2));
        auto services = sla::ServiceScope::from_text(outages->text(i, 3));
        if (!cause || !services)
          return make_error("centre: ledger outage " + outages->text(i, 1) + " is malformed");
        sla::Outage o;
        o.id = outages->int64(i, 1);
        o.cause = *cause;
        o.services = *services;
        o.start_unix = outages->int64(i, 4);
        const std::string end = outages->text(i, 5);
        o.end = end == "observed"         ? sla::OutageEnd::Observed
                : end == "last_heartbeat" ? sla::OutageEnd::LastHeartbeat
                                          : sla::OutageEnd::Open;
        o.end_unix = outages->optional_int64(i, 6);
        o.monotonic_duration_ms = outages->optional_int64(i, 7);
        TerminalLedger& ledger = of(outages->text(i, 0));
        ledger.snapshot.outages.push_back(std::move(o));
        ledger.suspect_clock_outages += outages->int64(i, 8);
      }
      auto runs = c.exec(
          "SELECT terminal_id, boot_id, start_unix, duration_ms, last_wall_unix FROM ledger_runs "
          "ORDER BY terminal_id, id");
      if (!runs) return runs.error();
      for (int i = 0; i < runs->size(); ++i)
        of(runs->text(i, 0))
            .snapshot.runs.push_back(
                {runs->text(i, 1), runs->int64(i, 2), runs->int64(i, 3), runs->int64(i, 4)});
      auto events = c.exec(
          "SELECT terminal_id, kind, at_unix, offset_seconds FROM ledger_clock_events ORDER BY terminal_id, id");
      if (!events) return events.error();
      for (int i = 0; i < events->size(); ++i) {
        const auto kind = events->text(i, 1) == "wall_jump" ? sla::ClockEventKind::WallJump
                                                            : sla::ClockEventKind::CentreSync;
        of(events->text(i, 0))
            .snapshot.clock_events.push_back({kind, events->int64(i, 2), events->int64(i, 3)});
      }
      // Failure reports arrive as submissions of kind failure_report, counted under the
      // terminal that sent them (its certificate's), whatever their body says.
      auto reports = c.exec(
          "SELECT terminal_id, service_number, created_at_unix FROM applications WHERE kind = 'failure_report' "
          "ORDER BY arrival");
      if (!reports) return reports.error();
      for (int i = 0; i < reports->size(); ++i) {
        const auto service = reports->optional_int64(i, 1);
        of(reports->text(i, 0))
            .snapshot.failure_reports.push_back(
                {service ? std::optional<int>(static_cast<int>(*service)) : std::nullopt,
                 reports->int64(i, 2)});
      }
      std::vector<TerminalLedger> list;
      for (auto& [terminal, ledger] : ledgers) list.push_back(std::move(ledger));
      return list;
    });
  }

 private:
  // The chunk on disk before the transaction records its offset (see PageFolder). The row lock
  // append() holds makes this the only writer of the file, across every instance.
  Result<void> store_in_folder(const std::string& id, int64_t offset, std::span<const uint8_t> chunk,
                               bool done) const {
    if (chunk.empty()) return {};
    return m_pages.write_at(id, offset, chunk, done ? UploadEnd::Reached : UploadEnd::NotYet);
  }

  // An upload begun before migration 8 goes on as it began: one row per chunk, in this
  // transaction.
  static Result<void> store_in_database(Connection& c, const std::string& id, int64_t offset,
                                        std::span<const uint8_t> chunk) {
    if (chunk.empty()) return {};
    auto stored = c.exec("INSERT INTO upload_chunks (upload_id, start_offset, bytes) VALUES ($1, $2, $3)",
                         Params().text(id).int64(offset).bytes(chunk));
    if (!stored) return stored.error();
    return {};
  }

  Result<std::string> hash_in_folder(const std::string& id, int64_t length) const {
    auto bytes = m_pages.read(id, length);
    if (!bytes) return bytes.error();
    return sync::to_hex(sync::sha256(*bytes));
  }

  static Result<std::string> hash_in_database(Connection& c, const std::string& id) {
    auto digest = c.exec(
        "SELECT encode(sha256(coalesce(string_agg(bytes, ''::bytea ORDER BY start_offset), ''::bytea)), 'hex') "
        "FROM upload_chunks WHERE upload_id = $1",
        Params().text(id));
    if (!digest) return digest.error();
    return digest->text(0, 0);
  }

  static Result<std::optional<sync::ApplicationStatus>> status_of(Connection& c,
                                                                  const std::string& tracking_code,
                                                                  const std::string* terminal_id) {
    auto application = c.exec(
        "SELECT a.status, d.note, d.credit, d.decided_unix FROM applications a LEFT JOIN case_decisions d ON "
        "d.tracking_code = a.tracking_code WHERE a.tracking_code = $1 AND ($2::text IS NULL OR a.terminal_id = $2)",
        Params()
            .text(tracking_code)
            .nullable_text(terminal_id ? std::optional<std::string>(*terminal_id) : std::nullopt));
    if (!application) return application.error();
    if (application->empty()) return std::optional<sync::ApplicationStatus>();
    sync::ApplicationStatus status;
    status.tracking_code = tracking_code;
    status.status = sync::centre_status_from(application->text(0, 0)).value_or(sync::CentreStatus::Receiving);
    if (!application->is_null(0, 1))
      status.decision =
          sync::CentreDecision{application->text(0, 1), application->text(0, 2), application->int64(0, 3)};
    auto pages = c.exec(
        "SELECT page_index, id, length, upload_offset, expected_sha256, complete FROM uploads WHERE tracking_code = $1 "
        "ORDER BY page_index",
        Params().text(tracking_code));
    if (!pages) return pages.error();
    for (int i = 0; i < pages->size(); ++i)
      status.pages.push_back({static_cast<int>(pages->int64(i, 0)), "/v1/uploads/" + pages->text(i, 1),
                              pages->int64(i, 2), pages->int64(i, 3), pages->text(i, 4),
                              pages->boolean(i, 5)});
    return std::optional<sync::ApplicationStatus>(std::move(status));
  }

  std::shared_ptr<pg::Pool> m_pool;
  PageFolder m_pages;
};

}  // namespace

Result<std::unique_ptr<CentreStorage>> make_postgres_storage(std::shared_ptr<pg::Pool> pool,
                                                             const std::filesystem::path& uploads_folder) {
  auto pages = PageFolder::open(uploads_folder);
  if (!pages) return pages.error();
  return std::unique_ptr<CentreStorage>(
      std::make_unique<PostgresCentreStorage>(std::move(pool), std::move(pages).value()));
}

}  // namespace pk::centre
