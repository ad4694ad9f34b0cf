#include "kiosk/personal_json.h"

#include <cstdio>

namespace pk::kiosk {

namespace {

// The escape for one byte, or "" when it stands as it is (JSON's short forms, else \u00XX).
std::string_view short_escape(unsigned char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return "";
  }
}

constexpr size_t kUnicodeEscapeBytes = 6;  // \u001f

size_t quoted_size(std::string_view text) {
  size_t size = 2;
  for (unsigned char c : text) {
    if (!short_escape(c).empty())
      size += short_escape(c).size();
    else
      size += c < 0x20 ? kUnicodeEscapeBytes : 1;
  }
  return size;
}

// Appends within the capacity reserved by personal_json: never reallocates.
void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (unsigned char c : text) {
    if (const std::string_view escape = short_escape(c); !escape.empty()) {
      out += escape;
    } else if (c < 0x20) {
      char unicode[kUnicodeEscapeBytes + 1];
      std::snprintf(unicode, sizeof unicode, "\\u%04x", static_cast<unsigned>(c));
      out.append(unicode, kUnicodeEscapeBytes);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

size_t value_size(const JsonField& field) {
  if (const bool* flag = std::get_if<bool>(&field.value)) return *flag ? 4 : 5;
  return quoted_size(std::get<std::string_view>(field.value));
}

}  // namespace

std::string personal_json(std::initializer_list<JsonField> fields) {
  size_t size = 2 + (fields.size() > 0 ? fields.size() - 1 : 0);  // {} and the commas
  for (const JsonField& field : fields) size += quoted_size(field.key) + 1 + value_size(field);
  std::string out;
  out.reserve(size);
  out += '{';
  for (const JsonField& field : fields) {
    if (out.size() > 1) out += ',';
    append_quoted(out, field.key);
    out += ':';
    if (const bool* flag = std::get_if<bool>(&field.value))
      out += *flag ? "true" : "false";
    else
      append_quoted(out, std::get<std::string_view>(field.value));
  }
  out += '}';
  return out;
}

}  // namespace pk::kiosk
