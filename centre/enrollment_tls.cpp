#include "centre/enrollment_tls.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <spdlog/spdlog.h>

#include <optional>

#include "protocol/enrollment_crypto.h"

namespace pk::centre {
namespace {

// The handshake goes on whatever the client's certificate: OpenSSL still records the verdict
// (SSL_get_verify_result), and the routes refuse with a JSON error a person can read rather
// than a bare TLS alert.
int accept_and_record(int /*preverify_ok*/, X509_STORE_CTX* /*ctx*/) { return 1; }

}  // namespace

std::unique_ptr<httplib::Server> make_tls_server(const CertificateAuthority& ca) {
  return std::make_unique<httplib::SSLServer>([&ca](SSL_CTX& ctx) {
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate(&ctx, ca.server_certificate()) != 1 ||
        SSL_CTX_use_PrivateKey(&ctx, ca.server_key()) != 1 || SSL_CTX_check_private_key(&ctx) != 1)
      return false;
    X509_STORE* trusted = SSL_CTX_get_cert_store(&ctx);
    if (trusted == nullptr || X509_STORE_add_cert(trusted, ca.ca_certificate()) != 1) return false;
    // Tell clients which CA we accept, so curl offers the terminal's certificate.
    STACK_OF(X509_NAME)* names = sk_X509_NAME_new_null();
    if (names == nullptr) return false;
    sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca.ca_certificate())));
    SSL_CTX_set_client_CA_list(&ctx, names);
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_CLIENT_ONCE, accept_and_record);
    SSL_CTX_set_verify_depth(&ctx, 2);
    // With client certificates a server must name its session context, or OpenSSL answers
    // every resumed session (curl resumes when it opens a new connection) with internal_error.
    static constexpr unsigned char kSessionContext[] = "pishkhan-centre";
    if (SSL_CTX_set_session_id_context(&ctx, kSessionContext, sizeof kSessionContext - 1) != 1) return false;
    return true;
  });
}

namespace {

// %XX sequences decoded; nullopt on a malformed one.
std::optional<std::string> url_unescape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    const int high = hex(text[i + 1]);
    const int low = hex(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace

bool came_through_front_door(const httplib::Request& request, const std::string& secret) {
  const std::string given = request.get_header_value(kFrontDoorSecretHeader);
  return !secret.empty() && given.size() == secret.size() &&
         CRYPTO_memcmp(given.data(), secret.data(), secret.size()) == 0;
}

PeerCertificate peer_certificate_from_front_door(const httplib::Request& request, X509* ca) {
  PeerCertificate peer;
  const std::string escaped = request.get_header_value(kClientCertHeader);
  if (escaped.empty()) {
    peer.problem = "no client certificate: enroll this terminal first (pishkhan-kiosk --enroll CODE)";
    return peer;
  }
  auto pem = url_unescape(escaped);
  if (!pem || pem->size() > 16 * 1024) {
    peer.problem = "the front door passed a malformed client certificate";
    return peer;
  }
  BIO* bio = BIO_new_mem_buf(pem->data(), static_cast<int>(pem->size()));
  X509* parsed = bio != nullptr ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  ERR_clear_error();
  if (parsed == nullptr) {
    peer.problem = "the front door passed a client certificate that does not parse";
    return peer;
  }
  peer.owned.reset(parsed, X509_free);
  peer.cert = parsed;
  // The front door's verdict, and our own: issued by our CA, in its validity period.
  const std::string verdict = request.get_header_value(kClientVerifyHeader);
  const int in_period = X509_cmp_current_time(X509_get0_notBefore(parsed)) < 0 &&
                        X509_cmp_current_time(X509_get0_notAfter(parsed)) > 0;
  peer.issued_by_ca = verdict == "SUCCESS" && in_period && enroll::certificate_signed_by(parsed, ca);
  if (!peer.issued_by_ca)
    peer.problem = "client certificate not issued by this centre (" +
                   (verdict.starts_with("FAILED:") ? verdict.substr(7, 120) : std::string("not verified")) +
                   ")";
  return peer;
}

PeerCertificate peer_certificate(const httplib::Request& request) {
  PeerCertificate peer;
  if (request.ssl == nullptr) {
    peer.problem = "not a TLS connection";
    return peer;
  }
  peer.cert = SSL_get0_peer_certificate(request.ssl);
  if (peer.cert == nullptr) {
    peer.problem = "no client certificate: enroll this terminal first (pishkhan-kiosk --enroll CODE)";
    return peer;
  }
  const long verdict = SSL_get_verify_result(request.ssl);
  peer.issued_by_ca = verdict == X509_V_OK;
  if (!peer.issued_by_ca)
    peer.problem = std::string("client certificate not issued by this centre (") +
                   X509_verify_cert_error_string(verdict) + ")";
  return peer;
}

}  // namespace pk::centre
