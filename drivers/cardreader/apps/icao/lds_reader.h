#pragma once
// Reads elementary files of the passport's LDS (ICAO Doc 9303 part 10) under secure
// messaging: SELECT by file identifier, a first READ BINARY of 4 bytes for the TLV header,
// then the rest in chunks a short APDU can carry once wrapped.
#include <cstdint>

#include "domain/result.h"
#include "drivers/cardreader/apdu_channel.h"
#include "drivers/cardreader/apps/icao/read_failure.h"
#include "drivers/cardreader/apps/icao/secure_messaging.h"

namespace pk::cardreader::icao {

namespace fid {
inline constexpr std::uint16_t kCom = 0x011E;
inline constexpr std::uint16_t kSod = 0x011D;
inline constexpr std::uint16_t kDg1 = 0x0101;
inline constexpr std::uint16_t kDg2 = 0x0102;
}  // namespace fid

// The eMRTD application identifier, selected before BAC.
inline constexpr std::uint8_t kPassportAid[] = {0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
// Data read per READ BINARY: fits in one short response once encrypted, padded and MACed.
inline constexpr int kChunk = 0xDF;
// READ BINARY with INS B0 addresses 15 bits of offset; larger files need odd INS B1 (not done).
inline constexpr std::size_t kMaxFileSize = 0x7FFF;

enum class FileExpectation : std::uint8_t { Required, Optional };

class LdsReader {
 public:
  LdsReader(ApduChannel& channel, SecureMessaging& sm) : m_channel(channel), m_sm(sm) {}

  // The whole file. An Optional file that the card does not have gives an empty result.
  [[nodiscard]] Result<Bytes> read(std::uint16_t file_id, FileExpectation expectation);
  [[nodiscard]] ReadFailure failure() const { return m_failure; }

 private:
  [[nodiscard]] Result<ResponseApdu> send(const CommandApdu& plain);
  [[nodiscard]] Error fail(ReadFailure why, std::string message);

  ApduChannel& m_channel;
  SecureMessaging& m_sm;
  ReadFailure m_failure = ReadFailure::None;
};

}  // namespace pk::cardreader::icao
