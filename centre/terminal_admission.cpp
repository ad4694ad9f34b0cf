// Which terminal a request speaks for, and whether it may speak at all: its client
// certificate, issued by the centre's CA, belonging to an enrolled terminal that is not revoked.
#include <httplib.h>
#include <openssl/err.h>
#include <spdlog/spdlog.h>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "centre/enrollment_tls.h"
#include "protocol/encoding.h"
#include "protocol/enrollment_crypto.h"

namespace pk::centre {

CentreServer::Admission CentreServer::admission(const httplib::Request& request) {
  const auto refuse = [](int status, std::string why) {
    return Admission{std::nullopt, status, std::move(why)};
  };
  // A verdict is cached under the certificate as it came: behind the front door, the header it
  // passed (hashing it is far cheaper than parsing the PEM and verifying its signature on every
  // request); over TLS, the session's certificate's fingerprint.
  const bool front_door = m_config.listener == Listener::FrontDoor;
  PeerCertificate peer;
  std::string key;
  if (front_door) {
    const std::string header = request.get_header_value(kClientCertHeader);
    if (header.empty())
      return refuse(403, peer_certificate_from_front_door(request, m_ca->ca_certificate()).problem);
    key = "front-door:" + request.get_header_value(kClientVerifyHeader) + ":" +
          sync::to_hex(sync::sha256(header));
  } else {
    peer = peer_certificate(request);
    if (peer.cert == nullptr || !peer.issued_by_ca) return refuse(403, peer.problem);
    key = enroll::certificate_sha256(peer.cert);
    // Nothing may stay in this thread's OpenSSL error queue: httplib's next SSL_read on the
    // connection would take it for a failure of its own and drop the connection.
    ERR_clear_error();
  }
  const auto now = std::chrono::steady_clock::now();
  Authorisation authorisation;
  bool cached = false;
  {
    std::lock_guard lock(m_verdicts_mutex);
    auto it = m_verdicts.find(key);
    if (it != m_verdicts.end() && now - it->second.checked < m_config.revocation_check_interval) {
      authorisation = it->second.authorisation;
      cached = true;
    }
  }
  if (!cached) {
    // Outside the lock: one terminal's look-up never waits for another's.
    if (front_door) {
      peer = peer_certificate_from_front_door(request, m_ca->ca_certificate());
      if (peer.cert == nullptr || !peer.issued_by_ca) return refuse(403, peer.problem);
    }
    const std::string fingerprint = enroll::certificate_sha256(peer.cert);
    ERR_clear_error();
    auto fresh = m_enrollment->authorise(fingerprint);
    if (!fresh) {
      spdlog::error("centre: {}", fresh.error().message);
      return refuse(503, "enrollment records not available");
    }
    authorisation = fresh.value();
    std::lock_guard lock(m_verdicts_mutex);
    if (m_verdicts.size() > 10'000) m_verdicts.clear();  // bounded: a verdict is cheap to make again
    m_verdicts[key] = {authorisation, now};
  }
  switch (authorisation.state) {
    case CertificateState::Active:
      return Admission{TerminalIdentity{authorisation.terminal_id, authorisation.terminal_number}, 200, {}};
    case CertificateState::Revoked:
      return refuse(403, "terminal " + authorisation.terminal_id +
                             " is revoked at this centre (or holds a replaced certificate): enroll it again");
    case CertificateState::Unknown:
      break;
  }
  return refuse(403, "client certificate unknown to this centre: enroll this terminal");
}

bool CentreServer::admit(const httplib::Request& request, httplib::Response& response) {
  Admission admitted = admission(request);
  if (admitted.identity) return true;
  http::reply_error(response, admitted.status, admitted.reason);
  return false;
}

std::optional<TerminalIdentity> CentreServer::terminal(const httplib::Request& request,
                                                       httplib::Response& response, std::string_view route,
                                                       const std::string* claimed) {
  Admission admitted = admission(request);
  if (!admitted.identity) {
    http::reply_error(response, admitted.status, std::string(route) + ": " + admitted.reason);
    return std::nullopt;
  }
  if (claimed != nullptr && *claimed != admitted.identity->id) {
    spdlog::warn("centre: {}: terminal {} posted for terminal {}: refused", route, admitted.identity->id,
                 claimed->substr(0, 64));
    http::reply_error(response, 403,
                      std::string(route) + ": terminal_id \"" + claimed->substr(0, 64) +
                          "\" is not this certificate's terminal (" + admitted.identity->id + ")");
    return std::nullopt;
  }
  return admitted.identity;
}

}  // namespace pk::centre
