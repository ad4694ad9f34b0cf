#include "loadgen/enroll.h"

#include <openssl/x509.h>

#include "domain/tracking_code.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_wire.h"

namespace pk::loadgen {

Result<PendingEnrollment> prepare_enrollment(std::string_view code) {
  auto canonical = enroll::normalise_enrollment_code(code);
  if (!canonical) return canonical.error();
  auto key = enroll::generate_key();
  if (!key) return key.error();
  auto key_pem = enroll::private_key_to_pem(key->get());
  if (!key_pem) return key_pem.error();
  auto csr = enroll::make_certificate_request(key->get(), "pishkhan load generator terminal");
  if (!csr) return csr.error();
  PendingEnrollment pending;
  pending.key = std::move(key).value();
  pending.key_pem = std::move(key_pem).value();
  pending.request_json =
      enroll::to_json(enroll::EnrollRequest{enroll::format_enrollment_code(*canonical), *csr});
  return pending;
}

Result<EnrolledTerminal> accept_enroll_reply(const PendingEnrollment& pending, std::string_view reply_json,
                                             const std::string& centre_pin) {
  auto reply = enroll::parse_enroll_reply(reply_json);
  if (!reply) return reply.error();
  auto cert = enroll::certificate_from_pem(reply->client_cert_pem);
  auto ca = enroll::certificate_from_pem(reply->ca_cert_pem);
  if (!cert || !ca) return make_error("enrollment reply: a certificate in it does not parse");
  if (!enroll::certificate_matches_key(cert->get(), pending.key.get()))
    return make_error("enrollment reply: the certificate is not for this terminal's key");
  if (!enroll::certificate_signed_by(cert->get(), ca->get()))
    return make_error("enrollment reply: the certificate is not signed by the CA it came with");
  char common_name[128] = {};
  if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert->get()), NID_commonName, common_name,
                                sizeof common_name) < 0 ||
      reply->terminal_id != common_name)
    return make_error("enrollment reply: the certificate names another terminal than the reply");
  if (reply->terminal_number < 1 || reply->terminal_number > kMaxTerminalNumber)
    return make_error("enrollment reply: terminal number out of range");
  EnrolledTerminal terminal;
  terminal.terminal_id = reply->terminal_id;
  terminal.office = reply->office;
  terminal.terminal_number = reply->terminal_number;
  terminal.seal_public_key_hex = reply->seal_public_key_hex;
  terminal.tls = TlsIdentity{reply->client_cert_pem, pending.key_pem, reply->ca_cert_pem, centre_pin};
  return terminal;
}

}  // namespace pk::loadgen
