#include "centre/request_reading.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "domain/json_fields.h"

namespace pk::centre {

Result<HeartbeatBody> read_heartbeat_body(std::string_view text) {
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return make_error(ErrorKind::Malformed, "heartbeat: not a JSON object");
  fields::Problems problems;
  const fields::JsonFields r(body, fields::Place(problems, "heartbeat"));
  HeartbeatBody heartbeat;
  heartbeat.terminal_id = r.string("terminal_id");
  // -1: the terminal could not count its outbox.
  heartbeat.pending_outbox = r.integer("pending_outbox", fields::Range::at_least(-1));
  if (!problems.ok()) return problems.error();
  // The software version, when the terminal names one (older terminals do not): printable
  // ASCII, at most 64 bytes, or it is not kept: only the console shows it, so a bad one never
  // costs the terminal its heartbeat.
  const nlohmann::json* software = r.find("software", fields::Presence::Optional);
  if (software != nullptr && software->is_string()) heartbeat.software = software->get<std::string>();
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
