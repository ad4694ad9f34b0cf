#pragma once
// The JSON adaptor of the field reader (domain/field_reader.h): typed reads of the fields of one
// JSON object. A missing field, a wrong type or a value out of range is refused at the object's
// Place with what was found ("must be a string, not the number 5"); after the first problem every
// read returns a default (an empty array for arrays) so the parser reads on and reports it.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "domain/field_reader.h"

namespace pk::fields {

// "a string", "the number 3.5", "null"...: what was found, for messages.
[[nodiscard]] std::string describe_value(const nlohmann::json& value);

// "<source>: line L, column C: JSON syntax error: <reason>"; byte is the parser's 1-based
// position of the offending byte, column counts characters, not bytes.
[[nodiscard]] std::string describe_syntax_error(std::string_view source, std::string_view text,
                                                std::size_t byte, std::string_view what);

// Fields that may be absent: Optional reads return nullopt for a missing key or a null, and for
// a value they refused (after any problem), so a refused value never looks read.
enum class Presence { Required, Optional };

class JsonFields {
 public:
  // Refuses (at place, as a whole) a value that is not an object; its fields then read as absent.
  JsonFields(const nlohmann::json& object, Place place);
  JsonFields(const nlohmann::json&&, Place) = delete;  // the reader keeps a reference

  [[nodiscard]] const Place& place() const { return m_place; }
  [[nodiscard]] bool ok() const { return m_place.ok(); }
  [[nodiscard]] bool has(const char* key) const;

  // The value at key, or nullptr (refused as missing when required).
  [[nodiscard]] const nlohmann::json* find(const char* key, Presence presence = Presence::Required) const;

  [[nodiscard]] std::string string(const char* key, TextRule rule = {}) const;
  [[nodiscard]] std::optional<std::string> optional_string(const char* key, TextRule rule = {}) const;
  [[nodiscard]] int64_t integer(const char* key, Range range) const;
  [[nodiscard]] std::optional<int64_t> optional_integer(const char* key, Range range) const;
  [[nodiscard]] bool boolean(const char* key) const;
  // An array of at most max_items; an empty one on any problem.
  [[nodiscard]] const nlohmann::json& array(const char* key, Emptiness emptiness,
                                            std::size_t max_items = SIZE_MAX) const;
  // Refuses every key not in known ("is not a field of this format"), then every absent one.
  void only_keys(std::initializer_list<std::string_view> known) const;

  template <class E, std::size_t N>
  [[nodiscard]] std::optional<E> choice(const char* key, const Choice<E> (&choices)[N]) const {
    const std::string text = string(key);
    if (!ok()) return std::nullopt;
    return choose(m_place, key, text, choices);
  }

  // The reader of the object at value, named path inside this one ("documents[0]").
  [[nodiscard]] JsonFields nested(const nlohmann::json& value, std::string_view path) const;

  // A value read by path from a list element: the same checks as string() and integer().
  [[nodiscard]] std::string string_value(const nlohmann::json& value, std::string_view path,
                                         TextRule rule = {}) const;
  [[nodiscard]] int64_t integer_value(const nlohmann::json& value, std::string_view path, Range range) const;

 private:
  const nlohmann::json& m_object;
  Place m_place;
};

}  // namespace pk::fields
