#pragma once
// The terminal's calls to the centre's /v1 API (see centre/README.md for the endpoints).
// Every reply is checked before it is believed: status codes, sizes, JSON shape; anything
// else is an Error whose message says what the centre sent, for the log, and whose kind says
// whether to retry (retry_can_help): Refused for a request the centre turned down, Unavailable
// when it could not be reached or had trouble of its own, Malformed for a reply not believed.
#include <string>
#include <vector>

#include "domain/result.h"
#include "protocol/wire.h"
#include "sync/http_client.h"

namespace pk::sync {

// Whether trying the same delivery again later can help: not when the centre refused the request
// itself (an HTTP 4xx other than 408/429: Refused), nor when what is to be sent is not there
// (NotFound). The network, the centre's own trouble, a reply that could not be read: later.
[[nodiscard]] constexpr bool retry_can_help(const Error& error) {
  return error.kind != ErrorKind::Refused && error.kind != ErrorKind::NotFound;
}

struct SignedCatalog {
  std::string text;              // the exact bytes that were signed
  std::string signature_base64;  // Ed25519 detached signature
  std::string etag;              // the centre's ETag for it; empty when it sent none
  bool not_modified = false;     // 304 for the ETag sent: text and signature are empty
  bool absent = false;           // 404: the centre publishes none (the CSCA master list only)
};

class CentreClient {
 public:
  CentreClient(HttpClient& http, std::string base_url) : m_http(http), m_base_url(std::move(base_url)) {}

  // POST /v1/applications with the Idempotency-Key: the same key always gets the first result.
  [[nodiscard]] Result<ApplicationStatus> submit(const Submission& submission,
                                                 const std::string& idempotency_key);
  // GET /v1/applications/<tracking code>.
  [[nodiscard]] Result<ApplicationStatus> status(const std::string& tracking_code);
  // GET /v1/catalog; with if_none_match (an earlier reply's ETag) the centre may answer 304.
  [[nodiscard]] Result<SignedCatalog> catalog(std::string_view if_none_match = {});
  // GET /v1/csca-master-list, signed with the catalog key like the catalog; absent on a 404.
  [[nodiscard]] Result<SignedCatalog> csca_master_list(std::string_view if_none_match = {});
  [[nodiscard]] Result<std::vector<OutageNotice>> notices();
  // POST /v1/heartbeat; returns the centre's clock (Unix seconds) for the ledger's clock check.
  [[nodiscard]] Result<int64_t> heartbeat(const std::string& terminal_id, int64_t pending_outbox);
  // POST /v1/ledger. Succeeds only when the centre stored exactly the rows sent.
  [[nodiscard]] Result<LedgerReceipt> upload_ledger(const LedgerUpload& upload);

  [[nodiscard]] const std::string& base_url() const { return m_base_url; }

 private:
  [[nodiscard]] Result<SignedCatalog> signed_document(std::string_view path, std::string_view what,
                                                      std::string_view if_none_match, bool may_be_absent);
  HttpClient& m_http;
  std::string m_base_url;
};

}  // namespace pk::sync
