#include "sync/centre_client.h"

#include <nlohmann/json.hpp>

#include "domain/json_fields.h"
#include "protocol/encoding.h"
#include "sync/centre_replies.h"

namespace pk::sync {
namespace {

// 4xx other than 408/429 means the request itself is refused: repeating it changes nothing.
// The rest (a timeout, too many requests, the centre's own trouble) may pass later.
ErrorKind kind_of_status(long status) {
  if (status == 408 || status == 429 || status >= 500) return ErrorKind::Unavailable;
  return ErrorKind::Refused;
}

// The transport's failure, whatever its kind (refused TLS included), is the network's: later.
Error unreachable(const std::string& what, const Error& transport) {
  return make_error(ErrorKind::Unavailable, what + ": " + transport.message);
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
  if (reply.is_discarded() || !reply.is_object())
    return make_error(ErrorKind::Malformed, "heartbeat reply: not a JSON object");
  fields::Problems problems;
  const fields::JsonFields r(reply, fields::Place(problems, "heartbeat reply"));
  const int64_t server_time = r.integer("server_time_unix", fields::Range{0, int64_t{1} << 40});
  if (!problems.ok()) return problems.error();
  return server_time;
}

std::optional<std::string> catalog_signature_of(std::string_view header_value) {
  constexpr std::string_view kScheme = "ed25519 ";
  if (!header_value.starts_with(kScheme)) return std::nullopt;
  return std::string(header_value.substr(kScheme.size()));
}

Result<ApplicationStatus> CentreClient::submit(const Submission& submission,
                                               const std::string& idempotency_key) {
  const std::string body = to_json(submission);
  const std::string what = "submit " + submission.tracking_code;
  auto response = m_http.send({Method::Post,
                               m_base_url + "/v1/applications",
                               {{"Content-Type", "application/json"},
                                {"Idempotency-Key", idempotency_key},
                                {"Digest", "sha-256=" + to_base64(sha256(body))}},
                               as_bytes(body)});
  if (!response) return unreachable(what, response.error());
  if (response->status != 200 && response->status != 201) {
    return make_error(kind_of_status(response->status), describe(what, *response));
  }
  auto status = parse_application_status(response->body);
  if (!status) return make_error(ErrorKind::Malformed, what + ": bad reply: " + status.error().message);
  if (status->tracking_code != submission.tracking_code || status->pages.size() != submission.pages.size()) {
    return make_error(ErrorKind::Malformed, what + ": the reply is about another application or page count");
  }
  return std::move(status).value();
}

Result<ApplicationStatus> CentreClient::status(const std::string& tracking_code) {
  const std::string what = "status " + tracking_code;
  auto response = m_http.send({Method::Get, m_base_url + "/v1/applications/" + tracking_code, {}, {}});
  if (!response) return unreachable(what, response.error());
  if (response->status != 200) return make_error(kind_of_status(response->status), describe(what, *response));
  auto status = parse_application_status(response->body);
  if (!status) return make_error(ErrorKind::Malformed, what + ": bad reply: " + status.error().message);
  if (status->tracking_code != tracking_code) {
    return make_error(ErrorKind::Malformed, what + ": the reply is about " + status->tracking_code);
  }
  return std::move(status).value();
}

Result<SignedCatalog> CentreClient::catalog(std::string_view if_none_match) {
  return signed_document("/v1/catalog", "catalog", if_none_match, false);
}

Result<SignedCatalog> CentreClient::csca_master_list(std::string_view if_none_match) {
  return signed_document("/v1/csca-master-list", "CSCA master list", if_none_match, true);
}

Result<SignedCatalog> CentreClient::signed_document(std::string_view path, std::string_view what,
                                                    std::string_view if_none_match, bool may_be_absent) {
  const std::string name(what);
  std::vector<std::pair<std::string, std::string>> headers;
  if (!if_none_match.empty()) headers.emplace_back("If-None-Match", std::string(if_none_match));
  auto response = m_http.send({Method::Get, m_base_url + std::string(path), std::move(headers), {}});
  if (!response) return unreachable(name, response.error());
  if (response->status == 304 && !if_none_match.empty()) {
    SignedCatalog unchanged;
    unchanged.etag = std::string(if_none_match);
    unchanged.not_modified = true;
    return unchanged;
  }
  if (response->status == 404 && may_be_absent) {
    SignedCatalog none;
    none.absent = true;
    return none;
  }
  if (response->status != 200) return make_error(kind_of_status(response->status), describe(name, *response));
  const std::string* header = response->header("pishkhan-signature");
  auto signature = header ? catalog_signature_of(*header) : std::nullopt;
  if (!signature) {
    return make_error(ErrorKind::Malformed, name + ": reply without a Pishkhan-Signature: ed25519 header");
  }
  const std::string* etag = response->header("etag");
  return SignedCatalog{std::move(response->body), std::move(*signature), etag ? *etag : std::string(), false,
                       false};
}

Result<std::vector<OutageNotice>> CentreClient::notices() {
  auto response = m_http.send({Method::Get, m_base_url + "/v1/notices", {}, {}});
  if (!response) return unreachable("notices", response.error());
  if (response->status != 200)
    return make_error(kind_of_status(response->status), describe("notices", *response));
  auto notices = parse_notices(response->body);
  if (!notices) return make_error(ErrorKind::Malformed, "notices: bad reply: " + notices.error().message);
  return std::move(notices).value();
}

Result<int64_t> CentreClient::heartbeat(const std::string& terminal_id, int64_t pending_outbox) {
  const std::string body = nlohmann::json{
      {"version", kWireVersion},
      {"terminal_id", terminal_id},
      {"software", PK_VERSION},
      {"pending_outbox",
       pending_outbox}}.dump();
  auto response = m_http.send(
      {Method::Post, m_base_url + "/v1/heartbeat", {{"Content-Type", "application/json"}}, as_bytes(body)});
  if (!response) return unreachable("heartbeat", response.error());
  if (response->status != 200)
    return make_error(kind_of_status(response->status), describe("heartbeat", *response));
  auto server_time = parse_heartbeat_reply(response->body);
  if (!server_time)
    return make_error(ErrorKind::Malformed, "heartbeat: bad reply: " + server_time.error().message);
  return *server_time;
}

Result<LedgerReceipt> CentreClient::upload_ledger(const LedgerUpload& upload) {
  const std::string body = to_json(upload);
  auto response = m_http.send(
      {Method::Post, m_base_url + "/v1/ledger", {{"Content-Type", "application/json"}}, as_bytes(body)});
  if (!response) return unreachable("ledger", response.error());
  if (response->status != 200)
    return make_error(kind_of_status(response->status), describe("ledger", *response));
  auto receipt = parse_ledger_receipt(response->body);
  if (!receipt) return make_error(ErrorKind::Malformed, "ledger: bad reply: " + receipt.error().message);
  const LedgerReceipt sent{static_cast<int64_t>(upload.changes.outages.size()),
                           static_cast<int64_t>(upload.changes.runs.size()),
                           static_cast<int64_t>(upload.changes.clock_events.size())};
  if (*receipt != sent)
    return make_error(ErrorKind::Malformed, "ledger: the centre stored other counts than sent");
  return std::move(receipt).value();
}

}  // namespace pk::sync
