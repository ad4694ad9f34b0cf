#include "protocol/wire.h"

#include <nlohmann/json.hpp>

#include "domain/json_fields.h"
#include "domain/sla_notice_json.h"
#include "protocol/encoding.h"

namespace pk::sync {
namespace {

using nlohmann::json;

using fields::JsonFields;
using fields::Range;
using fields::TextRule;

constexpr int64_t kMaxPageBytes = int64_t{1} << 32;
constexpr size_t kMaxPages = 500;
constexpr size_t kMaxDecisionTextBytes = 2000;  // a few sentences of Persian (2 bytes a letter)
constexpr TextRule kShortText{fields::Emptiness::Allow, 32};
constexpr TextRule kIdText{fields::Emptiness::Allow, 64};
constexpr TextRule kIdRequired{fields::Emptiness::Refuse, 64};

Result<json> parse_object(std::string_view json_text, const char* what) {
  json document = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded())
    return make_error(ErrorKind::Malformed, std::string(what) + ": not valid JSON");
  if (!document.is_object())
    return make_error(ErrorKind::Malformed, std::string(what) + ": not a JSON object");
  return document;
}

void check_version(const JsonFields& r) { (void)r.integer("version", Range{kWireVersion, kWireVersion}); }

std::string sha256_hex(const JsonFields& r, const char* key) {
  std::string hex = r.string(key, TextRule{fields::Emptiness::Allow, 64});
  if (r.ok() && (hex.size() != 64 || !from_hex(hex))) r.place().refuse(key, "must be 64 hex digits");
  return hex;
}

// A list of objects, each read by `read` from its own reader ("pages[3].index").
template <class Item, class Read>
void read_list(const JsonFields& r, const char* key, std::size_t max_items, std::vector<Item>& out,
               Read read) {
  const json& list = r.array(key, fields::Emptiness::Allow, max_items);
  for (size_t i = 0; i < list.size() && r.ok(); ++i) {
    const JsonFields item = r.nested(list[i], fields::item(key, i));
    Item value = read(item, i);
    if (item.ok()) out.push_back(std::move(value));
  }
}

constexpr fields::Choice<std::string_view> kSubmissionKinds[] = {{"application", "application"},
                                                                 {"failure_report", "failure_report"}};
constexpr fields::Choice<std::string_view> kChannels[] = {{"kiosk", "kiosk"}, {"counter", "counter"}};

}  // namespace

std::string_view to_string(CentreStatus status) {
  switch (status) {
    case CentreStatus::Receiving:
      return "receiving";
    case CentreStatus::Received:
      return "received";
    case CentreStatus::InReview:
      return "in_review";
    case CentreStatus::DocumentsRequested:
      return "documents_requested";
    case CentreStatus::Approved:
      return "approved";
    case CentreStatus::Rejected:
      return "rejected";
    case CentreStatus::Resolved:
      return "resolved";
  }
  return "receiving";
}

std::optional<CentreStatus> centre_status_from(std::string_view text) {
  for (CentreStatus status : {CentreStatus::Receiving, CentreStatus::Received, CentreStatus::InReview,
                              CentreStatus::DocumentsRequested, CentreStatus::Approved,
                              CentreStatus::Rejected, CentreStatus::Resolved}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

bool is_final(CentreStatus status) { return rank(status) == 3; }

int rank(CentreStatus status) {
  switch (status) {
    case CentreStatus::Receiving:
      return 0;
    case CentreStatus::Received:
      return 1;
    case CentreStatus::InReview:
    case CentreStatus::DocumentsRequested:
      return 2;
    case CentreStatus::Approved:
    case CentreStatus::Rejected:
    case CentreStatus::Resolved:
      return 3;
  }
  return 0;
}

std::string to_json(const Submission& submission) {
  json pages = json::array();
  for (const PageManifest& page : submission.pages) {
    pages.push_back({{"doc_kind", page.doc_kind},
                     {"page_no", page.page_no},
                     {"mime", page.mime},
                     {"byte_size", page.byte_size},
                     {"sealed_size", page.sealed_size},
                     {"sealed_sha256", page.sealed_sha256_hex}});
  }
  json document = {{"version", kWireVersion},
                   {"tracking_code", submission.tracking_code},
                   {"kind", submission.kind},
                   {"service_number", submission.service_number ? json(*submission.service_number) : json()},
                   {"channel", submission.channel},
                   {"terminal_id", submission.terminal_id},
                   {"operator_id", submission.operator_id ? json(*submission.operator_id) : json()},
                   {"created_at_unix", submission.created_at_unix},
                   {"sealed_personal", submission.sealed_personal_base64},
                   {"pages", std::move(pages)}};
  return document.dump();
}

Result<Submission> parse_submission(std::string_view json_text) {
  auto document = parse_object(json_text, "submission");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "submission"));
  check_version(r);
  Submission submission;
  submission.tracking_code = r.string("tracking_code", kIdRequired);
  submission.kind = std::string(r.choice("kind", kSubmissionKinds).value_or(""));
  submission.service_number = r.optional_integer("service_number", Range{0, 1'000'000});
  submission.channel = std::string(r.choice("channel", kChannels).value_or(""));
  submission.terminal_id = r.string("terminal_id", kIdText);
  submission.operator_id = r.optional_string("operator_id", TextRule{fields::Emptiness::Allow, 4096});
  submission.created_at_unix = r.integer("created_at_unix", Range{0, int64_t{1} << 40});
  submission.sealed_personal_base64 =
      r.string("sealed_personal", TextRule{fields::Emptiness::Allow, 1 << 20});
  if (r.ok() && !from_base64(submission.sealed_personal_base64)) {
    r.place().refuse("sealed_personal", "must be base64");
  }
  read_list(r, "pages", kMaxPages, submission.pages, [](const JsonFields& item, size_t) {
    PageManifest page;
    page.doc_kind = item.string("doc_kind", kIdText);
    page.page_no = static_cast<int>(item.integer("page_no", Range{1, 10'000}));
    page.mime = item.string("mime", kIdText);
    page.byte_size = item.integer("byte_size", Range{0, kMaxPageBytes});
    page.sealed_size = item.integer("sealed_size", Range{0, kMaxPageBytes});
    page.sealed_sha256_hex = sha256_hex(item, "sealed_sha256");
    return page;
  });
  if (!problems.ok()) return problems.error();
  return submission;
}

std::string to_json(const ApplicationStatus& status) {
  json pages = json::array();
  for (const PageStatus& page : status.pages) {
    pages.push_back({{"index", page.index},
                     {"upload", page.upload_path},
                     {"sealed_size", page.sealed_size},
                     {"received", page.received},
                     {"sealed_sha256", page.sealed_sha256_hex},
                     {"complete", page.complete}});
  }
  json document = {{"version", kWireVersion},
                   {"tracking_code", status.tracking_code},
                   {"status", to_string(status.status)},
                   {"pages", std::move(pages)}};
  if (status.decision)
    document["decision"] = {{"note", status.decision->note},
                            {"credit", status.decision->credit},
                            {"decided_unix", status.decision->decided_unix}};
  return document.dump();
}

Result<ApplicationStatus> parse_application_status(std::string_view json_text) {
  auto document = parse_object(json_text, "application status");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "application status"));
  check_version(r);
  ApplicationStatus status;
  status.tracking_code = r.string("tracking_code", kIdText);
  const std::string status_text = r.string("status", kShortText);
  if (r.ok()) {
    if (auto parsed = centre_status_from(status_text)) {
      status.status = *parsed;
    } else {
      r.place().refuse("status", "\"" + status_text + "\" is not a known status");
    }
  }
  read_list(r, "pages", kMaxPages, status.pages, [](const JsonFields& item, size_t i) {
    PageStatus page;
    page.index = static_cast<int>(item.integer("index", Range{0, static_cast<int64_t>(kMaxPages)}));
    page.upload_path = item.string("upload", TextRule{fields::Emptiness::Allow, 256});
    page.sealed_size = item.integer("sealed_size", Range{0, kMaxPageBytes});
    page.received = item.integer("received", Range{0, kMaxPageBytes});
    page.sealed_sha256_hex = sha256_hex(item, "sealed_sha256");
    page.complete = item.boolean("complete");
    if (item.ok() && (page.upload_path.rfind("/v1/uploads/", 0) != 0)) {
      item.place().refuse("upload", "must be a path under /v1/uploads/");
    }
    if (item.ok() && page.index != static_cast<int>(i)) item.place().refuse("index", "is out of order");
    return page;
  });
  if (r.ok() && r.find("decision", fields::Presence::Optional) != nullptr) {
    const JsonFields decision = r.nested((*document)["decision"], "decision");
    CentreDecision parsed;
    parsed.note = decision.string("note", TextRule{fields::Emptiness::Allow, kMaxDecisionTextBytes});
    parsed.credit = decision.string("credit", TextRule{fields::Emptiness::Allow, kMaxDecisionTextBytes});
    parsed.decided_unix = decision.integer("decided_unix", Range{0, int64_t{1} << 40});
    status.decision = std::move(parsed);
  }
  if (!problems.ok()) return problems.error();
  return status;
}

std::string to_json(const std::vector<OutageNotice>& notices) { return sla::notices_to_json(notices); }

Result<std::vector<OutageNotice>> parse_notices(std::string_view json_text) {
  return sla::parse_notices(json_text);
}

namespace {

constexpr int64_t kMaxUnix = int64_t{1} << 40;
constexpr int64_t kMaxMs = int64_t{1} << 52;

std::string_view end_name(sla::OutageEnd end) {
  switch (end) {
    case sla::OutageEnd::Open:
      return "open";
    case sla::OutageEnd::Observed:
      return "observed";
    case sla::OutageEnd::LastHeartbeat:
      return "last_heartbeat";
  }
  return "open";
}

json optional_number(const std::optional<int64_t>& value) { return value ? json(*value) : json(); }

constexpr fields::Choice<sla::OutageEnd> kOutageEnds[] = {{"open", sla::OutageEnd::Open},
                                                          {"observed", sla::OutageEnd::Observed},
                                                          {"last_heartbeat", sla::OutageEnd::LastHeartbeat}};
constexpr fields::Choice<sla::ClockEventKind> kClockEventKinds[] = {
    {"centre_sync", sla::ClockEventKind::CentreSync}, {"wall_jump", sla::ClockEventKind::WallJump}};

}  // namespace

std::string to_json(const LedgerUpload& upload) {
  json outages = json::array();
  for (const sla::OutageChange& change : upload.changes.outages) {
    const sla::Outage& o = change.outage;
    outages.push_back({{"id", o.id},
                       {"cause", sla::to_string(o.cause)},
                       {"services", o.services.to_text()},
                       {"boot_id", change.boot_id},
                       {"start_unix", o.start_unix},
                       {"started_monotonic_ms", change.started_monotonic_ms},
                       {"end", end_name(o.end)},
                       {"end_unix", optional_number(o.end_unix)},
                       {"duration_ms", optional_number(o.monotonic_duration_ms)},
                       {"clock_suspect", change.clock_suspect}});
  }
  json runs = json::array();
  for (const sla::RunChange& change : upload.changes.runs) {
    runs.push_back({{"id", change.id},
                    {"boot_id", change.run.boot_id},
                    {"start_unix", change.run.start_unix},
                    {"duration_ms", change.run.monotonic_duration_ms},
                    {"last_wall_unix", change.run.last_wall_unix}});
  }
  json events = json::array();
  for (const sla::ClockEventChange& change : upload.changes.clock_events) {
    events.push_back(
        {{"id", change.id},
         {"kind", change.event.kind == sla::ClockEventKind::WallJump ? "wall_jump" : "centre_sync"},
         {"at_unix", change.event.at_unix},
         {"offset_seconds", change.event.offset_seconds}});
  }
  return json{{"version", kWireVersion},
              {"terminal_id", upload.terminal_id},
              {"outages", std::move(outages)},
              {"runs", std::move(runs)},
              {"clock_events", std::move(events)}}
      .dump();
}

Result<LedgerUpload> parse_ledger_upload(std::string_view json_text) {
  auto document = parse_object(json_text, "ledger upload");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "ledger upload"));
  check_version(r);
  LedgerUpload upload;
  upload.terminal_id = r.string("terminal_id", kIdRequired);
  read_list(r, "outages", kMaxLedgerRows, upload.changes.outages, [](const JsonFields& item, size_t) {
    sla::OutageChange change;
    sla::Outage& o = change.outage;
    o.id = item.integer("id", Range{1, kMaxMs});
    const std::string cause = item.string("cause", kShortText);
    if (item.ok()) {
      if (auto parsed = sla::outage_cause_from(cause))
        o.cause = *parsed;
      else
        item.place().refuse("cause", "\"" + cause + "\" is not a known cause");
    }
    const std::string services = item.string("services", TextRule{fields::Emptiness::Allow, 4096});
    if (item.ok()) {
      auto scope = sla::ServiceScope::from_text(services);
      if (scope && scope->to_text() == services)
        o.services = *scope;
      else
        item.place().refuse("services", "must be \"all\" or sorted service numbers like \"3,7\"");
    }
    change.boot_id = item.string("boot_id", kIdRequired);
    o.start_unix = item.integer("start_unix", Range{0, kMaxUnix});
    change.started_monotonic_ms = item.integer("started_monotonic_ms", Range{0, kMaxMs});
    o.end = item.choice("end", kOutageEnds).value_or(sla::OutageEnd::Open);
    o.end_unix = item.optional_integer("end_unix", Range{0, kMaxUnix});
    o.monotonic_duration_ms = item.optional_integer("duration_ms", Range{0, kMaxMs});
    change.clock_suspect = item.boolean("clock_suspect");
    // A closed outage has its end and its length; an open one neither.
    const bool closed = o.end != sla::OutageEnd::Open;
    if (item.ok() && (o.end_unix.has_value() != closed || o.monotonic_duration_ms.has_value() != closed))
      item.place().refuse("end_unix", "and duration_ms must be given exactly when the outage is closed");
    return change;
  });
  read_list(r, "runs", kMaxLedgerRows, upload.changes.runs, [](const JsonFields& item, size_t) {
    sla::RunChange change;
    change.id = item.integer("id", Range{1, kMaxMs});
    change.run.boot_id = item.string("boot_id", kIdRequired);
    change.run.start_unix = item.integer("start_unix", Range{0, kMaxUnix});
    change.run.monotonic_duration_ms = item.integer("duration_ms", Range{0, kMaxMs});
    change.run.last_wall_unix = item.integer("last_wall_unix", Range{0, kMaxUnix});
    return change;
  });
  read_list(
      r, "clock_events", kMaxLedgerRows, upload.changes.clock_events, [](const JsonFields& item, size_t) {
        sla::ClockEventChange change;
        change.id = item.integer("id", Range{1, kMaxMs});
        change.event.kind = item.choice("kind", kClockEventKinds).value_or(sla::ClockEventKind::CentreSync);
        change.event.at_unix = item.integer("at_unix", Range{0, kMaxUnix});
        change.event.offset_seconds = item.integer("offset_seconds", Range{-kMaxUnix, kMaxUnix});
        return change;
      });
  if (!problems.ok()) return problems.error();
  return upload;
}

std::string to_json(const LedgerReceipt& receipt) {
  return json{
      {"version", kWireVersion},
      {"stored",
       {{"outages", receipt.outages}, {"runs", receipt.runs}, {"clock_events", receipt.clock_events}}}}
      .dump();
}

Result<LedgerReceipt> parse_ledger_receipt(std::string_view json_text) {
  auto document = parse_object(json_text, "ledger receipt");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "ledger receipt"));
  check_version(r);
  const json* stored = r.find("stored");
  if (stored == nullptr) return problems.error();
  const JsonFields counts = r.nested(*stored, "stored");
  const Range rows{0, static_cast<int64_t>(kMaxLedgerRows)};
  LedgerReceipt receipt;
  receipt.outages = counts.integer("outages", rows);
  receipt.runs = counts.integer("runs", rows);
  receipt.clock_events = counts.integer("clock_events", rows);
  if (!problems.ok()) return problems.error();
  return receipt;
}

}  // namespace pk::sync
