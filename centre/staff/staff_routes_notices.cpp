// Planned-outage notices (the agreement: announced 72 hours ahead). The inspector publishes;
// terminals take them at GET /v1/notices with their next sync, as before.
#include <httplib.h>
#include <sodium.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "centre/centre_http.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_http.h"
#include "centre/staff/staff_request_body.h"
#include "domain/sla_period.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

using json = nlohmann::json;

json notice_json(const sync::OutageNotice& n) {
  json services = n.services.is_all() ? json("all") : json(n.services.numbers());
  return {{"id", n.id},
          {"published_unix", n.published_unix},
          {"starts_unix", n.starts_unix},
          {"ends_unix", n.ends_unix},
          {"services", services},
          {"text_fa", n.text_fa},
          {"text_en", n.text_en},
          // Published less than 72 h before it starts: the outage counts as unplanned.
          {"late", n.starts_unix - n.published_unix < sla::kNoticeLeadSeconds}};
}

}  // namespace

void StaffConsole::add_notice_routes(httplib::Server& server) {
  server.Get("/v1/staff/notices", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller(request, response, Access::Read);
    if (!who) return;
    auto notices = m_context.storage.notices();
    if (!notices) return http::reply_error(response, 503, "the notices cannot be read");
    json list = json::array();
    for (const sync::OutageNotice& n : *notices) list.push_back(notice_json(n));
    http::reply_json(response, 200, json{{"notices", list}}.dump());
  });

  server.Post("/v1/staff/notices", [this](const httplib::Request& request, httplib::Response& response) {
    auto who = caller_in(request, response, Access::Change, {StaffRole::Inspector});
    if (!who) return;
    const StaffRequestBody body(request.body);
    if (body.refused(response)) return;
    json errors = json::array();
    sync::OutageNotice notice;
    const json* services = body.find("services");  // left out: every service
    if (services == nullptr || *services == "all") {
      notice.services = sla::ServiceScope::all();
    } else if (services->is_array() && !services->empty() && services->size() <= 100 &&
               std::all_of(services->begin(), services->end(), [](const json& s) {
                 return s.is_number_integer() && s.get<int64_t>() >= 1 && s.get<int64_t>() <= 999;
               })) {
      notice.services = sla::ServiceScope::only(services->get<std::vector<int>>());
    } else {
      errors.push_back({{"field", "services"}, {"error", "\"all\" or a list of service numbers"}});
    }
    const auto time = [&](const char* key) -> int64_t {
      const auto value = body.integer(key, fields::Range{0, int64_t{1} << 40});
      if (!value) errors.push_back({{"field", key}, {"error", "a time (unix seconds)"}});
      return value.value_or(0);
    };
    notice.starts_unix = time("starts_unix");
    notice.ends_unix = time("ends_unix");
    notice.text_fa = body.text("text_fa");
    notice.text_en = body.text("text_en");
    if (body.refused(response)) return;
    notice.published_unix = std::time(nullptr);
    if (errors.empty() && notice.ends_unix <= notice.starts_unix)
      errors.push_back({{"field", "ends_unix"}, {"error", "the end must come after the start"}});
    if (errors.empty() && notice.ends_unix <= notice.published_unix)
      errors.push_back({{"field", "ends_unix"}, {"error", "this outage is already over"}});
    if (notice.text_fa.empty())
      errors.push_back({{"field", "text_fa"}, {"error", "the Persian text is needed"}});
    if (notice.text_en.empty())
      errors.push_back({{"field", "text_en"}, {"error", "the English text is needed"}});
    if (!errors.empty()) return http::reply_json(response, 422, json{{"errors", errors}}.dump());
    std::array<uint8_t, 8> id{};
    randombytes_buf(id.data(), id.size());
    notice.id = "N-" + sync::to_hex(id);
    // add_notice checks it with the terminals' own parser: what it refuses, no terminal gets.
    if (auto added = m_context.storage.add_notice(notice); !added)
      return http::reply_json(
          response, 422,
          json{{"errors", json::array({{{"field", "notice"}, {"error", added.error().message}}})}}.dump());
    json out = notice_json(notice);
    audit(who->account.username, "publish_notice", notice.id,
          json{{"starts_unix", notice.starts_unix}, {"ends_unix", notice.ends_unix}, {"late", out["late"]}}
              .dump());
    http::reply_json(response, 201, json{{"notice", out}}.dump());
  });
}

}  // namespace pk::centre
