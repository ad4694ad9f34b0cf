// The centre's /v1/applications routes: idempotent submission and status by tracking code.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "domain/tracking_code.h"
#include "protocol/encoding.h"
#include "protocol/wire.h"

namespace pk::centre {
namespace {

bool valid_key(const std::string& key) {
  return !key.empty() && key.size() <= 128 &&
         key.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_") ==
             std::string::npos;
}

// {"error": ..., "reason": ...}: the reason is a word a program can act on.
void refuse(httplib::Response& response, int status, std::string_view reason, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}, {"reason", reason}}.dump(), "application/json");
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
    // Only for the certificate's terminal, and only under a tracking code of its own number:
    // another terminal's next code cannot be taken first.
    const auto terminal = this->terminal(request, response, "submission", &submission->terminal_id);
    if (!terminal) return;
    auto code = parse_tracking_code(submission->tracking_code);
    if (!code || code->digits() != submission->tracking_code)
      return refuse(response, 400, "tracking_code",
                    "tracking code \"" + submission->tracking_code.substr(0, 32) +
                        "\" is not 14 digits with " + "valid check digits" +
                        (code ? "" : ": " + code.error().message));
    if (code->terminal_number() != terminal->number)
      return refuse(response, 403, "tracking_code_terminal",
                    "tracking code " + submission->tracking_code + " is terminal " +
                        std::to_string(code->terminal_number()) + "'s; this certificate is terminal " +
                        std::to_string(terminal->number));
    if (check_quotas(terminal->id, *submission, response)) return;
    auto stored = m_storage->submit(terminal->id, key, sync::to_hex(body_digest), *submission);
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
                  const auto terminal = this->terminal(request, response, "status");
                  if (!terminal) return;
                  // Another terminal's application is "not found": its existence is not confirmed.
                  auto status = m_storage->status(terminal->id, tracking_code);
                  if (!status) {
                    spdlog::error("centre: status {}: {}", tracking_code, status.error().message);
                    return http::reply_error(response, 500, "status not available");
                  }
                  if (!*status) return http::reply_error(response, 404, "no application " + tracking_code);
                  http::reply_json(response, 200, sync::to_json(**status));
                });
}

bool CentreServer::check_quotas(const std::string& terminal_id, const sync::Submission& submission,
                                httplib::Response& response) {
  const TerminalQuotas& quotas = m_config.quotas;
  if (static_cast<int64_t>(submission.pages.size()) > quotas.max_pages_per_submission) {
    refuse(response, 413, "pages_per_submission",
           "a submission may have at most " + std::to_string(quotas.max_pages_per_submission) +
               " pages; this has " + std::to_string(submission.pages.size()));
    return true;
  }
  int64_t bytes = 0;
  for (const auto& page : submission.pages) {
    if (page.sealed_size > m_config.max_upload_bytes) {
      refuse(response, 413, "page_bytes",
             "a page may be at most " + std::to_string(m_config.max_upload_bytes) + " bytes; page " +
                 std::to_string(&page - submission.pages.data()) + " is " + std::to_string(page.sealed_size));
      return true;
    }
    bytes += page.sealed_size;
  }
  if (bytes > quotas.max_submission_bytes) {
    refuse(response, 413, "submission_bytes",
           "a submission may hold at most " + std::to_string(quotas.max_submission_bytes) +
               " bytes of pages; this has " + std::to_string(bytes));
    return true;
  }
  return pending_over_quota(terminal_id, static_cast<int64_t>(submission.pages.size()), bytes, response);
}

bool CentreServer::pending_over_quota(const std::string& terminal_id, int64_t more_uploads,
                                      int64_t more_bytes, httplib::Response& response) {
  if (more_uploads == 0) return false;
  auto usage = m_storage->usage(terminal_id);
  if (!usage) {
    spdlog::error("centre: usage of {}: {}", terminal_id, usage.error().message);
    http::reply_error(response, 503, "pending uploads cannot be counted now; try again later");
    return true;
  }
  const TerminalQuotas& quotas = m_config.quotas;
  if (usage->pending_uploads + more_uploads > quotas.max_pending_uploads) {
    response.set_header("Retry-After", "60");
    refuse(response, 429, "pending_uploads",
           "this terminal has " + std::to_string(usage->pending_uploads) + " unfinished uploads; at most " +
               std::to_string(quotas.max_pending_uploads) + " may be pending: finish them first");
    return true;
  }
  if (usage->pending_bytes + more_bytes > quotas.max_pending_bytes) {
    response.set_header("Retry-After", "60");
    refuse(response, 429, "pending_bytes",
           "this terminal has " + std::to_string(usage->pending_bytes) + " bytes still to upload; at most " +
               std::to_string(quotas.max_pending_bytes) + " may be pending: finish them first");
    return true;
  }
  return false;
}

}  // namespace pk::centre
