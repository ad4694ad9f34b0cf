#pragma once
// The centre's TLS server (internal to pk_centre): TLS 1.2 or newer with the centre's server
// certificate; it asks every client for a certificate issued by the centre's CA but lets the
// handshake finish without one, so a terminal can enroll; routes then decide (CentreServer::admit).
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
  X509* cert = nullptr;  // owned by the TLS session; null: none was presented
  bool issued_by_ca = false;
  std::string problem;  // why not, for the 403
};
[[nodiscard]] PeerCertificate peer_certificate(const httplib::Request& request);

}  // namespace pk::centre
