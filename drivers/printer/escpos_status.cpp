#include <cstdio>

#include "drivers/printer/escpos.h"

namespace pk::escpos {

Bytes status_request(StatusQuery query) { return {DLE, EOT, static_cast<std::uint8_t>(query)}; }

Result<PrinterStatus> decode_status(const StatusReply& reply) {
  const std::uint8_t bytes[] = {reply.printer, reply.offline_cause, reply.error_cause, reply.roll_paper};
  for (int n = 0; n < 4; ++n) {
    if (!is_status_byte(bytes[n])) {
      char message[96];
      std::snprintf(message, sizeof message, "answer 0x%02X to DLE EOT %d is not a status byte", bytes[n],
                    n + 1);
      return make_error(message);
    }
  }
  auto bit = [](std::uint8_t byte, int index) { return (byte & (1U << index)) != 0; };
  const bool offline = bit(reply.printer, 3);
  const bool cover_open = bit(reply.offline_cause, 2);
  const bool paper_end = bit(reply.offline_cause, 5) || bit(reply.roll_paper, 5) || bit(reply.roll_paper, 6);
  const bool error = bit(reply.offline_cause, 6) || bit(reply.error_cause, 3) || bit(reply.error_cause, 5) ||
                     bit(reply.error_cause, 6);
  const bool near_end = bit(reply.roll_paper, 2) || bit(reply.roll_paper, 3);

  // The most specific cause wins: an open cover also reads as offline and often as paper end.
  if (cover_open) return PrinterStatus::CoverOpen;
  if (paper_end) return PrinterStatus::PaperOut;
  if (error) return PrinterStatus::Error;
  if (offline) return PrinterStatus::Offline;
  if (near_end) return PrinterStatus::PaperNearEnd;
  return PrinterStatus::Online;
}

}  // namespace pk::escpos
