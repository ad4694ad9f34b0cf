#include "domain/json_fields.h"

#include <algorithm>

#include "domain/utf8.h"

namespace pk::fields {

using nlohmann::json;

namespace {

const json& empty_object() {
  static const json object = json::object();
  return object;
}

const json& empty_array() {
  static const json array = json::array();
  return array;
}

}  // namespace

std::string describe_value(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::string:
      return "a string";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "the number " + value.dump();
    default:
      return "a value of another type";
  }
}

std::string describe_syntax_error(std::string_view source, std::string_view text, std::size_t byte,
                                  std::string_view what) {
  const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t column = utf8::decode(text.substr(line_start, end - line_start)).size() + 1;
  // nlohmann's message repeats its own position ("... column 5: reason"); keep the reason only.
  std::string_view reason = what;
  if (const auto col = reason.find("column "); col != std::string_view::npos) {
    if (const auto colon = reason.find(": ", col); colon != std::string_view::npos) {
      reason.remove_prefix(colon + 2);
    }
  }
  return std::string(source) + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": JSON syntax error: " + utf8::sanitize(reason);
}

JsonFields::JsonFields(const json& object, Place place)
    : m_object(object.is_object() ? object : empty_object()), m_place(std::move(place)) {
  if (!object.is_object()) m_place.refuse_whole("must be an object, not " + describe_value(object));
}

bool JsonFields::has(const char* key) const { return m_object.contains(key); }

const json* JsonFields::find(const char* key, Presence presence) const {
  if (!ok()) return nullptr;
  const auto it = m_object.find(key);
  if (it == m_object.end() || (presence == Presence::Optional && it->is_null())) {
    if (presence == Presence::Required) m_place.refuse(key, "is missing");
    return nullptr;
  }
  return &*it;
}

std::string JsonFields::string(const char* key, TextRule rule) const {
  const json* value = find(key);
  return value == nullptr ? std::string() : string_value(*value, key, rule);
}

std::optional<std::string> JsonFields::optional_string(const char* key, TextRule rule) const {
  const json* value = find(key, Presence::Optional);
  if (value == nullptr) return std::nullopt;
  std::string text = string_value(*value, key, rule);
  if (!ok()) return std::nullopt;  // refused: no value that looks read
  return text;
}

int64_t JsonFields::integer(const char* key, Range range) const {
  const json* value = find(key);
  return value == nullptr ? 0 : integer_value(*value, key, range);
}

std::optional<int64_t> JsonFields::optional_integer(const char* key, Range range) const {
  const json* value = find(key, Presence::Optional);
  if (value == nullptr) return std::nullopt;
  const int64_t number = integer_value(*value, key, range);
  if (!ok()) return std::nullopt;  // refused: no value that looks read
  return number;
}

bool JsonFields::boolean(const char* key) const {
  const json* value = find(key);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    m_place.refuse(key, "must be true or false, not " + describe_value(*value));
    return false;
  }
  return value->get<bool>();
}

const json& JsonFields::array(const char* key, Emptiness emptiness, std::size_t max_items) const {
  const json* value = find(key);
  if (value == nullptr) return empty_array();
  if (!value->is_array()) {
    m_place.refuse(key, "must be an array, not " + describe_value(*value));
    return empty_array();
  }
  if (emptiness == Emptiness::Refuse && value->empty()) {
    m_place.refuse(key, "must not be empty");
    return empty_array();
  }
  if (value->size() > max_items) {
    m_place.refuse(key, "must hold at most " + std::to_string(max_items) + " items, not " +
                            std::to_string(value->size()));
    return empty_array();
  }
  return *value;
}

void JsonFields::only_keys(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : m_object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      m_place.refuse(key, "is not a field of this format (misspelt?)");
  }
  for (std::string_view key : known) {
    if (!m_object.contains(key)) m_place.refuse(key, "is missing");
  }
}

JsonFields JsonFields::nested(const json& value, std::string_view path) const {
  if (!value.is_object()) {
    m_place.refuse(path, "must be an object, not " + describe_value(value));
    return JsonFields(empty_object(), m_place.inside(path));
  }
  return JsonFields(value, m_place.inside(path));
}

std::string JsonFields::string_value(const json& value, std::string_view path, TextRule rule) const {
  if (!ok()) return {};
  if (!value.is_string()) {
    m_place.refuse(path, "must be a string, not " + describe_value(value));
    return {};
  }
  return checked_text(m_place, path, value.get<std::string>(), rule);
}

int64_t JsonFields::integer_value(const json& value, std::string_view path, Range range) const {
  if (!ok()) return 0;
  const std::string expected = "must be " + expected_integer(range);
  // nlohmann keeps a non-negative literal as unsigned, a negative one as signed.
  if (value.is_number_unsigned()) {
    const auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      m_place.refuse(path, expected + ", not " + value.dump());
      return 0;
    }
    return in_range(m_place, path, static_cast<int64_t>(u), range).value_or(0);
  }
  if (!value.is_number_integer()) {
    m_place.refuse(path, expected + ", not " + describe_value(value));
    return 0;
  }
  return in_range(m_place, path, value.get<int64_t>(), range).value_or(0);
}

}  // namespace pk::fields
