// The centre's service-level route for terminals: each sends its own ledger (POST /v1/ledger).
#include <httplib.h>
#include <spdlog/spdlog.h>

#include "centre/centre_http.h"
#include "centre/centre_server.h"
#include "protocol/wire.h"

namespace pk::centre {

void CentreServer::add_ledger_routes() {
  m_server->Post("/v1/ledger", [this](const httplib::Request& request, httplib::Response& response) {
    auto upload = sync::parse_ledger_upload(request.body);
    if (!upload) return http::reply_error(response, 400, upload.error().message);
    // The rows are stored under the certificate's terminal; a body naming another is refused.
    const auto terminal = this->terminal(request, response, "ledger", &upload->terminal_id);
    if (!terminal) return;
    upload->terminal_id = terminal->id;
    auto stored = m_storage->store_ledger(*upload);
    if (!stored) {
      spdlog::error("centre: ledger of {}: {}", upload->terminal_id, stored.error().message);
      return http::reply_error(response, 500, "ledger not stored");
    }
    http::reply_json(response, 200, sync::to_json(*stored));
  });

  // The province-wide figures are for staff (the console, `pishkhan-centre --sla-summary`), not
  // for terminals: a terminal sees its own ledger and nothing of its neighbours'.
  m_server->Get("/v1/sla/summary", [](const httplib::Request&, httplib::Response& response) {
    http::reply_error(response, 403,
                      "sla summary: the province-wide figures are for centre staff, not terminals "
                      "(pishkhan-centre --sla-summary --year Y on the centre)");
  });
}

}  // namespace pk::centre
