#pragma once
// The IEEE 1284 device id a USB printer returns for GET_DEVICE_ID:
// "MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;" behind a two-byte length.
// Parsed from device bytes, so nothing in it is trusted; any input gives a result.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace pk {

struct Ieee1284Id {
  std::string manufacturer;                                 // MFG or MANUFACTURER
  std::string model;                                        // MDL or MODEL
  std::vector<std::string> command_sets;                    // CMD or COMMAND SET, comma separated
  std::string description;                                  // DES or DESCRIPTION
  std::string serial;                                       // SN or SERIALNUMBER
  std::vector<std::pair<std::string, std::string>> fields;  // every key:value, as sent

  [[nodiscard]] bool speaks(std::string_view command_set) const;  // case-insensitive
};

// Parses the key:value; text. Keys are matched case-insensitively and trimmed.
[[nodiscard]] Ieee1284Id parse_ieee1284_id(std::string_view text);

// Strips the length prefix of a GET_DEVICE_ID reply. The standard says big-endian and counts
// the prefix itself; some devices send little-endian, so the plausible one is taken.
[[nodiscard]] Result<std::string> device_id_text(std::span<const std::uint8_t> reply);

}  // namespace pk
