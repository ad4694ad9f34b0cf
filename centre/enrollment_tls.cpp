#include "centre/enrollment_tls.h"

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <spdlog/spdlog.h>

#include "centre/centre_http.h"
#include "centre/centre_server.h"

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

std::optional<std::string> CentreServer::terminal_of(const httplib::Request& request) {
  const PeerCertificate peer = peer_certificate(request);
  if (peer.cert == nullptr || !peer.issued_by_ca) return std::nullopt;
  X509_NAME* subject = X509_get_subject_name(peer.cert);
  const int at = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (at < 0) return std::nullopt;
  ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at));
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(data)),
                     static_cast<size_t>(ASN1_STRING_length(data)));
}

bool CentreServer::admit(const httplib::Request& request, httplib::Response& response) {
  auto refuse = [&](const std::string& why) {
    http::reply_error(response, 403, why);
    return false;
  };
  const PeerCertificate peer = peer_certificate(request);
  if (peer.cert == nullptr || !peer.issued_by_ca) return refuse(peer.problem);
  const std::string fingerprint = enroll::certificate_sha256(peer.cert);
  // Nothing may stay in this thread's OpenSSL error queue: httplib's next SSL_read on the
  // connection would take it for a failure of its own and drop the connection.
  ERR_clear_error();
  const auto now = std::chrono::steady_clock::now();
  Authorisation authorisation;
  {
    std::lock_guard lock(m_verdicts_mutex);
    auto it = m_verdicts.find(fingerprint);
    if (it != m_verdicts.end() && now - it->second.checked < m_config.revocation_check_interval) {
      authorisation = it->second.authorisation;
    } else {
      auto fresh = m_enrollment->authorise(fingerprint);
      if (!fresh) {
        spdlog::error("centre: {}", fresh.error().message);
        http::reply_error(response, 503, "enrollment records not available");
        return false;
      }
      authorisation = fresh.value();
      if (m_verdicts.size() > 10'000) m_verdicts.clear();  // bounded: a verdict is cheap to make again
      m_verdicts[fingerprint] = {authorisation, now};
    }
  }
  switch (authorisation.state) {
    case CertificateState::Active:
      return true;
    case CertificateState::Revoked:
      return refuse("terminal " + authorisation.terminal_id +
                    " is revoked at this centre (or holds a replaced certificate): enroll it again");
    case CertificateState::Unknown:
      break;
  }
  return refuse("client certificate unknown to this centre: enroll this terminal");
}

}  // namespace pk::centre
