#include "protocol/wire.h"

#include <nlohmann/json.hpp>

#include "domain/sla_notice_json.h"
#include "protocol/encoding.h"

namespace pk::sync {
namespace {

using nlohmann::json;

// Small typed readers: each names the document and the field in its refusal.
class Reader {
 public:
  Reader(const json& object, std::string what) : m_object(object), m_what(std::move(what)) {}

  [[nodiscard]] bool ok() const { return m_error.empty(); }
  [[nodiscard]] Error error() const { return make_error(m_what + ": " + m_error); }

  std::string text(const char* key, size_t max_size = 4096) {
    const json* value = find(key);
    if (value == nullptr) return {};
    if (!value->is_string() || value->get_ref<const std::string&>().size() > max_size) {
      fail(key, "must be a string of at most " + std::to_string(max_size) + " bytes");
      return {};
    }
    return value->get<std::string>();
  }
  std::optional<std::string> optional_text(const char* key) {
    if (!m_object.contains(key) || m_object.at(key).is_null()) return std::nullopt;
    return text(key);
  }
  int64_t integer(const char* key, int64_t min, int64_t max) {
    const json* value = find(key);
    if (value == nullptr) return 0;
    if (!value->is_number_integer()) {
      fail(key, "must be an integer");
      return 0;
    }
    // Read as signed when it fits; an unsigned value above INT64_MAX is out of range anyway.
    if (value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(max)) {
      fail(key, "is out of range");
      return 0;
    }
    const auto number = value->get<int64_t>();
    if (number < min || number > max) fail(key, "is out of range");
    return number;
  }
  std::optional<int64_t> optional_integer(const char* key, int64_t min, int64_t max) {
    if (!m_object.contains(key) || m_object.at(key).is_null()) return std::nullopt;
    return integer(key, min, max);
  }
  bool boolean(const char* key) {
    const json* value = find(key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) {
      fail(key, "must be true or false");
      return false;
    }
    return value->get<bool>();
  }
  const json* array(const char* key, size_t max_size) {
    const json* value = find(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array() || value->size() > max_size) {
      fail(key, "must be an array of at most " + std::to_string(max_size) + " items");
      return nullptr;
    }
    return value;
  }
  std::string sha256_hex(const char* key) {
    std::string hex = text(key, 64);
    if (ok() && (hex.size() != 64 || !from_hex(hex))) fail(key, "must be 64 hex digits");
    return hex;
  }
  void fail(const char* key, const std::string& why) {
    if (m_error.empty()) m_error = "field \"" + std::string(key) + "\" " + why;
  }
  void fail_with(const Error& inner) {
    if (m_error.empty()) m_error = inner.message;
  }

 private:
  const json* find(const char* key) {
    if (!ok()) return nullptr;
    auto it = m_object.find(key);
    if (it == m_object.end()) {
      fail(key, "is missing");
      return nullptr;
    }
    return &*it;
  }

  const json& m_object;
  std::string m_what;
  std::string m_error;
};

constexpr int64_t kMaxPageBytes = int64_t{1} << 32;
constexpr size_t kMaxPages = 500;
constexpr size_t kMaxDecisionTextBytes = 2000;  // a few sentences of Persian (2 bytes a letter)

Result<json> parse_object(std::string_view json_text, const char* what) {
  json document = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return make_error(std::string(what) + ": not valid JSON");
  if (!document.is_object()) return make_error(std::string(what) + ": not a JSON object");
  return document;
}

Result<void> check_version(Reader& reader) {
  if (reader.integer("version", kWireVersion, kWireVersion) != kWireVersion && reader.ok()) {
    reader.fail("version", "is not " + std::to_string(kWireVersion));
  }
  if (!reader.ok()) return reader.error();
  return {};
}

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
  Reader reader(*document, "submission");
  if (auto version = check_version(reader); !version) return version.error();
  Submission submission;
  submission.tracking_code = reader.text("tracking_code", 64);
  submission.kind = reader.text("kind", 32);
  submission.service_number = reader.optional_integer("service_number", 0, 1'000'000);
  submission.channel = reader.text("channel", 32);
  submission.terminal_id = reader.text("terminal_id", 64);
  submission.operator_id = reader.optional_text("operator_id");
  submission.created_at_unix = reader.integer("created_at_unix", 0, int64_t{1} << 40);
  submission.sealed_personal_base64 = reader.text("sealed_personal", 1 << 20);
  if (reader.ok() && submission.tracking_code.empty()) reader.fail("tracking_code", "is empty");
  if (reader.ok() && submission.kind != "application" && submission.kind != "failure_report") {
    reader.fail("kind", "must be \"application\" or \"failure_report\"");
  }
  if (reader.ok() && submission.channel != "kiosk" && submission.channel != "counter") {
    reader.fail("channel", "must be \"kiosk\" or \"counter\"");
  }
  if (reader.ok()) {
    if (auto personal = from_base64(submission.sealed_personal_base64); !personal) {
      reader.fail("sealed_personal", "must be base64");
    }
  }
  if (const json* pages = reader.array("pages", kMaxPages)) {
    for (size_t i = 0; i < pages->size() && reader.ok(); ++i) {
      if (!(*pages)[i].is_object()) {
        reader.fail("pages", "must hold objects");
        break;
      }
      Reader page_reader((*pages)[i], "page " + std::to_string(i));
      PageManifest page;
      page.doc_kind = page_reader.text("doc_kind", 64);
      page.page_no = static_cast<int>(page_reader.integer("page_no", 1, 10'000));
      page.mime = page_reader.text("mime", 64);
      page.byte_size = page_reader.integer("byte_size", 0, kMaxPageBytes);
      page.sealed_size = page_reader.integer("sealed_size", 0, kMaxPageBytes);
      page.sealed_sha256_hex = page_reader.sha256_hex("sealed_sha256");
      if (!page_reader.ok()) reader.fail_with(page_reader.error());
      submission.pages.push_back(std::move(page));
    }
  }
  if (!reader.ok()) return reader.error();
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
  Reader reader(*document, "application status");
  if (auto version = check_version(reader); !version) return version.error();
  ApplicationStatus status;
  status.tracking_code = reader.text("tracking_code", 64);
  const std::string status_text = reader.text("status", 32);
  if (reader.ok()) {
    if (auto parsed = centre_status_from(status_text)) {
      status.status = *parsed;
    } else {
      reader.fail("status", "is not a known status");
    }
  }
  if (const json* pages = reader.array("pages", kMaxPages)) {
    for (size_t i = 0; i < pages->size() && reader.ok(); ++i) {
      if (!(*pages)[i].is_object()) {
        reader.fail("pages", "must hold objects");
        break;
      }
      Reader page_reader((*pages)[i], "page " + std::to_string(i));
      PageStatus page;
      page.index = static_cast<int>(page_reader.integer("index", 0, static_cast<int64_t>(kMaxPages)));
      page.upload_path = page_reader.text("upload", 256);
      page.sealed_size = page_reader.integer("sealed_size", 0, kMaxPageBytes);
      page.received = page_reader.integer("received", 0, kMaxPageBytes);
      page.sealed_sha256_hex = page_reader.sha256_hex("sealed_sha256");
      page.complete = page_reader.boolean("complete");
      if (page_reader.ok() && (page.upload_path.rfind("/v1/uploads/", 0) != 0)) {
        page_reader.fail("upload", "must be a path under /v1/uploads/");
      }
      if (page_reader.ok() && page.index != static_cast<int>(i)) page_reader.fail("index", "is out of order");
      if (!page_reader.ok()) reader.fail_with(page_reader.error());
      status.pages.push_back(std::move(page));
    }
  }
  if (reader.ok() && document->contains("decision") && !(*document)["decision"].is_null()) {
    const json& decision = (*document)["decision"];
    if (!decision.is_object()) {
      reader.fail("decision", "must be an object");
    } else {
      Reader decision_reader(decision, "decision");
      CentreDecision parsed;
      parsed.note = decision_reader.text("note", kMaxDecisionTextBytes);
      parsed.credit = decision_reader.text("credit", kMaxDecisionTextBytes);
      parsed.decided_unix = decision_reader.integer("decided_unix", 0, int64_t{1} << 40);
      if (!decision_reader.ok()) reader.fail_with(decision_reader.error());
      status.decision = std::move(parsed);
    }
  }
  if (!reader.ok()) return reader.error();
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

// Each list must hold objects; `read` fills one item from its Reader.
template <class Item, class Read>
void read_list(Reader& reader, const char* key, std::vector<Item>& out, Read read) {
  const json* list = reader.array(key, kMaxLedgerRows);
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size() && reader.ok(); ++i) {
    if (!(*list)[i].is_object()) {
      reader.fail(key, "must hold objects");
      return;
    }
    Reader item((*list)[i], std::string(key) + " " + std::to_string(i));
    Item value = read(item);
    if (!item.ok()) reader.fail_with(item.error());
    out.push_back(std::move(value));
  }
}

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
  Reader reader(*document, "ledger upload");
  if (auto version = check_version(reader); !version) return version.error();
  LedgerUpload upload;
  upload.terminal_id = reader.text("terminal_id", 64);
  if (reader.ok() && upload.terminal_id.empty()) reader.fail("terminal_id", "is empty");
  read_list(reader, "outages", upload.changes.outages, [](Reader& item) {
    sla::OutageChange change;
    sla::Outage& o = change.outage;
    o.id = item.integer("id", 1, kMaxMs);
    const std::string cause = item.text("cause", 32);
    if (item.ok()) {
      if (auto parsed = sla::outage_cause_from(cause))
        o.cause = *parsed;
      else
        item.fail("cause", "is not a known cause");
    }
    const std::string services = item.text("services", 4096);
    if (item.ok()) {
      auto scope = sla::ServiceScope::from_text(services);
      if (scope && scope->to_text() == services)
        o.services = *scope;
      else
        item.fail("services", "must be \"all\" or sorted service numbers like \"3,7\"");
    }
    change.boot_id = item.text("boot_id", 64);
    if (item.ok() && change.boot_id.empty()) item.fail("boot_id", "is empty");
    o.start_unix = item.integer("start_unix", 0, kMaxUnix);
    change.started_monotonic_ms = item.integer("started_monotonic_ms", 0, kMaxMs);
    const std::string end = item.text("end", 32);
    o.end_unix = item.optional_integer("end_unix", 0, kMaxUnix);
    o.monotonic_duration_ms = item.optional_integer("duration_ms", 0, kMaxMs);
    change.clock_suspect = item.boolean("clock_suspect");
    if (item.ok()) {
      if (end == "open")
        o.end = sla::OutageEnd::Open;
      else if (end == "observed")
        o.end = sla::OutageEnd::Observed;
      else if (end == "last_heartbeat")
        o.end = sla::OutageEnd::LastHeartbeat;
      else
        item.fail("end", "must be \"open\", \"observed\" or \"last_heartbeat\"");
    }
    // A closed outage has its end and its length; an open one neither.
    const bool closed = o.end != sla::OutageEnd::Open;
    if (item.ok() && (o.end_unix.has_value() != closed || o.monotonic_duration_ms.has_value() != closed))
      item.fail("end_unix", "and duration_ms must be given exactly when the outage is closed");
    return change;
  });
  read_list(reader, "runs", upload.changes.runs, [](Reader& item) {
    sla::RunChange change;
    change.id = item.integer("id", 1, kMaxMs);
    change.run.boot_id = item.text("boot_id", 64);
    if (item.ok() && change.run.boot_id.empty()) item.fail("boot_id", "is empty");
    change.run.start_unix = item.integer("start_unix", 0, kMaxUnix);
    change.run.monotonic_duration_ms = item.integer("duration_ms", 0, kMaxMs);
    change.run.last_wall_unix = item.integer("last_wall_unix", 0, kMaxUnix);
    return change;
  });
  read_list(reader, "clock_events", upload.changes.clock_events, [](Reader& item) {
    sla::ClockEventChange change;
    change.id = item.integer("id", 1, kMaxMs);
    const std::string kind = item.text("kind", 32);
    change.event.at_unix = item.integer("at_unix", 0, kMaxUnix);
    change.event.offset_seconds = item.integer("offset_seconds", -kMaxUnix, kMaxUnix);
    if (item.ok()) {
      if (kind == "centre_sync")
        change.event.kind = sla::ClockEventKind::CentreSync;
      else if (kind == "wall_jump")
        change.event.kind = sla::ClockEventKind::WallJump;
      else
        item.fail("kind", "must be \"centre_sync\" or \"wall_jump\"");
    }
    return change;
  });
  if (!reader.ok()) return reader.error();
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
  Reader reader(*document, "ledger receipt");
  if (auto version = check_version(reader); !version) return version.error();
  LedgerReceipt receipt;
  const json* stored = nullptr;
  if (reader.ok()) {
    auto it = document->find("stored");
    if (it == document->end() || !it->is_object())
      reader.fail("stored", "must be an object");
    else
      stored = &*it;
  }
  if (!reader.ok()) return reader.error();
  Reader counts(*stored, "ledger receipt stored");
  const auto max = static_cast<int64_t>(kMaxLedgerRows);
  receipt.outages = counts.integer("outages", 0, max);
  receipt.runs = counts.integer("runs", 0, max);
  receipt.clock_events = counts.integer("clock_events", 0, max);
  if (!counts.ok()) return counts.error();
  return receipt;
}

}  // namespace pk::sync
