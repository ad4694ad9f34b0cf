// POST /v1/diagnostics: a terminal sends its diagnostics bundle (provisioning/diagnostics.h) to
// the centre instead of, or as well as, onto a USB stick. The bundle is stored under the
// terminal of the client certificate (never a name in the body), after checking it is a bundle
// and nothing else (protocol/diagnostics_bundle.h); the same bytes sent again get the first receipt.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "protocol/diagnostics_bundle.h"

namespace pk::centre {

void CentreServer::add_diagnostics_routes() {
  m_server->Post("/v1/diagnostics", [this](const httplib::Request& request, httplib::Response& response) {
    const auto terminal = this->terminal(request, response, "diagnostics");
    if (!terminal) return;
    const auto limit = static_cast<size_t>(m_config.max_diagnostics_bytes);
    if (request.body.size() > limit)
      return http::reply_error(response, 413,
                               "diagnostics: the bundle is " + std::to_string(request.body.size()) +
                                   " bytes; the centre takes at most " + std::to_string(limit));
    auto checked = check_diagnostics_bundle(request.body);
    if (!checked) {
      spdlog::warn("centre: diagnostics from {} refused: {}", terminal->id, checked.error().message);
      return http::reply_error(response, 400, "diagnostics: " + checked.error().message);
    }
    auto receipt = m_diagnostics->store(terminal->id, request.body, std::time(nullptr));
    if (!receipt) {
      spdlog::error("centre: diagnostics from {}: {}", terminal->id, receipt.error().message);
      return http::reply_error(response, 500, "diagnostics: not stored");
    }
    if (!receipt->replayed)
      spdlog::info("centre: diagnostics {} from {}: {} bytes in {}", receipt->receipt_id, terminal->id,
                   receipt->bytes,
                   receipt->file.empty() ? std::string("the database") : receipt->file.string());
    http::reply_json(response, receipt->replayed ? 200 : 201,
                     nlohmann::json{{"receipt_id", receipt->receipt_id},
                                    {"sha256", receipt->sha256_hex},
                                    {"bytes", receipt->bytes},
                                    {"received_unix", receipt->received_unix},
                                    {"replayed", receipt->replayed}}
                         .dump());
  });
}

}  // namespace pk::centre
