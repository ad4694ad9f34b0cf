// The centre's /v1/applications routes: idempotent submission and status by tracking code.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "sync/encoding.h"
#include "sync/wire.h"

namespace pk::centre {
namespace {

bool valid_key(const std::string& key) {
  return !key.empty() && key.size() <= 128 &&
         key.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") ==
             std::string::npos;
}

}  // namespace

void CentreServer::add_application_routes() {
  m_server->Post("/v1/applications", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string key = request.get_header_value("Idempotency-Key");
    if (!valid_key(key)) return http::reply_error(response, 400, "Idempotency-Key missing or malformed");
    const sync::Digest body_digest = sync::sha256(request.body);
    // An optional RFC 3230 Digest catches a body damaged on the way before it is stored.
    if (request.has_header("Digest") &&
        request.get_header_value("Digest") != "sha-256=" + sync::to_base64(body_digest)) {
      return http::reply_error(response, 400, "body does not match its Digest header");
    }
    auto submission = sync::parse_submission(request.body);
    if (!submission) return http::reply_error(response, 400, submission.error().message);
    for (const auto& page : submission->pages) {
      if (page.sealed_size > m_config.max_upload_bytes)
        return http::reply_error(response, 413, "page too large");
    }
    auto stored = m_storage->submit(key, sync::to_hex(body_digest), *submission);
    if (!stored) {
      spdlog::error("centre: submit {}: {}", submission->tracking_code, stored.error().message);
      return http::reply_error(response, 500, "submission not stored");
    }
    switch (stored->outcome) {
      case SubmitOutcome::Created:
        spdlog::info("centre: stored {} ({} page(s))", submission->tracking_code, submission->pages.size());
        return http::reply_json(response, 201, stored->reply_json);
      case SubmitOutcome::Replayed:
        response.set_header("Idempotent-Replayed", "true");
        return http::reply_json(response, 200, stored->reply_json);
      case SubmitOutcome::KeyReused:
        return http::reply_error(response, 422, "Idempotency-Key already used for a different body");
      case SubmitOutcome::TrackingCodeTaken:
        return http::reply_error(response, 409,
                                 "tracking code " + submission->tracking_code + " already submitted");
    }
  });

  m_server->Get(R"(/v1/applications/([A-Za-z0-9-]{1,64}))",
                [this](const httplib::Request& request, httplib::Response& response) {
                  const std::string tracking_code = request.matches[1];
                  auto status = m_storage->status(tracking_code);
                  if (!status) {
                    spdlog::error("centre: status {}: {}", tracking_code, status.error().message);
                    return http::reply_error(response, 500, "status not available");
                  }
                  if (!*status) return http::reply_error(response, 404, "no application " + tracking_code);
                  http::reply_json(response, 200, sync::to_json(**status));
                });
}

}  // namespace pk::centre
