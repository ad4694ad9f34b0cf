#include "drivers/cardreader/apps/icao/lds_reader.h"

#include <algorithm>

#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

Error LdsReader::fail(ReadFailure why, std::string message) {
  m_failure = why;
  return make_error(std::move(message));
}

Result<ResponseApdu> LdsReader::send(const CommandApdu& plain) {
  auto wrapped = m_sm.protect(plain);
  if (!wrapped) return fail(ReadFailure::ReaderError, wrapped.error().message);
  auto raw = m_channel.exchange(*wrapped);
  if (!raw) return fail(failure_from(m_channel.state()), raw.error().message);
  auto response = m_sm.unprotect_response(*raw);
  if (!response) return fail(ReadFailure::Malformed, response.error().message);
  return response;
}

Result<Bytes> LdsReader::read(std::uint16_t file_id, FileExpectation expectation) {
  const std::string name =
      "file " + to_hex(Bytes{static_cast<std::uint8_t>(file_id >> 8), static_cast<std::uint8_t>(file_id)});
  auto selected =
      send(CommandApdu{0x00,
                       0xA4,
                       0x02,
                       0x0C,
                       {static_cast<std::uint8_t>(file_id >> 8), static_cast<std::uint8_t>(file_id & 0xFF)},
                       std::nullopt});
  if (!selected) return Error{name + ": " + selected.error().message};
  if (selected->sw == sw::kFileNotFound && expectation == FileExpectation::Optional) return Bytes{};
  if (!selected->ok())
    return fail(ReadFailure::Malformed, name + " cannot be selected (status " +
                                            to_hex(Bytes{selected->sw1(), selected->sw2()}) + ")");

  auto read_at = [&](std::size_t offset, int length) -> Result<Bytes> {
    auto answer = send(CommandApdu{0x00,
                                   0xB0,
                                   static_cast<std::uint8_t>(offset >> 8),
                                   static_cast<std::uint8_t>(offset & 0xFF),
                                   {},
                                   length});
    if (!answer) return Error{name + ": " + answer.error().message};
    if (!answer->ok() || answer->data.empty())
      return fail(ReadFailure::Malformed, name + ": READ BINARY at " + std::to_string(offset) +
                                              " answered status " +
                                              to_hex(Bytes{answer->sw1(), answer->sw2()}) + " with " +
                                              std::to_string(answer->data.size()) + " bytes");
    return std::move(answer->data);
  };

  auto head = read_at(0, 4);
  if (!head) return head.error();
  auto total = tlv_total_size(*head);
  if (!total)
    return fail(ReadFailure::Malformed, name + " does not start with a TLV header: " + total.error().message);
  if (*total > kMaxFileSize)
    return fail(ReadFailure::Malformed,
                name + " announces " + std::to_string(*total) + " bytes, more than this reader reads");
  Bytes content = std::move(*head);
  if (content.size() > *total) content.resize(*total);
  while (content.size() < *total) {
    const int length = static_cast<int>(std::min<std::size_t>(*total - content.size(), kChunk));
    auto chunk = read_at(content.size(), length);
    if (!chunk) return chunk.error();
    if (chunk->size() > static_cast<std::size_t>(length))
      return fail(ReadFailure::Malformed, name + ": READ BINARY returned more bytes than asked");
    append(content, *chunk);
  }
  return content;
}

}  // namespace pk::cardreader::icao
