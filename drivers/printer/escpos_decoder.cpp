#include "drivers/printer/escpos_decoder.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "drivers/printer/escpos.h"

namespace pk::escpos {
namespace {

std::string hex(std::uint8_t byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

// ESC commands that take exactly one parameter byte and draw nothing we render.
constexpr std::string_view kEscOneParam = " !-23EGMRSTUVacdtr{";
// GS commands with one parameter byte that draw nothing.
constexpr std::string_view kGsOneParam = "!BabI";

class Decoder {
 public:
  explicit Decoder(std::span<const std::uint8_t> bytes) : m_in(bytes) {}

  DecodedStream run() {
    while (m_pos < m_in.size()) step();
    return std::move(m_out);
  }

 private:
  [[nodiscard]] std::size_t left() const { return m_in.size() - m_pos; }
  [[nodiscard]] std::uint8_t at(std::size_t i) const { return m_in[m_pos + i]; }

  void emit(CommandKind kind, std::size_t length, std::string detail) {
    if (kind != CommandKind::Raster) m_last_was_raster = false;
    m_out.commands.push_back(Command{kind, m_pos, length, std::move(detail)});
    if (kind == CommandKind::Unknown || kind == CommandKind::Malformed) {
      m_out.problems.push_back("offset " + std::to_string(m_pos) + ": " +
                               (kind == CommandKind::Unknown ? "unknown command " : "malformed command ") +
                               m_out.commands.back().detail);
    }
    m_pos += length;
  }

  // A command that needs more bytes than the stream holds: report it and stop there.
  void truncated(std::string what) { emit(CommandKind::Malformed, left(), std::move(what) + " (truncated)"); }

  void feed(int dots) {
    if (!m_out.elements.empty()) {
      if (auto* last = std::get_if<Feed>(&m_out.elements.back())) {
        // Saturates: a hostile stream of feeds must not overflow (a metre is ~8000 dots).
        last->dots = std::min(last->dots + dots, kMaxFeedDots);
        return;
      }
    }
    m_out.elements.emplace_back(Feed{dots});
  }

  void step() {
    const std::uint8_t byte = at(0);
    if (byte == ESC) return esc();
    if (byte == GS) return gs();
    if (byte == DLE) return dle();
    if (byte == LF) {
      feed(m_line_dots);
      return emit(CommandKind::Feed, 1, "LF");
    }
    if (byte == 0x0D || byte == 0x09 || byte == 0x00) return emit(CommandKind::Setting, 1, hex(byte));
    if (byte < 0x20 || byte == 0x7F) return emit(CommandKind::Unknown, 1, hex(byte));
    std::size_t n = 0;
    while (n < left() && at(n) >= 0x20 && at(n) != 0x7F) ++n;
    emit(CommandKind::Text, n, std::string(reinterpret_cast<const char*>(&m_in[m_pos]), n));
  }

  void esc() {
    if (left() < 2) return truncated("ESC");
    const std::uint8_t c = at(1);
    const std::string name = "ESC " + std::string(1, static_cast<char>(c));
    if (c == '@') {
      m_line_dots = kDefaultLineDots;
      m_justify = Justify::Left;
      return emit(CommandKind::Init, 2, name);
    }
    if (c == '2') {
      m_line_dots = kDefaultLineDots;
      return emit(CommandKind::Setting, 2, name);
    }
    if (c == 'J' || c == 'd' || kEscOneParam.find(static_cast<char>(c)) != std::string_view::npos) {
      if (left() < 3) return truncated(name);
      const int n = at(2);
      if (c == 'J') {
        feed(n);
        return emit(CommandKind::Feed, 3, name + " " + std::to_string(n));
      }
      if (c == 'd') {
        feed(n * m_line_dots);
        return emit(CommandKind::Feed, 3, name + " " + std::to_string(n));
      }
      if (c == '3') m_line_dots = n;
      if (c == 'a') m_justify = (n == 1 || n == 49) ? Justify::Center : Justify::Left;  // right drawn as left
      return emit(CommandKind::Setting, 3, name + " " + std::to_string(n));
    }
    emit(CommandKind::Unknown, 2, "ESC " + hex(c));
  }

  void dle() {
    if (left() < 3) return truncated("DLE");
    const std::uint8_t c = at(1);
    const std::uint8_t n = at(2);
    if (c == EOT && n >= 1 && n <= 4)
      return emit(CommandKind::StatusRequest, 3, "DLE EOT " + std::to_string(n));
    if (c == EOT) return emit(CommandKind::Malformed, 3, "DLE EOT " + std::to_string(n));
    emit(CommandKind::Unknown, 2, "DLE " + hex(c));
  }

  void gs() {
    if (left() < 2) return truncated("GS");
    const std::uint8_t c = at(1);
    switch (c) {
      case 'v':
        return raster();
      case 'V':
        return cut();
      case '(':
        return gs_paren();
      case 'k':
        return barcode();
      case 'h':
      case 'w':
      case 'H':
      case 'f':
        return barcode_setting(c);
      case 'L':
      case 'W':
        if (left() < 4) return truncated("GS " + std::string(1, static_cast<char>(c)));
        return emit(CommandKind::Setting, 4, "GS " + std::string(1, static_cast<char>(c)));
      default:
        if (kGsOneParam.find(static_cast<char>(c)) != std::string_view::npos) {
          if (left() < 3) return truncated("GS " + std::string(1, static_cast<char>(c)));
          return emit(CommandKind::Setting, 3, "GS " + std::string(1, static_cast<char>(c)));
        }
        return emit(CommandKind::Unknown, 2, "GS " + hex(c));
    }
  }

  // GS v 0 m xL xH yL yH d1..dk, k = x * y; x bytes a row, y rows.
  void raster() {
    if (left() < 8) return truncated("GS v");
    if (at(2) != '0') return emit(CommandKind::Unknown, 3, "GS v " + hex(at(2)));
    const std::uint8_t m = at(3);
    const std::size_t x = at(4) | (static_cast<std::size_t>(at(5)) << 8);
    const std::size_t y = at(6) | (static_cast<std::size_t>(at(7)) << 8);
    const std::string name = "GS v 0 " + std::to_string(x) + "x" + std::to_string(y);
    if (!(m <= 3 || (m >= 48 && m <= 51))) return emit(CommandKind::Malformed, 8, name + " mode " + hex(m));
    if (x == 0 || y == 0) return emit(CommandKind::Malformed, 8, name + " (empty)");
    const std::size_t data = x * y;
    if (left() - 8 < data) {
      // A printer prints the rows that arrived before the stream stopped (paper out, unplug).
      const std::size_t rows = (left() - 8) / x;
      if (rows > 0) add_band(x, rows);
      return truncated(name + " after " + std::to_string(rows) + " rows");
    }
    add_band(x, y);
    emit(CommandKind::Raster, 8 + data, name + (m % 48 != 0 ? " scaled (rendered unscaled)" : ""));
    m_last_was_raster = true;
  }

  // Adds `rows` rows of `x` bytes that follow the 8-byte GS v 0 header at m_pos.
  void add_band(std::size_t x, std::size_t rows) {
    RasterImage band(static_cast<int>(x * 8), static_cast<int>(rows));
    std::copy_n(m_in.begin() + static_cast<std::ptrdiff_t>(m_pos + 8), x * rows, band.bytes().begin());
    auto* last = m_out.elements.empty() ? nullptr : std::get_if<RasterImage>(&m_out.elements.back());
    if (m_last_was_raster && last != nullptr && last->width() == band.width()) {
      last->append_rows(band);
    } else {
      m_out.elements.emplace_back(std::move(band));
    }
  }

  void cut() {
    if (left() < 3) return truncated("GS V");
    const std::uint8_t m = at(2);
    if (m == 0 || m == 48 || m == 1 || m == 49) {
      m_out.cuts.push_back(m % 48 == 0 ? Cut::Full : Cut::Partial);
      return emit(CommandKind::Cut, 3, m % 48 == 0 ? "GS V full" : "GS V partial");
    }
    if (m == 65 || m == 66) {
      if (left() < 4) return truncated("GS V");
      feed(at(3));
      m_out.cuts.push_back(m == 65 ? Cut::Full : Cut::Partial);
      return emit(CommandKind::Cut, 4, m == 65 ? "GS V feed+full" : "GS V feed+partial");
    }
    emit(CommandKind::Malformed, 3, "GS V " + hex(m));
  }

  // GS ( <fn> pL pH ...: every GS ( command carries its length, so unknown ones are skipped whole.
  void gs_paren() {
    if (left() < 5) return truncated("GS (");
    const std::uint8_t which = at(2);
    const std::size_t size = at(3) | (static_cast<std::size_t>(at(4)) << 8);
    const std::string name = "GS ( " + std::string(1, static_cast<char>(which));
    if (left() - 5 < size) return truncated(name);
    if (which != 'k') return emit(CommandKind::Setting, 5 + size, name);
    if (size < 2) return emit(CommandKind::Malformed, 5 + size, name + " too short");
    const std::uint8_t cn = at(5);
    const std::uint8_t fn = at(6);
    if (cn != 49)
      return emit(CommandKind::Setting, 5 + size, name + " symbol " + std::to_string(cn) + " (not rendered)");
    const std::size_t params = size - 2;
    auto param = [&](std::size_t i) { return at(7 + i); };
    switch (fn) {
      case 65:
        return emit(CommandKind::QrSetting, 5 + size, "QR model");
      case 67:
        if (params < 1 || param(0) < 1 || param(0) > 16)
          return emit(CommandKind::Malformed, 5 + size, "QR module size");
        m_qr.module_dots = param(0);
        return emit(CommandKind::QrSetting, 5 + size, "QR module " + std::to_string(param(0)));
      case 69:
        if (params < 1 || param(0) < 48 || param(0) > 51)
          return emit(CommandKind::Malformed, 5 + size, "QR error correction");
        m_qr.correction = static_cast<QrErrorCorrection>(param(0) - 48);
        return emit(CommandKind::QrSetting, 5 + size, "QR error correction");
      case 80:
        if (params < 1 || param(0) != 48) return emit(CommandKind::Malformed, 5 + size, "QR store");
        m_qr.data.assign(reinterpret_cast<const char*>(&m_in[m_pos + 8]), params - 1);
        m_qr_stored = !m_qr.data.empty();
        return emit(CommandKind::QrStore, 5 + size, "QR store " + std::to_string(params - 1) + " bytes");
      case 81:
        if (!m_qr_stored) return emit(CommandKind::Malformed, 5 + size, "QR print with no data stored");
        m_qr.justify = m_justify;
        m_out.elements.emplace_back(m_qr);
        return emit(CommandKind::QrPrint, 5 + size, "QR print");
      default:
        return emit(CommandKind::QrSetting, 5 + size, "QR function " + std::to_string(fn));
    }
  }

  void barcode_setting(std::uint8_t c) {
    const std::string name = "GS " + std::string(1, static_cast<char>(c));
    if (left() < 3) return truncated(name);
    const int n = at(2);
    if (c == 'h' && n >= 1) m_code.height_dots = n;
    if (c == 'w' && n >= 1 && n <= 6) m_code.module_dots = n;
    emit(CommandKind::BarcodeSetting, 3, name + " " + std::to_string(n));
  }

  void barcode() {
    if (left() < 3) return truncated("GS k");
    const std::uint8_t m = at(2);
    if (m <= 6) {  // function A: NUL-terminated data
      std::size_t end = 3;
      while (end < left() && at(end) != 0) ++end;
      if (end == left()) return truncated("GS k " + std::to_string(m));
      return emit(CommandKind::Barcode, end + 1, "GS k " + std::to_string(m) + " (not rendered)");
    }
    if (m < 65 || m > 79) return emit(CommandKind::Malformed, 3, "GS k " + hex(m));
    if (left() < 4) return truncated("GS k");
    const std::size_t n = at(3);
    if (left() - 4 < n) return truncated("GS k " + std::to_string(m));
    if (m != 73) return emit(CommandKind::Barcode, 4 + n, "GS k " + std::to_string(m) + " (not rendered)");
    auto text = decode_code128_payload(m_in.subspan(m_pos + 4, n));
    if (!text) return emit(CommandKind::Malformed, 4 + n, "Code 128: " + text.error().message);
    Code128 code = m_code;
    code.data = std::move(text).value();
    code.justify = m_justify;
    m_out.elements.emplace_back(code);
    emit(CommandKind::Barcode, 4 + n, "Code 128 \"" + code.data + "\"");
  }

  std::span<const std::uint8_t> m_in;
  std::size_t m_pos = 0;
  DecodedStream m_out;
  int m_line_dots = kDefaultLineDots;
  bool m_last_was_raster = false;
  QrCode m_qr;
  bool m_qr_stored = false;
  Code128 m_code;
  Justify m_justify = Justify::Left;  // the printer's state after ESC @ or power-on
};

}  // namespace

Result<std::string> decode_code128_payload(std::span<const std::uint8_t> payload) {
  if (payload.size() < 2 || payload[0] != '{' || (payload[1] < 'A' || payload[1] > 'C')) {
    return make_error("data must start with a code set selector {A, {B or {C");
  }
  std::string text;
  char set = static_cast<char>(payload[1]);
  for (std::size_t i = 2; i < payload.size(); ++i) {
    const std::uint8_t byte = payload[i];
    if (byte == '{') {
      if (i + 1 >= payload.size()) return make_error("selector cut short at the end");
      const std::uint8_t next = payload[++i];
      if (next >= 'A' && next <= 'C') {
        set = static_cast<char>(next);
      } else if (next == '{') {
        text += '{';
      } else if (next == 'S' || (next >= '1' && next <= '4')) {
        // Shift and FNC1..4 carry no text.
      } else {
        return make_error("unknown selector {" + std::string(1, static_cast<char>(next)));
      }
      continue;
    }
    if (set == 'C') {
      if (byte > 99) return make_error("code set C value " + std::to_string(byte) + " above 99");
      text += static_cast<char>('0' + byte / 10);
      text += static_cast<char>('0' + byte % 10);
    } else {
      if (byte > 127 || (set == 'B' && byte < 32))
        return make_error("byte " + hex(byte) + " not in code set");
      text += static_cast<char>(byte);
    }
  }
  return text;
}

DecodedStream decode(std::span<const std::uint8_t> bytes) { return Decoder(bytes).run(); }

}  // namespace pk::escpos
