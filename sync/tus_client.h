#pragma once
// A tus 1.0 client (core + creation + checksum + termination) for the sealed pages. Talks to
// any tus server, not only the reference centre. After a cut at any byte, upload() asks the
// server for its offset (HEAD) and goes on from there, so at most the one chunk that was in
// flight is sent again.
#include <cstdint>
#include <span>
#include <string>

#include "domain/result.h"
#include "protocol/tus_headers.h"
#include "sync/http_client.h"

namespace pk::sync {

struct TusOptions {
  size_t chunk_bytes = 256 * 1024;
  // Consecutive failed requests (transport errors, 409, 460, 5xx) tolerated inside one
  // upload() call before it gives up and leaves the rest to the caller's backoff.
  int max_consecutive_failures = 3;
};

struct UploadState {
  int64_t offset = 0;
  int64_t length = 0;
};

struct UploadReport {
  int64_t bytes_sent = 0;  // PATCH body bytes put on the wire, including re-sent ones
  int chunks_sent = 0;
  int failures = 0;
};

class TusClient {
 public:
  // base_url: scheme://host:port, without a trailing slash; upload URLs may be paths under it.
  TusClient(HttpClient& http, std::string base_url, TusOptions options = {});

  // POST (creation). Returns the upload's URL path from the Location header.
  [[nodiscard]] Result<std::string> create(int64_t length, const tus::Metadata& metadata = {});
  // HEAD: where the server stands.
  [[nodiscard]] Result<UploadState> state(const std::string& upload_path);
  // Sends `content` from the server's offset to the end, chunk by chunk, each with its SHA-256.
  [[nodiscard]] Result<UploadReport> upload(const std::string& upload_path, std::span<const uint8_t> content);
  // The same from `offset`, the upload's offset as the server reported it a moment ago (the
  // centre's reply to the application lists each page's), without the HEAD that upload() starts
  // with: a page then costs one request less, a third of a two-page delivery's uploads. A stale
  // offset costs one refused PATCH (409) and the HEAD after it.
  [[nodiscard]] Result<UploadReport> upload_from(const std::string& upload_path,
                                                 std::span<const uint8_t> content, int64_t offset);
  // DELETE (termination).
  [[nodiscard]] Result<void> terminate(const std::string& upload_path);

 private:
  [[nodiscard]] std::string url_of(const std::string& upload_path) const;

  HttpClient& m_http;
  std::string m_base_url;
  TusOptions m_options;
};

}  // namespace pk::sync
