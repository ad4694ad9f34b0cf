#pragma once
// ISO 7816-4 command and response APDUs (short length fields only: every command the
// passport application sends fits, and extended lengths are not supported by every reader).
#include <cstdint>
#include <optional>

#include "domain/result.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader {

struct CommandApdu {
  std::uint8_t cla = 0x00;
  std::uint8_t ins = 0x00;
  std::uint8_t p1 = 0x00;
  std::uint8_t p2 = 0x00;
  Bytes data;             // at most 255 bytes
  std::optional<int> le;  // expected length 1..256 (256 is encoded as 00); none: no Le

  [[nodiscard]] Bytes encode() const;
};

// Parses a short command APDU (cases 1-4); the virtual cards use it on what they receive.
[[nodiscard]] Result<CommandApdu> parse_command(ByteView bytes);

struct ResponseApdu {
  Bytes data;
  std::uint16_t sw = 0;

  [[nodiscard]] std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8); }
  [[nodiscard]] std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFF); }
  [[nodiscard]] bool ok() const { return sw == 0x9000; }
  [[nodiscard]] Bytes encode() const;
};

// A response must carry at least the two status bytes.
[[nodiscard]] Result<ResponseApdu> parse_response(ByteView bytes);

// Status words the code tests for by name.
namespace sw {
inline constexpr std::uint16_t kOk = 0x9000;
inline constexpr std::uint16_t kAuthFailed = 0x6300;
inline constexpr std::uint16_t kWrongLength = 0x6700;
inline constexpr std::uint16_t kSecurityNotSatisfied = 0x6982;
inline constexpr std::uint16_t kSmObjectsMissing = 0x6987;
inline constexpr std::uint16_t kSmObjectsIncorrect = 0x6988;
inline constexpr std::uint16_t kConditionsNotSatisfied = 0x6985;
inline constexpr std::uint16_t kFileNotFound = 0x6A82;
inline constexpr std::uint16_t kWrongP1P2 = 0x6B00;
inline constexpr std::uint16_t kInsNotSupported = 0x6D00;
inline constexpr std::uint16_t kClaNotSupported = 0x6E00;
}  // namespace sw

}  // namespace pk::cardreader
