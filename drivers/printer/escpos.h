#pragma once
// ESC/POS encoding (Epson ESC/POS command reference; TM-T20/T88 class printers and clones).
// Only the commands the kiosk needs: init, raster in bands, feed, cut, native QR and Code 128,
// and the real-time status request. Every function appends to a byte buffer.
#include <cstdint>
#include <span>
#include <vector>

#include "domain/result.h"
#include "drivers/printer/printer.h"

namespace pk::escpos {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t DLE = 0x10;
inline constexpr std::uint8_t EOT = 0x04;
inline constexpr std::uint8_t LF = 0x0A;

// Printers buffer a band before printing it; small bands keep the head busy, big ones waste
// the printer's receive buffer. 24..256 rows is what TM-class printers take comfortably.
inline constexpr int kMinBandRows = 24;
inline constexpr int kMaxBandRows = 256;
// GS v 0 takes at most 65535 bytes per row and 65535 rows per command.
inline constexpr int kMaxRasterWidthBytes = 0xFFFF;

struct EncodeOptions {
  int band_rows = 128;            // clamped to [kMinBandRows, kMaxBandRows]
  int feed_lines_before_cut = 4;  // the cutter sits above the print head
};

void append_init(Bytes& out);                                             // ESC @
void append_justify(Bytes& out, Justify justify);                         // ESC a n
void append_raster(Bytes& out, const RasterImage& image, int band_rows);  // GS v 0, one per band
void append_feed_dots(Bytes& out, int dots);                              // ESC J n (repeated for > 255)
void append_feed_lines(Bytes& out, int lines);                            // ESC d n
void append_cut(Bytes& out, Cut cut);                                     // GS V 0 / GS V 1
[[nodiscard]] Result<void> append_qr(Bytes& out, const QrCode& qr);  // GS ( k: model, size, ECC, store, print
[[nodiscard]] Result<void> append_code128(Bytes& out, const Code128& code);  // GS h, GS w, GS H, GS k 73

// The whole job: init, elements in order, feed, cut.
[[nodiscard]] Result<Bytes> encode_job(const PrintJob& job, Cut cut, const EncodeOptions& options = {});

// DLE EOT n: the printer answers one status byte at once, even while busy.
enum class StatusQuery : std::uint8_t { Printer = 1, OfflineCause = 2, ErrorCause = 3, RollPaper = 4 };
[[nodiscard]] Bytes status_request(StatusQuery query);

// The four answers to DLE EOT 1..4.
struct StatusReply {
  std::uint8_t printer = 0x12;
  std::uint8_t offline_cause = 0x12;
  std::uint8_t error_cause = 0x12;
  std::uint8_t roll_paper = 0x12;
};

// Per the Epson reference every DLE EOT answer has bits 1 and 4 fixed on and bits 0 and 7
// fixed off (an idle printer answers 0x12); anything else is not a status (a stray data
// byte, an Automatic Status Back frame, line noise).
[[nodiscard]] constexpr bool is_status_byte(std::uint8_t byte) { return (byte & 0x93) == 0x12; }

// Decodes per the Epson reference: n=1 bit 3 offline; n=2 bit 2 cover open, bit 5 paper-end
// stop, bit 6 error; n=3 bits 3, 5, 6 cutter / unrecoverable / auto-recoverable error;
// n=4 bits 2-3 paper near end, bits 5-6 paper end. Garbage bytes are an error, not a state.
[[nodiscard]] Result<PrinterStatus> decode_status(const StatusReply& reply);

}  // namespace pk::escpos
