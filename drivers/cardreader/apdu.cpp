#include "drivers/cardreader/apdu.h"

namespace pk::cardreader {

Bytes CommandApdu::encode() const {
  Bytes out{cla, ins, p1, p2};
  if (!data.empty()) {
    out.push_back(static_cast<std::uint8_t>(data.size()));
    append(out, data);
  }
  if (le) out.push_back(static_cast<std::uint8_t>(*le == 256 ? 0 : *le));
  return out;
}

Result<CommandApdu> parse_command(ByteView bytes) {
  if (bytes.size() < 4) return make_error("command APDU shorter than its 4-byte header");
  CommandApdu command{bytes[0], bytes[1], bytes[2], bytes[3], {}, std::nullopt};
  const ByteView body = bytes.subspan(4);
  if (body.empty()) return command;  // case 1
  if (body.size() == 1) {            // case 2: Le only
    command.le = body[0] == 0 ? 256 : body[0];
    return command;
  }
  const std::size_t lc = body[0];
  if (lc == 0) return make_error("command APDU uses extended lengths, which are not supported");
  if (body.size() == 1 + lc) {  // case 3
    command.data.assign(body.begin() + 1, body.end());
    return command;
  }
  if (body.size() == 2 + lc) {  // case 4
    command.data.assign(body.begin() + 1, body.begin() + 1 + static_cast<std::ptrdiff_t>(lc));
    command.le = body.back() == 0 ? 256 : body.back();
    return command;
  }
  return make_error("command APDU length byte Lc=" + std::to_string(lc) + " does not match its " +
                    std::to_string(body.size()) + " body bytes");
}

Bytes ResponseApdu::encode() const {
  Bytes out = data;
  out.push_back(sw1());
  out.push_back(sw2());
  return out;
}

Result<ResponseApdu> parse_response(ByteView bytes) {
  if (bytes.size() < 2)
    return make_error("card response of " + std::to_string(bytes.size()) + " byte(s) has no status word");
  ResponseApdu response;
  response.data.assign(bytes.begin(), bytes.end() - 2);
  response.sw = static_cast<std::uint16_t>((bytes[bytes.size() - 2] << 8) | bytes[bytes.size() - 1]);
  return response;
}

}  // namespace pk::cardreader
