#include "sync/centre_client.h"

#include <nlohmann/json.hpp>

#include "protocol/encoding.h"
#include "sync/centre_replies.h"

namespace pk::sync {
namespace {

template <class T>
CentreResult<T> fail(Retry retry, std::string message) {
  return CentreResult<T>{std::nullopt, CentreError{retry, std::move(message)}};
}

template <class T>
CentreResult<T> succeed(T value) {
  return CentreResult<T>{std::move(value), {}};
}

// 4xx other than 408/429 means the request itself is refused: repeating it changes nothing.
Retry retry_for(long status) {
  if (status == 408 || status == 429 || status >= 500) return Retry::Later;
  return Retry::Never;
}

std::string describe(const std::string& what, const HttpResponse& response) {
  std::string body = response.body.substr(0, 200);
  for (char& c : body) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return what + ": HTTP " + std::to_string(response.status) + (body.empty() ? "" : ": " + body);
}

}  // namespace

Result<int64_t> parse_heartbeat_reply(std::string_view body) {
  const auto reply = nlohmann::json::parse(body, nullptr, false);
  if (reply.is_discarded() || !reply.is_object() || !reply.contains("server_time_unix") ||
      !reply["server_time_unix"].is_number_integer()) {
    return make_error("no server_time_unix");
  }
  return reply["server_time_unix"].get<int64_t>();
}

std::optional<std::string> catalog_signature_of(std::string_view header_value) {
  constexpr std::string_view kScheme = "ed25519 ";
  if (!header_value.starts_with(kScheme)) return std::nullopt;
  return std::string(header_value.substr(kScheme.size()));
}

CentreResult<ApplicationStatus> CentreClient::submit(const Submission& submission,
                                                     const std::string& idempotency_key) {
  const std::string body = to_json(submission);
  const std::string what = "submit " + submission.tracking_code;
  auto response = m_http.send({Method::Post,
                               m_base_url + "/v1/applications",
                               {{"Content-Type", "application/json"},
                                {"Idempotency-Key", idempotency_key},
                                {"Digest", "sha-256=" + to_base64(sha256(body))}},
                               as_bytes(body)});
  if (!response) return fail<ApplicationStatus>(Retry::Later, what + ": " + response.error().message);
  if (response->status != 200 && response->status != 201) {
    return fail<ApplicationStatus>(retry_for(response->status), describe(what, *response));
  }
  auto status = parse_application_status(response->body);
  if (!status) return fail<ApplicationStatus>(Retry::Later, what + ": bad reply: " + status.error().message);
  if (status->tracking_code != submission.tracking_code || status->pages.size() != submission.pages.size()) {
    return fail<ApplicationStatus>(Retry::Later,
                                   what + ": the reply is about another application or page count");
  }
  return succeed(std::move(status).value());
}

CentreResult<ApplicationStatus> CentreClient::status(const std::string& tracking_code) {
  const std::string what = "status " + tracking_code;
  auto response = m_http.send({Method::Get, m_base_url + "/v1/applications/" + tracking_code, {}, {}});
  if (!response) return fail<ApplicationStatus>(Retry::Later, what + ": " + response.error().message);
  if (response->status != 200)
    return fail<ApplicationStatus>(retry_for(response->status), describe(what, *response));
  auto status = parse_application_status(response->body);
  if (!status) return fail<ApplicationStatus>(Retry::Later, what + ": bad reply: " + status.error().message);
  if (status->tracking_code != tracking_code) {
    return fail<ApplicationStatus>(Retry::Later, what + ": the reply is about " + status->tracking_code);
  }
  return succeed(std::move(status).value());
}

CentreResult<SignedCatalog> CentreClient::catalog(std::string_view if_none_match) {
  return signed_document("/v1/catalog", "catalog", if_none_match, false);
}

CentreResult<SignedCatalog> CentreClient::csca_master_list(std::string_view if_none_match) {
  return signed_document("/v1/csca-master-list", "CSCA master list", if_none_match, true);
}

CentreResult<SignedCatalog> CentreClient::signed_document(std::string_view path, std::string_view what,
                                                          std::string_view if_none_match,
                                                          bool may_be_absent) {
  const std::string name(what);
  std::vector<std::pair<std::string, std::string>> headers;
  if (!if_none_match.empty()) headers.emplace_back("If-None-Match", std::string(if_none_match));
  auto response = m_http.send({Method::Get, m_base_url + std::string(path), std::move(headers), {}});
  if (!response) return fail<SignedCatalog>(Retry::Later, name + ": " + response.error().message);
  if (response->status == 304 && !if_none_match.empty()) {
    SignedCatalog unchanged;
    unchanged.etag = std::string(if_none_match);
    unchanged.not_modified = true;
    return succeed(std::move(unchanged));
  }
  if (response->status == 404 && may_be_absent) {
    SignedCatalog none;
    none.absent = true;
    return succeed(std::move(none));
  }
  if (response->status != 200)
    return fail<SignedCatalog>(retry_for(response->status), describe(name, *response));
  const std::string* header = response->header("pishkhan-signature");
  auto signature = header ? catalog_signature_of(*header) : std::nullopt;
  if (!signature) {
    return fail<SignedCatalog>(Retry::Later, name + ": reply without a Pishkhan-Signature: ed25519 header");
  }
  const std::string* etag = response->header("etag");
  return succeed(SignedCatalog{std::move(response->body), std::move(*signature), etag ? *etag : std::string(),
                               false, false});
}

CentreResult<std::vector<OutageNotice>> CentreClient::notices() {
  auto response = m_http.send({Method::Get, m_base_url + "/v1/notices", {}, {}});
  if (!response) return fail<std::vector<OutageNotice>>(Retry::Later, "notices: " + response.error().message);
  if (response->status != 200)
    return fail<std::vector<OutageNotice>>(retry_for(response->status), describe("notices", *response));
  auto notices = parse_notices(response->body);
  if (!notices)
    return fail<std::vector<OutageNotice>>(Retry::Later, "notices: bad reply: " + notices.error().message);
  return succeed(std::move(notices).value());
}

CentreResult<int64_t> CentreClient::heartbeat(const std::string& terminal_id, int64_t pending_outbox) {
  const std::string body = nlohmann::json{
      {"version", kWireVersion},
      {"terminal_id", terminal_id},
      {"software", PK_VERSION},
      {"pending_outbox",
       pending_outbox}}.dump();
  auto response = m_http.send(
      {Method::Post, m_base_url + "/v1/heartbeat", {{"Content-Type", "application/json"}}, as_bytes(body)});
  if (!response) return fail<int64_t>(Retry::Later, "heartbeat: " + response.error().message);
  if (response->status != 200)
    return fail<int64_t>(retry_for(response->status), describe("heartbeat", *response));
  auto server_time = parse_heartbeat_reply(response->body);
  if (!server_time)
    return fail<int64_t>(Retry::Later, "heartbeat: bad reply: " + server_time.error().message);
  return succeed(*server_time);
}

CentreResult<LedgerReceipt> CentreClient::upload_ledger(const LedgerUpload& upload) {
  const std::string body = to_json(upload);
  auto response = m_http.send(
      {Method::Post, m_base_url + "/v1/ledger", {{"Content-Type", "application/json"}}, as_bytes(body)});
  if (!response) return fail<LedgerReceipt>(Retry::Later, "ledger: " + response.error().message);
  if (response->status != 200)
    return fail<LedgerReceipt>(retry_for(response->status), describe("ledger", *response));
  auto receipt = parse_ledger_receipt(response->body);
  if (!receipt) return fail<LedgerReceipt>(Retry::Later, "ledger: bad reply: " + receipt.error().message);
  const LedgerReceipt sent{static_cast<int64_t>(upload.changes.outages.size()),
                           static_cast<int64_t>(upload.changes.runs.size()),
                           static_cast<int64_t>(upload.changes.clock_events.size())};
  if (*receipt != sent)
    return fail<LedgerReceipt>(Retry::Later, "ledger: the centre stored other counts than sent");
  return succeed(std::move(receipt).value());
}

}  // namespace pk::sync
