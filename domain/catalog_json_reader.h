#pragma once
// Internal to parse_catalog: typed reads of JSON fields that refuse with a message naming the
// source, the service and the field. Refusal is thrown and caught inside parse_catalog only,
// which keeps each check one line there; nothing escapes the library as an exception.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/catalog.h"

namespace pk::catalog::detail {

struct Refusal {
  std::string message;
};

enum class Emptiness { Allow, Refuse };

// "a string", "the number 3.5", "null"...: what was found, for messages.
[[nodiscard]] std::string describe_value(const nlohmann::json& value);

// "<source>: line L, column C: JSON syntax error: <reason>"; byte is the parser's 1-based
// position of the offending byte, column counts characters, not bytes.
[[nodiscard]] std::string describe_syntax_error(const std::string& source, std::string_view text,
                                                std::size_t byte, std::string_view what);

class Reader {
 public:
  // where: what the messages start with, e.g. "data/catalog.json: service 7".
  Reader(std::string source, std::string where, std::string path_prefix = {})
      : m_source(std::move(source)), m_where(std::move(where)), m_path_prefix(std::move(path_prefix)) {}

  [[nodiscard]] const std::string& source() const { return m_source; }

  // A reader for the object at value (refused unless it is one); fields read from it are
  // named "<path>.<key>".
  [[nodiscard]] Reader nested(const nlohmann::json& value, const std::string& path) const;

  [[noreturn]] void refuse(std::string_view field, std::string_view problem) const;
  [[noreturn]] void refuse_whole(std::string_view problem) const;

  [[nodiscard]] const nlohmann::json& require(const nlohmann::json& object, const char* key) const;
  [[nodiscard]] std::string string(const nlohmann::json& object, const char* key) const;
  [[nodiscard]] LocalText text(const nlohmann::json& object, const char* key) const;
  [[nodiscard]] LocalText text_value(const nlohmann::json& value, const std::string& path) const;
  [[nodiscard]] int64_t integer(const nlohmann::json& object, const char* key, int64_t min,
                                int64_t max) const;
  [[nodiscard]] bool boolean(const nlohmann::json& object, const char* key) const;
  [[nodiscard]] const nlohmann::json& array(const nlohmann::json& object, const char* key,
                                            Emptiness emptiness) const;

 private:
  std::string m_source;
  std::string m_where;
  std::string m_path_prefix;
};

}  // namespace pk::catalog::detail
