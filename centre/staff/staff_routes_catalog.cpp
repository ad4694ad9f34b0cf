// The catalog as the administrator edits it: read it as published, send a changed one back.
// It is checked with the terminals' own loader (domain/catalog.h), so what the console accepts
// every kiosk accepts; it gets the next version and today's Jalali date, and is written
// atomically where GET /v1/catalog serves it, signed, to terminals on their next check.
#include <httplib.h>

#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "centre/centre_http.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"
#include "domain/catalog.h"
#include "domain/jalali.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

std::mutex g_catalog_mutex;  // one publication at a time in this process

}  // namespace

void StaffConsole::add_catalog_routes(httplib::Server& server) {
  server.Get("/v1/staff/catalog", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller(request, response, Access::Read);
    if (!who) return;
    auto text = read_file(m_context.served_catalog_file(), 8 * 1024 * 1024);
    if (!text) return http::reply_error(response, 503, "the catalog cannot be read");
    json catalog = json::parse(*text, nullptr, false);
    if (catalog.is_discarded()) return http::reply_error(response, 503, "the catalog file is not JSON");
    http::reply_json(response, 200,
                     json{{"version", catalog.value("version", 0)}, {"catalog", catalog}}.dump());
  });

  server.Put("/v1/staff/catalog", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Change, {StaffRole::Administrator});
    if (!who) return;
    // The catalog's own fields are read by the terminals' parser below, and refused with its words.
    const StaffRequestBody body(request.body);
    const json* edited = body.find("catalog");
    if (edited == nullptr || !edited->is_object())
      return http::reply_error(response, 400, "send {\"catalog\": {...}}");
    std::lock_guard lock(g_catalog_mutex);
    const std::filesystem::path served = m_context.served_catalog_file();
    auto current_text = read_file(served, 8 * 1024 * 1024);
    if (!current_text) return http::reply_error(response, 503, "the catalog cannot be read");
    auto current = catalog::parse_catalog(*current_text, served.string());
    json next = *edited;
    next["version"] = (current ? current->version : 0) + 1;
    const jalali::JalaliDate today =
        jalali::from_unix(std::time(nullptr));  // Iran time (from_unix adds +03:30)
    char published[16];
    std::snprintf(published, sizeof published, "%04d-%02d-%02d", today.year, today.month, today.day);
    next["published"] = published;
    const std::string text = next.dump(2) + "\n";
    if (auto checked = catalog::parse_catalog(text, "the edited catalog"); !checked)
      return http::reply_json(response, 422, json{{"errors", json::array({checked.error().message})}}.dump());
    if (auto written = write_file_atomically(m_context.published_catalog_file, text, FileMode::Public);
        !written)
      return http::reply_error(response, 503, "the catalog could not be written: " + written.error().message);
    audit(who->account.username, "publish_catalog", "catalog", json{{"version", next["version"]}}.dump());
    http::reply_json(response, 200, json{{"version", next["version"]}, {"published", published}}.dump());
  });
}

}  // namespace pk::centre
