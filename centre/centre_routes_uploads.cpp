// The centre's tus 1.0 server at /v1/uploads: core, creation, checksum (sha256), termination.
// A PATCH body is taken whole or not at all (cpp-httplib hands over complete bodies), so a
// cut chunk leaves the offset where it was and the client resends just that chunk.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "protocol/tus_headers.h"

namespace pk::centre {
namespace {

constexpr const char* kUploadPath = R"(/v1/uploads/([0-9a-f]{32}))";

// Every reply but OPTIONS carries Tus-Resumable; a request for another version gets 412.
bool check_version(const httplib::Request& request, httplib::Response& response) {
  response.set_header("Tus-Resumable", std::string(sync::tus::kVersion));
  if (request.get_header_value("Tus-Resumable") != sync::tus::kVersion) {
    response.set_header("Tus-Version", std::string(sync::tus::kVersion));
    http::reply_error(response, 412, "Tus-Resumable must be 1.0.0");
    return false;
  }
  return true;
}

}  // namespace

void CentreServer::add_upload_routes() {
  m_server->Options("/v1/uploads", [this](const httplib::Request&, httplib::Response& response) {
    response.status = 204;
    response.set_header("Tus-Version", std::string(sync::tus::kVersion));
    response.set_header("Tus-Extension", std::string(sync::tus::kExtensions));
    response.set_header("Tus-Checksum-Algorithm", std::string(sync::tus::kChecksumAlgorithms));
    response.set_header("Tus-Max-Size", std::to_string(m_config.max_upload_bytes));
  });

  m_server->Post("/v1/uploads", [this](const httplib::Request& request, httplib::Response& response) {
    if (!check_version(request, response)) return;
    const auto terminal = this->terminal(request, response, "uploads");
    if (!terminal) return;
    auto length = sync::tus::parse_length(request.get_header_value("Upload-Length"));
    if (!length) return http::reply_error(response, 400, "Upload-Length: " + length.error().message);
    if (*length > m_config.max_upload_bytes) {
      response.set_header("Tus-Max-Size", std::to_string(m_config.max_upload_bytes));
      return http::reply_error(response, 413, "Upload-Length above Tus-Max-Size");
    }
    const std::string metadata = request.get_header_value("Upload-Metadata");
    if (auto parsed = sync::tus::parse_metadata(metadata); !parsed) {
      return http::reply_error(response, 400, parsed.error().message);
    }
    if (pending_over_quota(terminal->id, 1, *length, response)) return;
    auto upload = m_storage->create_upload(terminal->id, *length, metadata);
    if (!upload) {
      spdlog::error("centre: create upload: {}", upload.error().message);
      return http::reply_error(response, 500, "upload not created");
    }
    response.status = 201;
    response.set_header("Location", "/v1/uploads/" + upload->id);
    response.set_header("Upload-Offset", "0");
  });

  // cpp-httplib routes HEAD through the GET handlers (and sends no body).
  m_server->Get(kUploadPath, [this](const httplib::Request& request, httplib::Response& response) {
    if (!check_version(request, response)) return;
    response.set_header("Cache-Control", "no-store");
    const auto terminal = this->terminal(request, response, "uploads");
    if (!terminal) return;
    // Another terminal's upload is 404, exactly as a missing one: nothing about it is confirmed.
    auto upload = m_storage->find_upload(terminal->id, request.matches[1]);
    if (!upload) return http::reply_error(response, 500, "upload not readable");
    if (!*upload) return http::reply_error(response, 404, "no such upload");
    response.status = 200;
    response.set_header("Upload-Offset", std::to_string((*upload)->offset));
    response.set_header("Upload-Length", std::to_string((*upload)->length));
    if (!(*upload)->metadata.empty()) response.set_header("Upload-Metadata", (*upload)->metadata);
  });

  m_server->Patch(kUploadPath, [this](const httplib::Request& request, httplib::Response& response) {
    if (!check_version(request, response)) return;
    if (request.get_header_value("Content-Type") != sync::tus::kOffsetContentType) {
      return http::reply_error(response, 415, "Content-Type must be application/offset+octet-stream");
    }
    auto offset = sync::tus::parse_length(request.get_header_value("Upload-Offset"));
    if (!offset) return http::reply_error(response, 400, "Upload-Offset: " + offset.error().message);
    const auto chunk = std::span(reinterpret_cast<const uint8_t*>(request.body.data()), request.body.size());
    if (request.has_header("Upload-Checksum")) {
      auto expected = sync::tus::parse_checksum(request.get_header_value("Upload-Checksum"));
      if (!expected) return http::reply_error(response, 400, expected.error().message);
      if (sync::sha256(chunk) != *expected) {
        return http::reply_error(response, sync::tus::kStatusChecksumMismatch,
                                 "chunk does not match Upload-Checksum");
      }
    }
    const auto terminal = this->terminal(request, response, "uploads");
    if (!terminal) return;
    auto appended = m_storage->append(terminal->id, request.matches[1], *offset, chunk);
    if (!appended) {
      spdlog::error("centre: PATCH {}: {}", request.path, appended.error().message);
      return http::reply_error(response, 500, "chunk not stored");
    }
    response.set_header("Upload-Offset", std::to_string(appended->offset));
    switch (appended->outcome) {
      case AppendOutcome::Appended:
        response.status = 204;
        return;
      case AppendOutcome::NotFound:
        return http::reply_error(response, 404, "no such upload");
      case AppendOutcome::OffsetMismatch:
        return http::reply_error(response, 409, "Upload-Offset does not match");
      case AppendOutcome::TooLong:
        return http::reply_error(response, 413, "chunk goes past Upload-Length");
      case AppendOutcome::WholeChecksumMismatch:
        return http::reply_error(response, sync::tus::kStatusChecksumMismatch,
                                 "the whole upload does not match the page's SHA-256; upload reset to 0");
    }
  });

  m_server->Delete(kUploadPath, [this](const httplib::Request& request, httplib::Response& response) {
    if (!check_version(request, response)) return;
    const auto terminal = this->terminal(request, response, "uploads");
    if (!terminal) return;
    auto removed = m_storage->remove_upload(terminal->id, request.matches[1]);
    if (!removed) return http::reply_error(response, 500, "upload not removed");
    if (!*removed) return http::reply_error(response, 404, "no such standalone upload");
    response.status = 204;
  });
}

}  // namespace pk::centre
