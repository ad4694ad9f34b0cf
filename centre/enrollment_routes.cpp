// POST /v1/enroll and GET /v1/enroll/ca: the only routes a terminal without a certificate may
// use. See protocol/enrollment_wire.h for the documents and centre/enrollment_store.h for what
// is kept.
#include <httplib.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <ctime>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "protocol/encoding.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_wire.h"

namespace pk::centre {
namespace {

void refuse(httplib::Response& response, int status, enroll::EnrollRefusal refusal,
            const std::string& message) {
  response.status = status;
  response.set_content(enroll::refusal_json(refusal, message), "application/json");
}

}  // namespace

void CentreServer::add_enrollment_routes() {
  m_server->Get("/v1/enroll/ca", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(m_ca->ca_pem(), "application/x-pem-file");
  });

  m_server->Post("/v1/enroll", [this](const httplib::Request& request, httplib::Response& response) {
    using enroll::EnrollRefusal;
    auto parsed = enroll::parse_enroll_request(request.body);
    if (!parsed) return refuse(response, 400, EnrollRefusal::BadRequest, parsed.error().message);
    auto code = enroll::normalise_enrollment_code(parsed->code);
    if (!code) return refuse(response, 400, EnrollRefusal::MistypedCode, code.error().message);
    auto csr = enroll::parse_certificate_request(parsed->csr_pem);
    if (!csr) return refuse(response, 400, EnrollRefusal::BadRequest, csr.error().message);
    EVP_PKEY* key = X509_REQ_get0_pubkey(csr->get());
    const std::string key_sha256 = enroll::public_key_sha256(key);
    const std::string code_sha256 = enroll::enrollment_code_hash(*code);
    const int64_t now = std::time(nullptr);

    std::lock_guard lock(m_enroll_mutex);
    auto check = m_enrollment->check_code(code_sha256, now);
    if (!check) {
      spdlog::error("centre: enroll: {}", check.error().message);
      return http::reply_error(response, 503, "enrollment records not available");
    }
    // The same terminal asking again (its reply was lost on the way): the same answer, unless
    // that certificate has been revoked since.
    const auto answer_used = [&](const CodeCheck& used) {
      auto still = m_enrollment->authorise(used.used_cert_sha256);
      if (used.used_key_sha256 == key_sha256 && still && still->state == CertificateState::Active) {
        spdlog::info("centre: enroll: {} asked again with the same key; same reply", used.terminal_id);
        return http::reply_json(response, 200, used.reply);
      }
      return refuse(response, 409, EnrollRefusal::UsedCode,
                    "enrollment code already used: ask the centre for a new one");
    };
    switch (check->state) {
      case CodeState::Unknown:
        return refuse(response, 404, EnrollRefusal::UnknownCode,
                      "enrollment code not recognised: check it, or ask the centre for a new one");
      case CodeState::Expired:
        return refuse(response, 410, EnrollRefusal::ExpiredCode,
                      "enrollment code expired: ask the centre for a new one");
      case CodeState::Used:
        return answer_used(*check);
      case CodeState::Fresh:
        break;
    }
    auto issued = m_ca->issue_terminal_certificate(csr->get(), check->terminal_id, check->office);
    if (!issued) {
      spdlog::error("centre: enroll: {}", issued.error().message);
      return http::reply_error(response, 500, "certificate not issued");
    }
    char seal_hex[2 * sizeof(store::PublicKey) + 1];
    sodium_bin2hex(seal_hex, sizeof seal_hex, m_seal.public_key.data(), m_seal.public_key.size());
    auto reply = m_enrollment->complete_enrollment(code_sha256, key_sha256, *issued, now, [&](int number) {
      return enroll::to_json(enroll::EnrollReply{.terminal_id = check->terminal_id,
                                                 .office = check->office,
                                                 .terminal_number = number,
                                                 .client_cert_pem = issued->pem,
                                                 .ca_cert_pem = m_ca->ca_pem(),
                                                 .catalog_public_key = sync::to_base64(m_key.public_key()),
                                                 .seal_public_key_hex = seal_hex});
    });
    if (!reply) {
      // Another centre instance on the same records used the code since it was checked (the
      // mutex above guards this process only): answered as a used code.
      if (auto again = m_enrollment->check_code(code_sha256, now); again && again->state == CodeState::Used)
        return answer_used(*again);
      spdlog::error("centre: enroll: {}", reply.error().message);
      return http::reply_error(response, 500, "enrollment not recorded");
    }
    {
      // A certificate replaced by this enrollment is refused from now on, not after the cache.
      std::lock_guard verdicts(m_verdicts_mutex);
      m_verdicts.clear();
    }
    spdlog::info("centre: terminal {} of office {} enrolled", check->terminal_id, check->office);
    http::reply_json(response, 200, *reply);
  });
}

}  // namespace pk::centre
