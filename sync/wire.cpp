#include "sync/wire.h"

#include <nlohmann/json.hpp>

#include "sync/encoding.h"

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
    case CentreStatus::Approved:
      return "approved";
    case CentreStatus::Rejected:
      return "rejected";
  }
  return "receiving";
}

std::optional<CentreStatus> centre_status_from(std::string_view text) {
  for (CentreStatus status : {CentreStatus::Receiving, CentreStatus::Received, CentreStatus::InReview,
                              CentreStatus::Approved, CentreStatus::Rejected}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

bool is_final(CentreStatus status) {
  return status == CentreStatus::Approved || status == CentreStatus::Rejected;
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
  if (!reader.ok()) return reader.error();
  return status;
}

std::string to_json(const std::vector<OutageNotice>& notices) {
  json list = json::array();
  for (const OutageNotice& notice : notices) {
    list.push_back({{"id", notice.id},
                    {"title", notice.title},
                    {"published_at_unix", notice.published_at_unix},
                    {"starts_at_unix", notice.starts_at_unix},
                    {"ends_at_unix", notice.ends_at_unix}});
  }
  return json{{"version", kWireVersion}, {"notices", std::move(list)}}.dump();
}

Result<std::vector<OutageNotice>> parse_notices(std::string_view json_text) {
  auto document = parse_object(json_text, "outage notices");
  if (!document) return document.error();
  Reader reader(*document, "outage notices");
  if (auto version = check_version(reader); !version) return version.error();
  std::vector<OutageNotice> notices;
  if (const json* list = reader.array("notices", 1000)) {
    for (size_t i = 0; i < list->size() && reader.ok(); ++i) {
      if (!(*list)[i].is_object()) {
        reader.fail("notices", "must hold objects");
        break;
      }
      Reader item((*list)[i], "notice " + std::to_string(i));
      OutageNotice notice;
      notice.id = item.text("id", 64);
      notice.title = item.text("title", 1024);
      notice.published_at_unix = item.integer("published_at_unix", 0, int64_t{1} << 40);
      notice.starts_at_unix = item.integer("starts_at_unix", 0, int64_t{1} << 40);
      notice.ends_at_unix = item.integer("ends_at_unix", 0, int64_t{1} << 40);
      if (item.ok() && notice.ends_at_unix < notice.starts_at_unix)
        item.fail("ends_at_unix", "is before starts_at_unix");
      if (!item.ok()) reader.fail_with(item.error());
      notices.push_back(std::move(notice));
    }
  }
  if (!reader.ok()) return reader.error();
  return notices;
}

}  // namespace pk::sync
