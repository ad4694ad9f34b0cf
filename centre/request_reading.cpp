#include "centre/request_reading.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace pk::centre {

Result<HeartbeatBody> read_heartbeat_body(std::string_view text) {
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("terminal_id") ||
      !body["terminal_id"].is_string() || !body.contains("pending_outbox") ||
      !body["pending_outbox"].is_number_integer()) {
    return make_error("heartbeat: expected {terminal_id, pending_outbox}");
  }
  HeartbeatBody heartbeat;
  heartbeat.terminal_id = body["terminal_id"].get<std::string>();
  heartbeat.pending_outbox = body["pending_outbox"].get<int64_t>();
  // The software version, when the terminal names one (older terminals do not): printable
  // ASCII, at most 64 bytes, or it is not kept.
  const auto software = body.find("software");
  if (software != body.end() && software->is_string()) heartbeat.software = software->get<std::string>();
  if (heartbeat.software.size() > 64 || std::any_of(heartbeat.software.begin(), heartbeat.software.end(),
                                                    [](char c) { return c < 0x20 || c > 0x7e; }))
    heartbeat.software.clear();
  return heartbeat;
}

std::optional<int64_t> integer_param(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (const std::logic_error&) {  // invalid_argument or out_of_range
    return std::nullopt;
  }
}

std::optional<int> jalali_year_param(const std::string& text) {
  const std::optional<int64_t> year = integer_param(text);
  if (!year || *year < 1390 || *year > 1500) return std::nullopt;
  return static_cast<int>(*year);
}

}  // namespace pk::centre
