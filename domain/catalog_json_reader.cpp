#include "domain/catalog_json_reader.h"

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk::catalog::detail {

using nlohmann::json;

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

std::string describe_syntax_error(const std::string& source, std::string_view text, std::size_t byte,
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
  return source + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": JSON syntax error: " + utf8::sanitize(reason);
}

Reader Reader::nested(const json& value, const std::string& path) const {
  if (!value.is_object()) refuse(path, "must be an object, not " + describe_value(value));
  return Reader(m_source, m_where, m_path_prefix + path + ".");
}

void Reader::refuse(std::string_view field, std::string_view problem) const {
  throw Refusal{m_where + ": field \"" + m_path_prefix + std::string(field) + "\": " + std::string(problem)};
}

void Reader::refuse_whole(std::string_view problem) const {
  throw Refusal{m_where + ": " + std::string(problem)};
}

const json& Reader::require(const json& object, const char* key) const {
  const auto it = object.find(key);
  if (it == object.end()) refuse(key, "is missing");
  return *it;
}

std::string Reader::string(const json& object, const char* key) const {
  const json& value = require(object, key);
  if (!value.is_string()) refuse(key, "must be a string, not " + describe_value(value));
  const auto& s = value.get_ref<const std::string&>();
  if (normalize_for_storage(s).empty()) refuse(key, "must not be empty");
  return s;
}

LocalText Reader::text(const json& object, const char* key) const {
  return text_value(require(object, key), key);
}

LocalText Reader::text_value(const json& value, const std::string& path) const {
  if (!value.is_object()) {
    refuse(path, "must be an object with \"fa\" and \"en\" texts, not " + describe_value(value));
  }
  const Reader inner(m_source, m_where, m_path_prefix + path + ".");
  return LocalText{inner.string(value, "fa"), inner.string(value, "en")};
}

int64_t Reader::integer(const json& object, const char* key, int64_t min, int64_t max) const {
  const json& value = require(object, key);
  const std::string range = min == 0 ? "a non-negative integer" : "an integer >= " + std::to_string(min);
  const std::string limit = max < INT32_MAX ? " and <= " + std::to_string(max) : "";
  const std::string expected = "must be " + range + limit;
  if (value.is_number_unsigned()) {
    const auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(max) || (min > 0 && u < static_cast<uint64_t>(min))) {
      refuse(key, expected + ", not " + value.dump());
    }
    return static_cast<int64_t>(u);
  }
  if (!value.is_number_integer()) refuse(key, expected + ", not " + describe_value(value));
  const auto v = value.get<int64_t>();
  if (v < min || v > max) refuse(key, expected + ", not " + value.dump());
  return v;
}

bool Reader::boolean(const json& object, const char* key) const {
  const json& value = require(object, key);
  if (!value.is_boolean()) refuse(key, "must be true or false, not " + describe_value(value));
  return value.get<bool>();
}

const json& Reader::array(const json& object, const char* key, Emptiness emptiness) const {
  const json& value = require(object, key);
  if (!value.is_array()) refuse(key, "must be an array, not " + describe_value(value));
  if (emptiness == Emptiness::Refuse && value.empty()) refuse(key, "must not be empty");
  return value;
}

}  // namespace pk::catalog::detail
