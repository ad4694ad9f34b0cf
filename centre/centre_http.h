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

}  // namespace pk::centre::http
