#pragma once
// The APDU exchange every card application uses on top of a CardReaderDriver: the T=0
// transport rules (61xx: GET RESPONSE; 6Cxx: repeat with the right Le), a per-command
// timeout, an APDU counter for the benchmarks, and an optional trace that tests compare with
// published exchanges (and that a technician can record from a real card).
#include <chrono>
#include <utility>
#include <vector>

#include "domain/result.h"
#include "drivers/cardreader/apdu.h"
#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader {

struct TraceEntry {
  Bytes command;
  Bytes response;  // empty when the exchange failed
};

class ApduChannel {
 public:
  explicit ApduChannel(CardReaderDriver& driver,
                       std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
      : m_driver(driver), m_timeout(timeout) {}

  // Raw bytes in, the complete response (data then status word) out.
  [[nodiscard]] Result<Bytes> exchange(ByteView command);
  [[nodiscard]] Result<ResponseApdu> send(const CommandApdu& command);

  [[nodiscard]] int apdu_count() const { return m_count; }
  // Why the last exchange failed, from the driver (RemovedMidRead, CardMute, ...).
  [[nodiscard]] CardState state() const { return m_driver.card_state(); }
  // Records every exchange into `trace` (nullptr stops recording). The caller keeps it alive.
  void record(std::vector<TraceEntry>* trace) { m_trace = trace; }

 private:
  [[nodiscard]] Result<Bytes> once(ByteView command);

  CardReaderDriver& m_driver;
  std::chrono::milliseconds m_timeout;
  int m_count = 0;
  std::vector<TraceEntry>* m_trace = nullptr;
};

}  // namespace pk::cardreader
