#pragma once
// The terminal's calls to the centre's /v1 API (see centre/README.md for the endpoints).
// Every reply is checked before it is believed: status codes, sizes, JSON shape; anything
// else is an Error whose message says what the centre sent, for the log.
#include <string>
#include <vector>

#include "domain/result.h"
#include "protocol/wire.h"
#include "sync/http_client.h"

namespace pk::sync {

// Whether trying the same request again later can help.
enum class Retry { Later, Never };

struct CentreError {
  Retry retry = Retry::Later;
  std::string message;
};

// A Result whose error also says whether to retry.
template <class T>
struct CentreResult {
  std::optional<T> value;
  CentreError error;
  [[nodiscard]] bool ok() const { return value.has_value(); }
};

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
  [[nodiscard]] CentreResult<ApplicationStatus> submit(const Submission& submission,
                                                       const std::string& idempotency_key);
  // GET /v1/applications/<tracking code>.
  [[nodiscard]] CentreResult<ApplicationStatus> status(const std::string& tracking_code);
  // GET /v1/catalog; with if_none_match (an earlier reply's ETag) the centre may answer 304.
  [[nodiscard]] CentreResult<SignedCatalog> catalog(std::string_view if_none_match = {});
  // GET /v1/csca-master-list, signed with the catalog key like the catalog; absent on a 404.
  [[nodiscard]] CentreResult<SignedCatalog> csca_master_list(std::string_view if_none_match = {});
  [[nodiscard]] CentreResult<std::vector<OutageNotice>> notices();
  // POST /v1/heartbeat; returns the centre's clock (Unix seconds) for the ledger's clock check.
  [[nodiscard]] CentreResult<int64_t> heartbeat(const std::string& terminal_id, int64_t pending_outbox);
  // POST /v1/ledger. Succeeds only when the centre stored exactly the rows sent.
  [[nodiscard]] CentreResult<LedgerReceipt> upload_ledger(const LedgerUpload& upload);

  [[nodiscard]] const std::string& base_url() const { return m_base_url; }

 private:
  [[nodiscard]] CentreResult<SignedCatalog> signed_document(std::string_view path, std::string_view what,
                                                            std::string_view if_none_match,
                                                            bool may_be_absent);
  HttpClient& m_http;
  std::string m_base_url;
};

}  // namespace pk::sync
