#pragma once
// Helpers shared by the back office's route files (internal to pk_centre).
#include <httplib.h>

#include <string>
#include <string_view>

namespace pk::centre {

// 64 hex characters of fresh randomness: session, CSRF and set-up tokens.
[[nodiscard]] std::string staff_token();
// Tokens are kept only as their SHA-256.
[[nodiscard]] std::string token_hash(std::string_view token);
[[nodiscard]] std::string cookie_value(const httplib::Request& request, std::string_view name);
// A refusal the console can act on: {"error": message, "reason": reason}.
void reply_refusal(httplib::Response& response, int status, std::string_view reason,
                   const std::string& message);

}  // namespace pk::centre
