#pragma once
// The personal part of a submission (national code, mobile, a report's words) as JSON text,
// written into one buffer sized beforehand. The clear text then exists once in memory, in a
// buffer the caller wipes after sealing it: nlohmann::json would keep a copy of every value in
// its own nodes and grow its output through reallocations that free partial copies unwiped.
//
// The text is what nlohmann::json::dump() gives for the same object when the fields are given
// in its order (sorted by key): UTF-8 as it is, '"', '\' and control characters escaped.
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace pk::kiosk {

struct JsonField {
  std::string_view key;
  std::variant<std::string_view, bool> value;
};

// {"key":value,...} in the order given. Wipe the result (secure_wipe) when done with it.
[[nodiscard]] std::string personal_json(std::initializer_list<JsonField> fields);

}  // namespace pk::kiosk
