#include "centre/sqlite_centre_storage.h"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/database.h"
#include "centre/case_rules.h"
#include "centre/page_folder.h"
#include "centre/sqlite_centre_schema.h"
#include "centre/upload_plan.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using store::Database;
using store::Statement;
using store::StepResult;
using store::Transaction;

class SqliteCentreStorage final : public CentreStorage {
 public:
  SqliteCentreStorage(Database db, PageFolder pages) : m_db(std::move(db)), m_pages(std::move(pages)) {}

  Result<SubmitResult> submit(const std::string& terminal_id, const std::string& key,
                              const std::string& body_sha, const sync::Submission& submission) override {
    std::lock_guard lock(m_mutex);
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    // By this terminal's key first, then by tracking code across every terminal.
    for (const bool by_key : {true, false}) {
      auto find = m_db.prepare(
          by_key ? "SELECT body_sha256, first_reply, terminal_id FROM applications"
                   " WHERE terminal_id = ?1 AND idempotency_key = ?2"
                 : "SELECT body_sha256, first_reply, terminal_id FROM applications WHERE tracking_code = ?2");
      if (!find) return find.error();
      find->bind(1, terminal_id).bind(2, std::string_view(by_key ? key : submission.tracking_code));
      auto row = find->step();
      if (!row) return row.error();
      if (*row == StepResult::Row) {
        // The same body from the same terminal under this key, or under a key damaged on the
        // way: the same submission.
        if (find->column_text(0) == body_sha && find->column_text(2) == terminal_id)
          return SubmitResult{SubmitOutcome::Replayed, find->column_text(1)};
        return SubmitResult{by_key ? SubmitOutcome::KeyReused : SubmitOutcome::TrackingCodeTaken, {}};
      }
    }
    const UploadPlan plan = plan_uploads(submission);
    const std::vector<std::string>& ids = plan.upload_ids;
    const std::string& reply = plan.reply_json;
    auto insert = m_db.prepare(
        "INSERT INTO applications (tracking_code, idempotency_key, body_sha256, submission, first_reply, "
        "status, terminal_id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return insert.error();
    insert->bind(1, submission.tracking_code)
        .bind(2, key)
        .bind(3, body_sha)
        .bind(4, sync::to_json(submission))
        .bind(5, reply)
        .bind(6, sync::to_string(plan.status))
        .bind(7, terminal_id);
    if (auto ran = insert->run(); !ran) return ran.error();
    for (size_t i = 0; i < ids.size(); ++i) {
      auto upload = m_db.prepare(
          "INSERT INTO uploads (id, length, tracking_code, page_index, expected_sha256, terminal_id)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      if (!upload) return upload.error();
      upload->bind(1, ids[i])
          .bind(2, submission.pages[i].sealed_size)
          .bind(3, submission.tracking_code)
          .bind(4, static_cast<int64_t>(i))
          .bind(5, submission.pages[i].sealed_sha256_hex)
          .bind(6, terminal_id);
      if (auto ran = upload->run(); !ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return SubmitResult{SubmitOutcome::Created, reply};
  }

  Result<std::optional<sync::ApplicationStatus>> status(const std::string& terminal_id,
                                                        const std::string& tracking_code) override {
    std::lock_guard lock(m_mutex);
    return status_locked(&terminal_id, tracking_code);
  }

  Result<void> set_status(const std::string& tracking_code, sync::CentreStatus next) override {
    std::lock_guard lock(m_mutex);
    auto current = status_locked(nullptr, tracking_code);
    if (!current) return current.error();
    if (!*current) return make_error("centre: no application " + tracking_code);
    const sync::CentreStatus now = (*current)->status;
    if (sync::rank(next) < sync::rank(now) || (sync::is_final(now) && next != now)) {
      return make_error("centre: " + tracking_code + " cannot go back from " +
                        std::string(sync::to_string(now)));
    }
    auto update = m_db.prepare("UPDATE applications SET status = ?2 WHERE tracking_code = ?1");
    if (!update) return update.error();
    return update->bind(1, tracking_code).bind(2, sync::to_string(next)).run();
  }

  Result<std::vector<CaseSummary>> list_cases(const CaseFilter& filter) override {
    std::lock_guard lock(m_mutex);
    if (filter.terminal_ids && filter.terminal_ids->empty()) return std::vector<CaseSummary>();
    std::string sql = std::string(kCaseColumns) + " WHERE 1 = 1";
    if (filter.terminal_ids) sql += " AND a.terminal_id IN (SELECT value FROM json_each(?1))";
    if (!filter.kind.empty()) sql += " AND json_extract(a.submission, '$.kind') = ?2";
    if (filter.service_number) sql += " AND json_extract(a.submission, '$.service_number') = ?3";
    if (filter.status) sql += " AND a.status = ?4";
    sql += " ORDER BY json_extract(a.submission, '$.created_at_unix') DESC, a.tracking_code DESC LIMIT ?5";
    auto query = m_db.prepare(sql);
    if (!query) return query.error();
    // A terminal id that is not UTF-8 matches nothing (and must not make the JSON writer throw).
    if (filter.terminal_ids)
      query->bind(1, nlohmann::json(*filter.terminal_ids)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!filter.kind.empty()) query->bind(2, filter.kind);
    if (filter.service_number) query->bind(3, *filter.service_number);
    if (filter.status) query->bind(4, sync::to_string(*filter.status));
    query->bind(5, int64_t{std::max(1, filter.limit)});
    std::vector<CaseSummary> cases;
    for (;;) {
      auto row = query->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      auto summary = case_summary(*query);
      if (!summary) return summary.error();
      cases.push_back(std::move(summary).value().first);
    }
    return cases;
  }

  Result<std::optional<CaseDetail>> find_case(const std::string& tracking_code) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(std::string(kCaseColumns) + " WHERE a.tracking_code = ?1");
    if (!query) return query.error();
    query->bind(1, tracking_code);
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<CaseDetail>();
    auto summary = case_summary(*query);
    if (!summary) return summary.error();
    CaseDetail detail;
    detail.summary = std::move(summary->first);
    detail.submission = std::move(summary->second);
    auto pages = m_db.prepare("SELECT id FROM uploads WHERE tracking_code = ?1 ORDER BY page_index");
    if (!pages) return pages.error();
    pages->bind(1, tracking_code);
    for (;;) {
      auto page = pages->step();
      if (!page) return page.error();
      if (*page == StepResult::Done) break;
      detail.page_upload_ids.push_back(pages->column_text(0));
    }
    return std::optional<CaseDetail>(std::move(detail));
  }

  Result<void> decide(const std::string& tracking_code, const CaseDecisionRequest& request,
                      int64_t now_unix) override {
    std::lock_guard lock(m_mutex);
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    auto current = m_db.prepare(
        "SELECT status, json_extract(submission, '$.kind') FROM applications WHERE tracking_code = ?1");
    if (!current) return current.error();
    current->bind(1, tracking_code);
    auto row = current->step();
    if (!row) return row.error();
    if (*row == StepResult::Done)
      return make_error(tracking_code + ": no such application or failure report");
    const auto status =
        sync::centre_status_from(current->column_text(0)).value_or(sync::CentreStatus::Receiving);
    if (auto allowed = check_decision(tracking_code, current->column_text(1), status, request); !allowed)
      return allowed.error();
    auto update = m_db.prepare("UPDATE applications SET status = ?2 WHERE tracking_code = ?1");
    if (!update) return update.error();
    if (auto ran = update->bind(1, tracking_code).bind(2, sync::to_string(request.status)).run(); !ran)
      return ran.error();
    auto decision = m_db.prepare("INSERT OR REPLACE INTO case_decisions VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!decision) return decision.error();
    decision->bind(1, tracking_code)
        .bind(2, request.decision.note)
        .bind(3, request.decision.credit)
        .bind(4, request.decided_by)
        .bind(5, now_unix);
    if (auto ran = decision->run(); !ran) return ran.error();
    return transaction->commit();
  }

  Result<UploadInfo> create_upload(const std::string& terminal_id, int64_t length,
                                   const std::string& metadata) override {
    std::lock_guard lock(m_mutex);
    UploadInfo info{new_upload_id(), length, 0, metadata, length == 0};
    auto insert = m_db.prepare(
        "INSERT INTO uploads (id, length, metadata, complete, terminal_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    insert->bind(1, info.id).bind(2, length).bind(3, metadata).bind(4, int64_t{info.complete ? 1 : 0});
    insert->bind(5, terminal_id);
    if (auto ran = insert->run(); !ran) return ran.error();
    return info;
  }

  Result<std::optional<UploadInfo>> find_upload(const std::string& terminal_id,
                                                const std::string& id) override {
    std::lock_guard lock(m_mutex);
    auto found = find_locked(terminal_id, id);
    if (!found) return found.error();
    if (!*found) return std::optional<UploadInfo>();
    return std::optional<UploadInfo>((*found)->info);
  }

  Result<AppendResult> append(const std::string& terminal_id, const std::string& id, int64_t offset,
                              std::span<const uint8_t> chunk) override {
    std::lock_guard lock(m_mutex);
    auto found = find_locked(terminal_id, id);
    if (!found) return found.error();
    if (!*found) return AppendResult{AppendOutcome::NotFound, 0};
    const Row& row = **found;
    if (row.info.offset != offset) return AppendResult{AppendOutcome::OffsetMismatch, row.info.offset};
    if (offset + static_cast<int64_t>(chunk.size()) > row.info.length)
      return AppendResult{AppendOutcome::TooLong, offset};

    // Bytes first, on disk (and the folder's entry with them), then the offset: after a crash
    // the file may hold bytes past the recorded offset, which the next PATCH at that offset
    // simply overwrites (centre/page_folder.h, shared with the PostgreSQL backend).
    const int64_t new_offset = offset + static_cast<int64_t>(chunk.size());
    const bool done = new_offset == row.info.length;
    if (auto written = m_pages.write_at(id, offset, chunk, done ? UploadEnd::Reached : UploadEnd::NotYet);
        !written)
      return written.error();
    const std::filesystem::path file = m_pages.path() / id;

    if (done && row.expected_sha256) {
      auto bytes = read_file(file);
      if (!bytes) return bytes.error();
      if (sync::to_hex(sync::sha256(*bytes)) != *row.expected_sha256) {
        auto reset = m_db.prepare("UPDATE uploads SET offset = 0 WHERE id = ?1");
        if (!reset) return reset.error();
        if (auto ran = reset->bind(1, id).run(); !ran) return ran.error();
        return AppendResult{AppendOutcome::WholeChecksumMismatch, 0};
      }
    }
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    auto update = m_db.prepare("UPDATE uploads SET offset = ?2, complete = ?3 WHERE id = ?1");
    if (!update) return update.error();
    if (auto ran = update->bind(1, id).bind(2, new_offset).bind(3, int64_t{done ? 1 : 0}).run(); !ran)
      return ran.error();
    if (done && row.tracking_code) {
      auto received = m_db.prepare(
          "UPDATE applications SET status = 'received' WHERE tracking_code = ?1 AND status = 'receiving'"
          " AND NOT EXISTS (SELECT 1 FROM uploads WHERE tracking_code = ?1 AND complete = 0)");
      if (!received) return received.error();
      if (auto ran = received->bind(1, *row.tracking_code).run(); !ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return AppendResult{AppendOutcome::Appended, new_offset};
  }

  Result<bool> remove_upload(const std::string& terminal_id, const std::string& id) override {
    std::lock_guard lock(m_mutex);
    if (!is_upload_id(id)) return false;
    auto remove =
        m_db.prepare("DELETE FROM uploads WHERE id = ?1 AND terminal_id = ?2 AND tracking_code IS NULL");
    if (!remove) return remove.error();
    if (auto ran = remove->bind(1, id).bind(2, terminal_id).run(); !ran) return ran.error();
    const bool removed = m_db.changes() > 0;
    // The record first: a file no record names is harmless, a record without its file is not.
    if (removed)
      if (auto gone = m_pages.remove(id); !gone) spdlog::warn("{}", gone.error().message);
    return removed;
  }

  Result<std::vector<uint8_t>> read_upload(const std::string& id) override {
    std::lock_guard lock(m_mutex);
    if (!is_upload_id(id)) return make_error("centre: no upload " + id);
    if (!std::filesystem::exists(m_pages.path() / id)) return std::vector<uint8_t>();
    return read_file(m_pages.path() / id);
  }

  Result<TerminalUsage> usage(const std::string& terminal_id) override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT count(*), IFNULL(sum(length - offset), 0) FROM uploads WHERE terminal_id = ?1 AND complete = 0");
    if (!query) return query.error();
    query->bind(1, terminal_id);
    auto row = query->step();
    if (!row) return row.error();
    return TerminalUsage{query->column_int64(0), query->column_int64(1)};
  }

  Result<std::vector<sync::OutageNotice>> notices() override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT id, published_unix, starts_unix, ends_unix, services, text_fa, text_en FROM sla_notices "
        "ORDER BY starts_unix, id");
    if (!query) return query.error();
    std::vector<sync::OutageNotice> list;
    for (;;) {
      auto row = query->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      auto services = sla::ServiceScope::from_text(query->column_text(4));
      if (!services) return make_error("centre: notice " + query->column_text(0) + " has malformed services");
      list.push_back({query->column_text(0), query->column_int64(1), query->column_int64(2),
                      query->column_int64(3), *services, query->column_text(5), query->column_text(6)});
    }
    return list;
  }

  Result<void> add_notice(const sync::OutageNotice& notice) override {
    // Only what the terminals' parser accepts is published: a bad notice must not stop every
    // terminal from taking the good ones.
    const std::vector<sync::OutageNotice> one{notice};
    if (auto valid = sync::parse_notices(sync::to_json(one)); !valid) return valid.error();
    std::lock_guard lock(m_mutex);
    auto insert = m_db.prepare("INSERT OR REPLACE INTO sla_notices VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return insert.error();
    return insert->bind(1, notice.id)
        .bind(2, notice.published_unix)
        .bind(3, notice.starts_unix)
        .bind(4, notice.ends_unix)
        .bind(5, notice.services.to_text())
        .bind(6, notice.text_fa)
        .bind(7, notice.text_en)
        .run();
  }

  Result<void> bind_keys(const std::string& sealing_hex, const std::string& catalog_hex,
                         int64_t now) override {
    std::lock_guard lock(m_mutex);
    auto insert = m_db.prepare("INSERT OR IGNORE INTO centre_keys VALUES (1, ?1, ?2, ?3)");
    if (!insert) return insert.error();
    if (auto ran = insert->bind(1, sealing_hex).bind(2, catalog_hex).bind(3, now).run(); !ran)
      return ran.error();
    auto query = m_db.prepare("SELECT sealing_public_key_hex, catalog_public_key_hex FROM centre_keys");
    if (!query) return query.error();
    auto row = query->step();
    if (!row) return row.error();
    return compare_keys(query->column_text(0), query->column_text(1), sealing_hex, catalog_hex);
  }

  Result<void> record_heartbeat(const std::string& terminal_id, int64_t at_unix, int64_t pending,
                                const std::string& software) override {
    std::lock_guard lock(m_mutex);
    auto upsert = m_db.prepare(
        "INSERT OR REPLACE INTO heartbeats (terminal_id, last_seen_unix, pending_outbox, software) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!upsert) return upsert.error();
    return upsert->bind(1, terminal_id).bind(2, at_unix).bind(3, pending).bind(4, software).run();
  }

  Result<std::vector<HeartbeatRecord>> heartbeats() override {
    std::lock_guard lock(m_mutex);
    auto query = m_db.prepare(
        "SELECT terminal_id, last_seen_unix, pending_outbox, software FROM heartbeats ORDER BY terminal_id");
    if (!query) return query.error();
    std::vector<HeartbeatRecord> list;
    for (;;) {
      auto row = query->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      list.push_back(
          {query->column_text(0), query->column_int64(1), query->column_int64(2), query->column_text(3)});
    }
    return list;
  }

  Result<CentreCounts> counts() override {
    std::lock_guard lock(m_mutex);
    CentreCounts counts;
    auto applications = m_db.query_int64("SELECT count(*) FROM applications");
    auto uploads = m_db.query_int64("SELECT count(*) FROM uploads");
    auto complete = m_db.query_int64("SELECT count(*) FROM uploads WHERE complete = 1");
    if (!applications) return applications.error();
    if (!uploads) return uploads.error();
    if (!complete) return complete.error();
    return CentreCounts{*applications, *uploads, *complete};
  }

  Result<sync::LedgerReceipt> store_ledger(const sync::LedgerUpload& upload) override {
    std::lock_guard lock(m_mutex);
    auto transaction = Transaction::begin(m_db);
    if (!transaction) return transaction.error();
    // An open outage takes its end when it closes; a closed one is final.
    auto outage = m_db.prepare(
        "INSERT INTO ledger_outages VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT (terminal_id, id) DO UPDATE SET end_kind = excluded.end_kind, end_unix = excluded.end_unix, "
        "  duration_ms = excluded.duration_ms, clock_suspect = excluded.clock_suspect "
        "WHERE ledger_outages.end_kind = 'open'");
    if (!outage) return outage.error();
    for (const sla::OutageChange& change : upload.changes.outages) {
      const sla::Outage& o = change.outage;
      const char* end = o.end == sla::OutageEnd::Open       ? "open"
                        : o.end == sla::OutageEnd::Observed ? "observed"
                                                            : "last_heartbeat";
      outage->bind(1, upload.terminal_id)
          .bind(2, o.id)
          .bind(3, sla::to_string(o.cause))
          .bind(4, o.services.to_text());
      outage->bind(5, change.boot_id)
          .bind(6, o.start_unix)
          .bind(7, change.started_monotonic_ms)
          .bind(8, std::string_view(end));
      outage->bind(9, o.end_unix).bind(10, o.monotonic_duration_ms);
      outage->bind(11, int64_t{change.clock_suspect ? 1 : 0});
      auto ran = outage->run();
      outage->reset();
      if (!ran) return ran.error();
    }
    auto run = m_db.prepare(
        "INSERT INTO ledger_runs VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (terminal_id, id) DO UPDATE SET duration_ms = excluded.duration_ms, "
        "  last_wall_unix = excluded.last_wall_unix WHERE excluded.duration_ms > ledger_runs.duration_ms");
    if (!run) return run.error();
    for (const sla::RunChange& change : upload.changes.runs) {
      run->bind(1, upload.terminal_id)
          .bind(2, change.id)
          .bind(3, change.run.boot_id)
          .bind(4, change.run.start_unix);
      run->bind(5, change.run.monotonic_duration_ms).bind(6, change.run.last_wall_unix);
      auto ran = run->run();
      run->reset();
      if (!ran) return ran.error();
    }
    auto event = m_db.prepare("INSERT OR IGNORE INTO ledger_clock_events VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!event) return event.error();
    for (const sla::ClockEventChange& change : upload.changes.clock_events) {
      event->bind(1, upload.terminal_id).bind(2, change.id);
      event->bind(3, std::string_view(change.event.kind == sla::ClockEventKind::WallJump ? "wall_jump"
                                                                                         : "centre_sync"));
      event->bind(4, change.event.at_unix).bind(5, change.event.offset_seconds);
      auto ran = event->run();
      event->reset();
      if (!ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return sync::LedgerReceipt{static_cast<int64_t>(upload.changes.outages.size()),
                               static_cast<int64_t>(upload.changes.runs.size()),
                               static_cast<int64_t>(upload.changes.clock_events.size())};
  }

  Result<std::vector<TerminalLedger>> terminal_ledgers() override {
    std::lock_guard lock(m_mutex);
    std::map<std::string, TerminalLedger> ledgers;
    const auto of = [&](const std::string& terminal) -> TerminalLedger& {
      TerminalLedger& ledger = ledgers[terminal];
      ledger.terminal_id = terminal;
      return ledger;
    };
    auto outages = m_db.prepare(
        "SELECT terminal_id, id, cause, services, start_unix, end_kind, end_unix, duration_ms, clock_suspect "
        "FROM ledger_outages ORDER BY terminal_id, id");
    if (!outages) return outages.error();
    for (;;) {
      auto row = outages->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      auto cause = sla::outage_cause_from(outages->column_text(2));
      auto services = sla::ServiceScope::from_text(outages->column_text(3));
      if (!cause || !services)
        return make_error("centre: ledger outage " + outages->column_text(1) + " is malformed");
      sla::Outage o;
      o.id = outages->column_int64(1);
      o.cause = *cause;
      o.services = *services;
      o.start_unix = outages->column_int64(4);
      const std::string end = outages->column_text(5);
      o.end = end == "observed"         ? sla::OutageEnd::Observed
              : end == "last_heartbeat" ? sla::OutageEnd::LastHeartbeat
                                        : sla::OutageEnd::Open;
      o.end_unix = outages->column_optional_int64(6);
      o.monotonic_duration_ms = outages->column_optional_int64(7);
      TerminalLedger& ledger = of(outages->column_text(0));
      ledger.snapshot.outages.push_back(std::move(o));
      ledger.suspect_clock_outages += outages->column_int64(8);
    }
    auto runs = m_db.prepare(
        "SELECT terminal_id, boot_id, start_unix, duration_ms, last_wall_unix FROM ledger_runs ORDER BY terminal_id, id");
    if (!runs) return runs.error();
    for (;;) {
      auto row = runs->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      of(runs->column_text(0))
          .snapshot.runs.push_back(
              {runs->column_text(1), runs->column_int64(2), runs->column_int64(3), runs->column_int64(4)});
    }
    auto events = m_db.prepare(
        "SELECT terminal_id, kind, at_unix, offset_seconds FROM ledger_clock_events ORDER BY terminal_id, id");
    if (!events) return events.error();
    for (;;) {
      auto row = events->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      const auto kind = events->column_text(1) == "wall_jump" ? sla::ClockEventKind::WallJump
                                                              : sla::ClockEventKind::CentreSync;
      of(events->column_text(0))
          .snapshot.clock_events.push_back({kind, events->column_int64(2), events->column_int64(3)});
    }
    // Failure reports arrive as submissions of kind failure_report (exactly once, by their key),
    // and count for the terminal whose certificate submitted them.
    auto reports = m_db.prepare(
        "SELECT terminal_id, json_extract(submission, '$.service_number'), "
        "  json_extract(submission, '$.created_at_unix') FROM applications "
        "WHERE json_extract(submission, '$.kind') = 'failure_report' ORDER BY rowid");
    if (!reports) return reports.error();
    for (;;) {
      auto row = reports->step();
      if (!row) return row.error();
      if (*row == StepResult::Done) break;
      const auto service = reports->column_optional_int64(1);
      of(reports->column_text(0))
          .snapshot.failure_reports.push_back(
              {service ? std::optional<int>(static_cast<int>(*service)) : std::nullopt,
               reports->column_int64(2)});
    }
    std::vector<TerminalLedger> list;
    for (auto& [terminal, ledger] : ledgers) list.push_back(std::move(ledger));
    return list;
  }

 private:
  // A case's columns, in the order case_summary() reads them.
  static constexpr std::string_view kCaseColumns =
      "SELECT a.tracking_code, a.terminal_id, a.submission, a.status, d.note, d.credit, d.decided_unix, "
      "  d.decided_by, (SELECT count(*) FROM uploads u WHERE u.tracking_code = a.tracking_code), "
      "  (SELECT count(*) FROM uploads u WHERE u.tracking_code = a.tracking_code AND u.complete = 1) "
      "FROM applications a LEFT JOIN case_decisions d ON d.tracking_code = a.tracking_code";

  static Result<std::pair<CaseSummary, sync::Submission>> case_summary(const Statement& row) {
    auto submission = sync::parse_submission(row.column_text(2));
    if (!submission)
      return make_error("centre: case " + row.column_text(0) + ": " + submission.error().message);
    CaseSummary summary;
    summary.tracking_code = row.column_text(0);
    summary.terminal_id = row.column_text(1);
    summary.kind = submission->kind;
    summary.service_number = submission->service_number;
    summary.channel = submission->channel;
    summary.created_at_unix = submission->created_at_unix;
    summary.status = sync::centre_status_from(row.column_text(3)).value_or(sync::CentreStatus::Receiving);
    if (!row.column_is_null(6)) {
      summary.decision = sync::CentreDecision{row.column_text(4), row.column_text(5), row.column_int64(6)};
      summary.decided_by = row.column_text(7);
    }
    summary.pages = static_cast<int>(row.column_int64(8));
    summary.pages_complete = static_cast<int>(row.column_int64(9));
    return std::pair{std::move(summary), std::move(submission).value()};
  }

  struct Row {
    UploadInfo info;
    std::optional<std::string> tracking_code;
    std::optional<std::string> expected_sha256;
  };

  // Another terminal's upload is not found, exactly as one that does not exist.
  Result<std::optional<Row>> find_locked(const std::string& terminal_id, const std::string& id) {
    if (!is_upload_id(id)) return std::optional<Row>();
    auto query = m_db.prepare(
        "SELECT length, offset, metadata, complete, tracking_code, expected_sha256 FROM uploads"
        " WHERE id = ?1 AND terminal_id = ?2");
    if (!query) return query.error();
    query->bind(1, id).bind(2, terminal_id);
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<Row>();
    return std::optional<Row>(Row{{id, query->column_int64(0), query->column_int64(1), query->column_text(2),
                                   query->column_int64(3) != 0},
                                  query->column_optional_text(4),
                                  query->column_optional_text(5)});
  }

  // `terminal_id` null: the centre's own look (a reviewer); else only that terminal's.
  Result<std::optional<sync::ApplicationStatus>> status_locked(const std::string* terminal_id,
                                                               const std::string& tracking_code) {
    auto query = m_db.prepare("SELECT status, terminal_id FROM applications WHERE tracking_code = ?1");
    if (!query) return query.error();
    query->bind(1, tracking_code);
    auto row = query->step();
    if (!row) return row.error();
    if (*row == StepResult::Done) return std::optional<sync::ApplicationStatus>();
    if (terminal_id != nullptr && query->column_text(1) != *terminal_id)
      return std::optional<sync::ApplicationStatus>();
    sync::ApplicationStatus status;
    status.tracking_code = tracking_code;
    status.status = sync::centre_status_from(query->column_text(0)).value_or(sync::CentreStatus::Receiving);
    auto pages = m_db.prepare(
        "SELECT page_index, id, length, offset, expected_sha256, complete FROM uploads WHERE tracking_code = "
        "?1"
        " ORDER BY page_index");
    if (!pages) return pages.error();
    pages->bind(1, tracking_code);
    for (;;) {
      auto page = pages->step();
      if (!page) return page.error();
      if (*page == StepResult::Done) break;
      status.pages.push_back({static_cast<int>(pages->column_int64(0)),
                              "/v1/uploads/" + pages->column_text(1), pages->column_int64(2),
                              pages->column_int64(3), pages->column_text(4), pages->column_int64(5) != 0});
    }
    auto decision =
        m_db.prepare("SELECT note, credit, decided_unix FROM case_decisions WHERE tracking_code = ?1");
    if (!decision) return decision.error();
    decision->bind(1, tracking_code);
    auto decided = decision->step();
    if (!decided) return decided.error();
    if (*decided == StepResult::Row)
      status.decision =
          sync::CentreDecision{decision->column_text(0), decision->column_text(1), decision->column_int64(2)};
    return std::optional<sync::ApplicationStatus>(std::move(status));
  }

  static Result<std::vector<uint8_t>> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error("centre: cannot read " + file.string());
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  std::mutex m_mutex;
  Database m_db;
  PageFolder m_pages;
};

}  // namespace

Result<std::unique_ptr<CentreStorage>> open_sqlite_storage(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return make_error("centre: cannot create " + data_dir.string() + ": " + ec.message());
  auto pages = PageFolder::open(data_dir / "uploads");
  if (!pages) return pages.error();
  auto db = Database::open(data_dir / "centre.sqlite", {});
  if (!db) return db.error();
  if (auto pragmas = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !pragmas) {
    return pragmas.error();
  }
  if (auto migrated = migrate_centre_sqlite(*db); !migrated) return migrated.error();
  return std::unique_ptr<CentreStorage>(
      std::make_unique<SqliteCentreStorage>(std::move(db).value(), std::move(pages).value()));
}

}  // namespace pk::centre
