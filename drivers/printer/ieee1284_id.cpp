#include "drivers/printer/ieee1284_id.h"

#include <algorithm>
#include <cctype>

namespace pk {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool Ieee1284Id::speaks(std::string_view command_set) const {
  const std::string wanted = upper(command_set);
  return std::any_of(command_sets.begin(), command_sets.end(),
                     [&](const std::string& have) { return upper(have) == wanted; });
}

Ieee1284Id parse_ieee1284_id(std::string_view text) {
  Ieee1284Id id;
  while (!text.empty()) {
    const auto end = text.find(';');
    const std::string_view field = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const auto colon = field.find(':');
    if (colon == std::string_view::npos) continue;  // stray text between fields
    const std::string key = upper(trim(field.substr(0, colon)));
    const std::string value(trim(field.substr(colon + 1)));
    if (key.empty()) continue;
    id.fields.emplace_back(key, value);
    if (key == "MFG" || key == "MANUFACTURER") {
      id.manufacturer = value;
    } else if (key == "MDL" || key == "MODEL") {
      id.model = value;
    } else if (key == "DES" || key == "DESCRIPTION") {
      id.description = value;
    } else if (key == "SN" || key == "SERIALNUMBER") {
      id.serial = value;
    } else if (key == "CMD" || key == "COMMAND SET") {
      std::string_view sets = value;
      while (!sets.empty()) {
        const auto comma = sets.find(',');
        const std::string_view one = trim(sets.substr(0, comma));
        if (!one.empty()) id.command_sets.emplace_back(one);
        sets = comma == std::string_view::npos ? std::string_view{} : sets.substr(comma + 1);
      }
    }
  }
  return id;
}

Result<std::string> device_id_text(std::span<const std::uint8_t> reply) {
  if (reply.size() < 2)
    return make_error("device id reply of " + std::to_string(reply.size()) + " bytes has no length");
  const std::size_t big = (static_cast<std::size_t>(reply[0]) << 8) | reply[1];
  const std::size_t little = (static_cast<std::size_t>(reply[1]) << 8) | reply[0];
  std::size_t length = big;
  if (big < 2 || big > reply.size()) length = little;
  if (length < 2 || length > reply.size()) {
    // A length that fits neither way: take what arrived, the fields are self-delimiting.
    length = reply.size();
  }
  return std::string(reinterpret_cast<const char*>(reply.data()) + 2, length - 2);
}

}  // namespace pk
