#pragma once
// Helpers shared by the centre's route files (internal to pk_centre).
#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace pk::centre::http {

// A JSON error body: {"error": "..."}; the message is meant for the terminal's log.
void reply_error(httplib::Response& response, int status, const std::string& message);
void reply_json(httplib::Response& response, int status, const std::string& json);

// The terminal a request speaks for: always its client certificate's (CentreServer::terminal_of),
// never a body field. When the body also names a terminal (`claimed`, e.g. its "terminal_id")
// it must be that same one: a terminal may not post for another. nullopt means `response`
// already holds the 403 and its reason.
[[nodiscard]] std::optional<std::string> authenticated_terminal(const httplib::Request& request,
                                                                httplib::Response& response,
                                                                std::string_view route,
                                                                const std::string* claimed = nullptr);

}  // namespace pk::centre::http
