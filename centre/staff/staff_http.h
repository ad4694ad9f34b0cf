#pragma once
// Helpers shared by the back office's route files (internal to pk_centre).
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pk::centre {

// 64 hex characters of fresh randomness: session, CSRF and set-up tokens.
[[nodiscard]] std::string staff_token();
// Tokens are kept only as their SHA-256.
[[nodiscard]] std::string token_hash(std::string_view token);
[[nodiscard]] std::string cookie_value(const httplib::Request& request, std::string_view name);
// The string at `key` of a request's JSON object; empty when it is missing or not a string (the
// route's own checks then name the field), never an exception.
[[nodiscard]] inline std::string string_field(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}
// A refusal the console can act on: {"error": message, "reason": reason}.
void reply_refusal(httplib::Response& response, int status, std::string_view reason,
                   const std::string& message);

}  // namespace pk::centre
