#include <algorithm>
#include <string>

#include "drivers/printer/escpos.h"

namespace pk::escpos {
namespace {

void put16(Bytes& out, int value) {
  out.push_back(static_cast<std::uint8_t>(value & 0xFF));
  out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFF));
}

// GS ( k pL pH cn fn [data]: pL pH count cn, fn and data.
void put_qr_function(Bytes& out, std::uint8_t fn, std::span<const std::uint8_t> data) {
  out.insert(out.end(), {GS, '(', 'k'});
  put16(out, static_cast<int>(data.size()) + 2);
  out.push_back(49);  // cn = 49: QR Code
  out.push_back(fn);
  out.insert(out.end(), data.begin(), data.end());
}

[[nodiscard]] bool all_digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void append_init(Bytes& out) { out.insert(out.end(), {ESC, '@'}); }

void append_justify(Bytes& out, Justify justify) {
  out.insert(out.end(), {ESC, 'a', static_cast<std::uint8_t>(justify == Justify::Center ? 1 : 0)});
}

void append_raster(Bytes& out, const RasterImage& image, int band_rows) {
  band_rows = std::clamp(band_rows, kMinBandRows, kMaxBandRows);
  const int stride = image.stride();
  for (int top = 0; top < image.height(); top += band_rows) {
    const int rows = std::min(band_rows, image.height() - top);
    out.insert(out.end(), {GS, 'v', '0', 0});  // m = 0: normal density
    put16(out, stride);
    put16(out, rows);
    const auto* first = image.row(top);
    out.insert(out.end(), first, first + static_cast<std::size_t>(stride) * rows);
  }
}

void append_feed_dots(Bytes& out, int dots) {
  while (dots > 0) {
    const int step = std::min(dots, 255);
    out.insert(out.end(), {ESC, 'J', static_cast<std::uint8_t>(step)});
    dots -= step;
  }
}

void append_feed_lines(Bytes& out, int lines) {
  while (lines > 0) {
    const int step = std::min(lines, 255);
    out.insert(out.end(), {ESC, 'd', static_cast<std::uint8_t>(step)});
    lines -= step;
  }
}

void append_cut(Bytes& out, Cut cut) {
  if (cut == Cut::None) return;
  out.insert(out.end(), {GS, 'V', static_cast<std::uint8_t>(cut == Cut::Full ? 0 : 1)});
}

Result<void> append_qr(Bytes& out, const QrCode& qr) {
  // Model 2 QR holds at most 7089 numeric / 2953 bytes; the store command's length is 16-bit.
  if (qr.data.empty() || qr.data.size() > 2953) {
    return make_error("QR data must be 1..2953 bytes, got " + std::to_string(qr.data.size()));
  }
  if (qr.module_dots < 1 || qr.module_dots > 16) {
    return make_error("QR module size must be 1..16 dots, got " + std::to_string(qr.module_dots));
  }
  const std::uint8_t model[] = {50, 0};  // model 2
  put_qr_function(out, 65, model);
  const std::uint8_t size[] = {static_cast<std::uint8_t>(qr.module_dots)};
  put_qr_function(out, 67, size);
  const std::uint8_t ecc[] = {static_cast<std::uint8_t>(48 + static_cast<int>(qr.correction))};
  put_qr_function(out, 69, ecc);
  // m = 48, then the data; sized up front (GCC 12 warns falsely on insert into a 1-byte vector).
  Bytes store(1 + qr.data.size());
  store[0] = 48;
  std::copy(qr.data.begin(), qr.data.end(), store.begin() + 1);
  put_qr_function(out, 80, store);
  const std::uint8_t print[] = {48};
  put_qr_function(out, 81, print);
  return {};
}

Result<void> append_code128(Bytes& out, const Code128& code) {
  if (code.data.empty()) return make_error("Code 128 data is empty");
  for (char c : code.data) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 32 || u > 126) return make_error("Code 128 data must be printable ASCII: \"" + code.data + "\"");
  }
  if (code.module_dots < 1 || code.module_dots > 6 || code.height_dots < 1 || code.height_dots > 255) {
    return make_error("Code 128 module 1..6 and height 1..255 dots required");
  }
  // Code set C packs two digits a symbol: tracking codes are digits and print half as wide.
  Bytes payload;
  if (code.data.size() % 2 == 0 && all_digits(code.data)) {
    payload = {'{', 'C'};
    for (std::size_t i = 0; i < code.data.size(); i += 2) {
      payload.push_back(static_cast<std::uint8_t>((code.data[i] - '0') * 10 + (code.data[i + 1] - '0')));
    }
  } else {
    payload = {'{', 'B'};
    for (char c : code.data) {
      payload.push_back(static_cast<std::uint8_t>(c));
      if (c == '{') payload.push_back('{');  // "{{" is a literal brace in the data
    }
  }
  if (payload.size() > 255) return make_error("Code 128 data too long: " + std::to_string(code.data.size()));
  out.insert(out.end(), {GS, 'h', static_cast<std::uint8_t>(code.height_dots)});
  out.insert(out.end(), {GS, 'w', static_cast<std::uint8_t>(code.module_dots)});
  out.insert(out.end(), {GS, 'H', 2});  // human-readable digits below the bars
  out.insert(out.end(), {GS, 'k', 73, static_cast<std::uint8_t>(payload.size())});
  out.insert(out.end(), payload.begin(), payload.end());
  return {};
}

Result<Bytes> encode_job(const PrintJob& job, Cut cut, const EncodeOptions& options) {
  Bytes out;
  append_init(out);
  for (const PrintElement& element : job.elements) {
    if (const auto* image = std::get_if<RasterImage>(&element)) {
      if (image->stride() > kMaxRasterWidthBytes) return make_error("raster image too wide");
      append_raster(out, *image, options.band_rows);
    } else if (const auto* qr = std::get_if<QrCode>(&element)) {
      append_justify(out, qr->justify);
      if (auto done = append_qr(out, *qr); !done) return done.error();
      append_justify(out, Justify::Left);  // raster bands are always full width from the left
    } else if (const auto* code = std::get_if<Code128>(&element)) {
      append_justify(out, code->justify);
      if (auto done = append_code128(out, *code); !done) return done.error();
      append_justify(out, Justify::Left);
    } else if (const auto* feed = std::get_if<Feed>(&element)) {
      append_feed_dots(out, feed->dots);
    }
  }
  if (cut != Cut::None) {
    append_feed_lines(out, options.feed_lines_before_cut);
    append_cut(out, cut);
  }
  return out;
}

}  // namespace pk::escpos
