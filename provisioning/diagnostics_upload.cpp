#include "provisioning/diagnostics_upload.h"

#include <nlohmann/json.hpp>

#include "protocol/encoding.h"
#include "provisioning/centre_replies.h"
#include "provisioning/terminal_identity.h"

namespace pk::provisioning {
namespace {

// The centre's {"error": "..."}, or its status when the body says nothing usable.
std::string reason_of(long status, std::string_view reply) {
  auto body = nlohmann::json::parse(reply, nullptr, false);
  // An empty "error" says nothing: the status stays the reason (found by fuzzing).
  if (body.is_object() && body.contains("error") && body["error"].is_string() &&
      !body["error"].get_ref<const std::string&>().empty())
    return body["error"].get<std::string>().substr(0, 300);
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
  auto body = nlohmann::json::parse(reply, nullptr, false);
  if (!body.is_object() || !body.contains("receipt_id") || !body["receipt_id"].is_string() ||
      !body.contains("sha256") || !body["sha256"].is_string()) {
    result.detail = "the centre's reply has no receipt (HTTP " + std::to_string(status) + ")";
    return result;
  }
  // The receipt must be for these very bytes: anything else is not a delivery.
  if (body["sha256"].get<std::string>() != sha256_hex) {
    result.detail = "the centre acknowledged other bytes (SHA-256 " +
                    body["sha256"].get<std::string>().substr(0, 64) + ")";
    return result;
  }
  result.outcome = UploadOutcome::Sent;
  result.receipt_id = body["receipt_id"].get<std::string>().substr(0, 64);
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
