#include "provisioning/diagnostics_upload.h"

#include <nlohmann/json.hpp>

#include "domain/json_fields.h"
#include "protocol/encoding.h"
#include "provisioning/centre_replies.h"
#include "provisioning/terminal_identity.h"

namespace pk::provisioning {
namespace {

// The centre's {"error": "..."}, or its status when the body says nothing usable (a body out of
// shape or a blank "error": found by fuzzing).
std::string reason_of(long status, std::string_view reply) {
  const auto body = nlohmann::json::parse(reply, nullptr, false);
  fields::Problems problems;
  const fields::JsonFields r(body, fields::Place(problems, "upload refusal"));
  const auto error = r.optional_string("error", fields::TextRule{fields::Emptiness::Refuse});
  if (error && r.ok()) return error->substr(0, 300);
  return "HTTP " + std::to_string(status);
}

}  // namespace

std::string_view to_string(UploadOutcome outcome) {
  switch (outcome) {
    case UploadOutcome::Sent:
      return "sent";
    case UploadOutcome::NotEnrolled:
      return "not enrolled";
    case UploadOutcome::Unreachable:
      return "centre unreachable";
    case UploadOutcome::Refused:
      return "refused";
  }
  return "refused";
}

std::string bundle_archive(const Bundle& bundle, const std::string& terminal_id, std::int64_t now_unix) {
  return tar_archive(bundle.files, bundle_name(terminal_id, now_unix), now_unix);
}

UploadResult upload_archive(const std::filesystem::path& data_dir, const std::string& archive,
                            sync::HttpOptions http) {
  UploadResult result;
  result.bytes = static_cast<std::int64_t>(archive.size());
  result.sha256_hex = sync::to_hex(sync::sha256(archive));
  auto identity = load_identity(data_dir);
  if (!identity || !*identity) {
    result.outcome = UploadOutcome::NotEnrolled;
    result.detail =
        identity ? "no enrolled identity in " + keys_dir(data_dir).string() : identity.error().message;
    return result;
  }
  http.tls = tls_options(**identity);
  sync::HttpClient client(http);
  const std::string url = (*identity)->centre_url + "/v1/diagnostics";
  auto response = client.send({sync::Method::Post,
                               url,
                               {{"Content-Type", "application/x-tar"}},
                               {reinterpret_cast<const uint8_t*>(archive.data()), archive.size()}});
  if (!response) {
    result.outcome = UploadOutcome::Unreachable;
    result.detail = response.error().message;
    return result;
  }
  UploadResult reply = read_upload_reply(response->status, response->body, result.sha256_hex);
  result.outcome = reply.outcome;
  result.receipt_id = std::move(reply.receipt_id);
  result.detail = std::move(reply.detail);
  result.http_status = reply.http_status;
  return result;
}

UploadResult read_upload_reply(long status, std::string_view reply, const std::string& sha256_hex) {
  UploadResult result;
  result.http_status = status;
  result.sha256_hex = sha256_hex;
  result.outcome = UploadOutcome::Refused;
  if (status != 200 && status != 201) {
    result.detail = reason_of(status, reply);
    return result;
  }
  const auto body = nlohmann::json::parse(reply, nullptr, false);
  fields::Problems problems;
  const fields::JsonFields r(body, fields::Place(problems, "upload reply"));
  const std::string receipt_id = r.string("receipt_id");
  const std::string sha256 = r.string("sha256");
  if (body.is_discarded() || !problems.ok()) {
    result.detail = "the centre's reply has no receipt (HTTP " + std::to_string(status) +
                    "): " + (body.is_discarded() ? "not JSON" : problems.error().message);
    return result;
  }
  // The receipt must be for these very bytes: anything else is not a delivery.
  if (sha256 != sha256_hex) {
    result.detail = "the centre acknowledged other bytes (SHA-256 " + sha256.substr(0, 64) + ")";
    return result;
  }
  result.outcome = UploadOutcome::Sent;
  result.receipt_id = receipt_id.substr(0, 64);
  return result;
}

UploadResult upload_diagnostics(const std::filesystem::path& data_dir, const Bundle& bundle,
                                std::int64_t now_unix, sync::HttpOptions http) {
  auto identity = load_identity(data_dir);
  // The folder inside the archive names the enrolled terminal (the certificate's), when there is one.
  const std::string terminal = identity && *identity ? (*identity)->terminal_id : std::string("unenrolled");
  return upload_archive(data_dir, bundle_archive(bundle, terminal, now_unix), std::move(http));
}

}  // namespace pk::provisioning
