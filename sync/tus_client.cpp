#include "sync/tus_client.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace pk::sync {
namespace {

std::pair<std::string, std::string> tus_resumable() { return {"Tus-Resumable", std::string(tus::kVersion)}; }

Error http_error(std::string_view what, const HttpResponse& response) {
  std::string body = response.body.substr(0, 200);
  return make_error("tus: " + std::string(what) + ": HTTP " + std::to_string(response.status) +
                    (body.empty() ? "" : " (" + body + ")"));
}

}  // namespace

TusClient::TusClient(HttpClient& http, std::string base_url, TusOptions options)
    : m_http(http), m_base_url(std::move(base_url)), m_options(options) {
  m_options.chunk_bytes = std::max<size_t>(m_options.chunk_bytes, 1);
}

std::string TusClient::url_of(const std::string& upload_path) const {
  if (upload_path.starts_with("http://") || upload_path.starts_with("https://")) return upload_path;
  return m_base_url + upload_path;
}

Result<std::string> TusClient::create(int64_t length, const tus::Metadata& metadata) {
  HttpRequest request{Method::Post,
                      m_base_url + "/v1/uploads",
                      {tus_resumable(), {"Upload-Length", std::to_string(length)}},
                      {}};
  if (!metadata.empty()) request.headers.emplace_back("Upload-Metadata", tus::metadata_header(metadata));
  auto response = m_http.send(request);
  if (!response) return response.error();
  if (response->status != 201) return http_error("create", *response);
  const std::string* location = response->header("location");
  if (location == nullptr || location->empty())
    return make_error("tus: create: 201 without a Location header");
  if (location->starts_with(m_base_url)) return location->substr(m_base_url.size());
  return *location;
}

Result<UploadState> TusClient::state(const std::string& upload_path) {
  auto response = m_http.send({Method::Head, url_of(upload_path), {tus_resumable()}, {}});
  if (!response) return response.error();
  if (response->status != 200 && response->status != 204) return http_error("HEAD " + upload_path, *response);
  const std::string* offset = response->header("upload-offset");
  const std::string* length = response->header("upload-length");
  if (offset == nullptr) return make_error("tus: HEAD " + upload_path + ": no Upload-Offset header");
  auto parsed_offset = tus::parse_length(*offset);
  if (!parsed_offset) return parsed_offset.error();
  UploadState state{*parsed_offset, -1};
  if (length != nullptr) {
    auto parsed_length = tus::parse_length(*length);
    if (!parsed_length) return parsed_length.error();
    state.length = *parsed_length;
  }
  return state;
}

Result<UploadReport> TusClient::upload(const std::string& upload_path, std::span<const uint8_t> content) {
  const auto total = static_cast<int64_t>(content.size());
  auto server = state(upload_path);
  if (!server) return server.error();
  if (server->length >= 0 && server->length != total) {
    return make_error("tus: " + upload_path + ": server expects " + std::to_string(server->length) +
                      " bytes, we have " + std::to_string(total));
  }
  return upload_from(upload_path, content, server->offset);
}

Result<UploadReport> TusClient::upload_from(const std::string& upload_path, std::span<const uint8_t> content,
                                            int64_t offset) {
  UploadReport report;
  const auto total = static_cast<int64_t>(content.size());
  int consecutive_failures = 0;
  std::string last_error;
  auto failed = [&](std::string why) {
    spdlog::warn("tus: {}: {}", upload_path, why);
    last_error = std::move(why);
    ++report.failures;
    return ++consecutive_failures > m_options.max_consecutive_failures;
  };

  while (offset < total) {
    if (offset < 0 || offset > total)
      return make_error("tus: " + upload_path + ": server offset out of range");
    const auto size = std::min<int64_t>(static_cast<int64_t>(m_options.chunk_bytes), total - offset);
    const auto chunk = content.subspan(static_cast<size_t>(offset), static_cast<size_t>(size));
    HttpRequest request{Method::Patch,
                        url_of(upload_path),
                        {tus_resumable(),
                         {"Content-Type", std::string(tus::kOffsetContentType)},
                         {"Upload-Offset", std::to_string(offset)},
                         {"Upload-Checksum", tus::checksum_header(sha256(chunk))}},
                        chunk};
    report.bytes_sent += size;
    ++report.chunks_sent;
    auto response = m_http.send(request);
    bool resync = false;
    if (!response) {
      resync = true;
      if (failed(response.error().message)) break;
    } else if (response->status == 204 || response->status == 200) {
      const std::string* new_offset = response->header("upload-offset");
      auto parsed = new_offset != nullptr ? tus::parse_length(*new_offset)
                                          : Result<int64_t>(make_error("no Upload-Offset"));
      if (!parsed || *parsed != offset + size) {
        // A reply we cannot trust: ask the server where it really stands.
        resync = true;
        if (failed("PATCH reply offset is not " + std::to_string(offset + size))) break;
      } else {
        offset = *parsed;
        consecutive_failures = 0;
      }
    } else {
      resync = true;
      if (failed(http_error("PATCH at " + std::to_string(offset), *response).message)) break;
      if (response->status == 404 || response->status == 410 || response->status == 412 ||
          response->status == 413) {
        return make_error(last_error);  // not something a retry fixes
      }
    }
    if (resync) {
      auto again = state(upload_path);
      if (!again) {
        if (failed(again.error().message)) break;
        continue;  // try the same offset again
      }
      offset = again->offset;
    }
  }
  if (offset < total)
    return make_error("tus: " + upload_path + ": gave up at byte " + std::to_string(offset) + ": " +
                      last_error);
  return report;
}

Result<void> TusClient::terminate(const std::string& upload_path) {
  auto response = m_http.send({Method::Delete, url_of(upload_path), {tus_resumable()}, {}});
  if (!response) return response.error();
  if (response->status != 204 && response->status != 200)
    return http_error("DELETE " + upload_path, *response);
  return {};
}

}  // namespace pk::sync
