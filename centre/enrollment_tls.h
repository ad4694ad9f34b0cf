#pragma once
// The centre's TLS server (internal to pk_centre): TLS 1.2 or newer with the centre's server
// certificate; it asks every client for a certificate issued by the centre's CA but lets the
// handshake finish without one, so a terminal can enroll; routes then decide (CentreServer::admit).
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "centre/certificate_authority.h"

namespace httplib {
class Server;
struct Request;
}  // namespace httplib

namespace pk::centre {

[[nodiscard]] std::unique_ptr<httplib::Server> make_tls_server(const CertificateAuthority& ca);

// The client certificate of a request, with whether the TLS layer found it issued by our CA
// (the handshake accepts any certificate; this is the verdict it recorded).
struct PeerCertificate {
  X509* cert = nullptr;  // null: none was presented
  bool issued_by_ca = false;
  std::string problem;          // why not, for the 403
  std::shared_ptr<X509> owned;  // set when `cert` was parsed from a header, not the TLS session's
};
[[nodiscard]] PeerCertificate peer_certificate(const httplib::Request& request);

// Behind a front door (centre/front_door.h) the TLS session ends at the front door, which
// verified the client's certificate against the centre's CA and passes it on in headers,
// with a secret only it and the centre know. The certificate is checked against `ca` again.
inline constexpr const char* kFrontDoorSecretHeader = "X-Pishkhan-Front-Door";
inline constexpr const char* kClientCertHeader = "X-Pishkhan-Client-Cert";      // URL-escaped PEM
inline constexpr const char* kClientVerifyHeader = "X-Pishkhan-Client-Verify";  // SUCCESS, NONE, FAILED:..
[[nodiscard]] PeerCertificate peer_certificate_from_front_door(const httplib::Request& request, X509* ca);
// Whether the request carries the front door's secret (compared in constant time).
[[nodiscard]] bool came_through_front_door(const httplib::Request& request, const std::string& secret);

}  // namespace pk::centre
