#include "drivers/cardreader/apdu_channel.h"

namespace pk::cardreader {

Result<Bytes> ApduChannel::once(ByteView command) {
  ++m_count;
  auto response = m_driver.transmit(command, m_timeout);
  if (m_trace != nullptr)
    m_trace->push_back(TraceEntry{Bytes(command.begin(), command.end()), response ? *response : Bytes{}});
  if (response && response->size() < 2)
    return make_error("card answered " + std::to_string(response->size()) +
                      " byte(s), less than a status word");
  return response;
}

Result<Bytes> ApduChannel::exchange(ByteView command) {
  auto response = once(command);
  if (!response) return response;
  // 6Cxx: wrong Le, the card says the right one; repeat once with it.
  if ((*response)[response->size() - 2] == 0x6C && command.size() >= 5) {
    Bytes again(command.begin(), command.end());
    again.back() = response->back();
    response = once(again);
    if (!response) return response;
  }
  // 61xx: more data waiting; GET RESPONSE until it is all here (bounded: a card that keeps
  // saying 61xx forever is broken, not a reason to loop forever).
  Bytes data;
  for (int round = 0; round < 64 && (*response)[response->size() - 2] == 0x61; ++round) {
    data.insert(data.end(), response->begin(), response->end() - 2);
    const Bytes get_response{0x00, 0xC0, 0x00, 0x00, response->back()};
    response = once(get_response);
    if (!response) return response;
  }
  if (data.empty()) return response;
  data.insert(data.end(), response->begin(), response->end());
  return data;
}

Result<ResponseApdu> ApduChannel::send(const CommandApdu& command) {
  auto response = exchange(command.encode());
  if (!response) return response.error();
  return parse_response(*response);
}

}  // namespace pk::cardreader
