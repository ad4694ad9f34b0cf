#include "drivers/scanner/page_synth.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>

namespace pk::scanner {
namespace {

constexpr std::uint8_t kPaper = 238;
constexpr std::uint8_t kInk = 28;

// SplitMix64: fast, and the same sequence on every compiler (std:: distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int between(int low, int high) {  // inclusive
    return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
  }

 private:
  std::uint64_t m_state;
};

// A gray sheet being drawn; converted to the scan's colour mode at the end.
class Canvas {
 public:
  Canvas(int dpi, Random& random) : m_dpi(dpi), m_random(random) {
    m_page.width = mm_to_px(kA4WidthMm, dpi);
    m_page.height = mm_to_px(kA4HeightMm, dpi);
    m_page.dpi = dpi;
    m_page.pixels.resize(m_page.expected_size());
    // Paper grain: a little noise around the paper's level, 4 pixels per random draw.
    for (std::size_t i = 0; i < m_page.pixels.size(); i += 4) {
      std::uint64_t bits = m_random.next();
      for (std::size_t k = i; k < std::min(i + 4, m_page.pixels.size()); ++k, bits >>= 8) {
        m_page.pixels[k] = static_cast<std::uint8_t>(kPaper - 3 + static_cast<int>(bits & 7));
      }
    }
  }

  [[nodiscard]] int px(double mm) const { return mm_to_px(mm, m_dpi); }
  [[nodiscard]] int width() const { return m_page.width; }
  [[nodiscard]] int height() const { return m_page.height; }
  Random& random() { return m_random; }

  void fill(int x0, int y0, int x1, int y1, std::uint8_t value) {
    x0 = std::clamp(x0, 0, width());
    x1 = std::clamp(x1, 0, width());
    y0 = std::clamp(y0, 0, height());
    y1 = std::clamp(y1, 0, height());
    for (int y = y0; y < y1; ++y) {
      std::fill_n(m_page.pixels.begin() + static_cast<std::ptrdiff_t>(y) * width() + x0, std::max(0, x1 - x0),
                  value);
    }
  }
  void set(int x, int y, std::uint8_t value) {
    if (x >= 0 && y >= 0 && x < width() && y < height())
      m_page.pixels[static_cast<std::size_t>(y) * width() + x] = value;
  }

  // One line of joined, Persian-looking words from right to left: a baseline stroke per word,
  // letters as strokes rising above it or dropping below, and dots.
  void text_line(int left, int right, int baseline, double scale, std::uint8_t ink) {
    const int stroke = std::max(1, px(0.35 * scale));
    int x = right;
    const int end = left + (right - left) * m_random.between(60, 100) / 100;
    while (x > end) {
      const int letters = m_random.between(2, 7);
      const int glyph = px(1.7 * scale);
      const int word_left = x - letters * glyph;
      if (word_left < left) break;
      fill(word_left, baseline - stroke, x, baseline, ink);
      for (int i = 0; i < letters; ++i) {
        const int gx = x - i * glyph - m_random.between(0, glyph / 2);
        const int kind = m_random.between(0, 9);
        if (kind < 3)
          fill(gx - stroke, baseline - px(3.0 * scale), gx, baseline, ink);  // alef, lam
        else if (kind < 5)
          fill(gx - stroke, baseline - stroke, gx, baseline + px(1.2 * scale), ink);  // descender
        else if (kind < 7)
          fill(gx - glyph / 2, baseline - px(1.4 * scale), gx, baseline - px(1.4 * scale) + stroke, ink);
        if (kind == 7 || kind == 8) {  // dots above or below
          const int dy = kind == 7 ? -px(2.0 * scale) : px(0.9 * scale);
          fill(gx - glyph / 2, baseline + dy, gx - glyph / 2 + stroke, baseline + dy + stroke, ink);
        }
      }
      x = word_left - px(2.0 * scale);
    }
  }

  void paragraph(int top, int bottom, int left, int right, double scale, std::uint8_t ink) {
    const int pitch = px(6.5 * scale);
    for (int baseline = top + pitch; baseline < bottom; baseline += pitch) {
      if (m_random.between(0, 11) == 0) continue;  // a paragraph break
      text_line(left, right, baseline, scale, ink);
    }
  }

  // A photo: smooth gradients and rings, the kind of content JPEG is made for.
  void photo(int x0, int y0, int x1, int y1) {
    const double cx = (x0 + x1) / 2.0;
    const double cy = (y0 + y1) / 3.0 + y0 / 1.5;
    const double phase = m_random.between(0, 628) / 100.0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        const double r = std::hypot(x - cx, y - cy) / px(4.0);
        const double v = 120 + 60 * std::sin(r + phase) + 40.0 * (x - x0) / std::max(1, x1 - x0) -
                         30.0 * (y - y0) / std::max(1, y1 - y0);
        set(x, y, static_cast<std::uint8_t>(std::clamp(v, 10.0, 245.0)));
      }
    }
  }

  void bits(const ZXing::BitMatrix& matrix, int x0, int y0, int module_w, int module_h) {
    for (int my = 0; my < matrix.height(); ++my) {
      for (int mx = 0; mx < matrix.width(); ++mx) {
        if (!matrix.get(mx, my)) continue;
        fill(x0 + mx * module_w, y0 + my * module_h, x0 + (mx + 1) * module_w, y0 + (my + 1) * module_h,
             kInk);
      }
    }
  }

  void rotate_180() { std::reverse(m_page.pixels.begin(), m_page.pixels.end()); }
  Page take() { return std::move(m_page); }

 private:
  int m_dpi;
  Random& m_random;
  Page m_page;
};

void draw_qr(Canvas& canvas, const std::string& payload) {
  const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                          .setMargin(0)
                          .setEncoding(ZXing::CharacterSet::UTF8)
                          .encode(payload, 0, 0);
  const int module = std::max(2, canvas.px(0.8));
  const int size = matrix.width() * module;
  canvas.bits(matrix, canvas.width() - canvas.px(25) - size, canvas.px(25), module, module);
}

void draw_code128(Canvas& canvas, const std::string& payload) {
  const auto matrix =
      ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(payload, 0, 1);
  const int module = std::max(2, canvas.px(0.3));
  canvas.bits(matrix, canvas.px(25), canvas.px(25), module, canvas.px(12));
}

Page to_mode(Page gray, ColorMode mode) {
  if (mode == ColorMode::BlackWhite) {
    for (auto& p : gray.pixels) p = p < 128 ? 0 : 255;
    return gray;
  }
  if (mode == ColorMode::Gray) return gray;
  // Colour: slightly warm paper, blue-black ink, the photo tinted.
  Page rgb = gray;
  rgb.channels = 3;
  rgb.pixels.resize(gray.pixels.size() * 3);
  for (std::size_t i = 0; i < gray.pixels.size(); ++i) {
    const int v = gray.pixels[i];
    rgb.pixels[i * 3] = static_cast<std::uint8_t>(std::min(255, v + 4));
    rgb.pixels[i * 3 + 1] = static_cast<std::uint8_t>(v);
    rgb.pixels[i * 3 + 2] = static_cast<std::uint8_t>(std::min(255, v < 128 ? v + 30 : v - 6));
  }
  return rgb;
}

bool has_space_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

}  // namespace

int mm_to_px(double mm, int dpi) { return static_cast<int>(std::lround(mm * dpi / 25.4)); }

Result<SheetSpec> parse_sheet_spec(std::string_view word) {
  SheetSpec spec;
  if (word.starts_with("flip:")) {
    spec.orientation = SheetOrientation::UpsideDown;
    word.remove_prefix(5);
  }
  auto payload_after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (!word.starts_with(prefix)) return std::nullopt;
    return std::string(word.substr(prefix.size()));
  };
  if (word == "text") {
    spec.content = SheetContent::Text;
  } else if (word == "photo") {
    spec.content = SheetContent::Photo;
  } else if (word == "blank") {
    spec.content = SheetContent::Blank;
  } else if (auto qr = payload_after("qr:") ? payload_after("qr:") : payload_after("barcode:")) {
    spec.content = SheetContent::Qr;
    spec.payload = *qr;
  } else if (auto code = payload_after("code128:")) {
    spec.content = SheetContent::Code128;
    spec.payload = *code;
    if (std::any_of(code->begin(), code->end(), [](char c) { return c < 32 || c > 126; })) {
      return make_error("Code 128 payload must be printable ASCII: \"" + *code + "\"");
    }
  } else {
    return make_error("unknown sheet \"" + std::string(word) +
                      "\" (text, photo, blank, qr:<payload>, code128:<payload>)");
  }
  if ((spec.content == SheetContent::Qr || spec.content == SheetContent::Code128) &&
      (spec.payload.empty() || has_space_or_control(spec.payload))) {
    return make_error("a barcode sheet needs a payload without spaces: \"" + std::string(word) + "\"");
  }
  return spec;
}

Page render_sheet(const SheetSpec& sheet, ColorMode mode, int dpi, std::uint64_t seed) {
  Random random(seed);
  Canvas canvas(dpi, random);
  const int left = canvas.px(20);
  const int right = canvas.width() - canvas.px(20);
  const int bottom = canvas.height() - canvas.px(20);
  switch (sheet.content) {
    case SheetContent::Blank:
      break;
    case SheetContent::Text:
      canvas.text_line(left + canvas.px(40), right - canvas.px(40), canvas.px(30), 1.6, kInk);  // a heading
      canvas.paragraph(canvas.px(38), bottom, left, right, 1.0, kInk);
      break;
    case SheetContent::Photo:
      canvas.paragraph(canvas.px(20), canvas.px(70), left, right, 1.0, kInk);
      canvas.photo(left + canvas.px(30), canvas.px(80), right - canvas.px(30), canvas.px(200));
      canvas.paragraph(canvas.px(205), bottom, left, right, 1.0, kInk);
      break;
    case SheetContent::Qr:
      draw_qr(canvas, sheet.payload);
      canvas.text_line(left, right - canvas.px(80), canvas.px(40), 1.6, kInk);
      canvas.paragraph(canvas.px(90), canvas.px(160), left, right, 1.0, kInk);
      break;
    case SheetContent::Code128:
      draw_code128(canvas, sheet.payload);
      canvas.paragraph(canvas.px(50), bottom, left, right, 1.0, kInk);
      break;
  }
  if (sheet.orientation == SheetOrientation::UpsideDown) canvas.rotate_180();
  return to_mode(canvas.take(), mode);
}

Page render_blank_back(ColorMode mode, int dpi, std::uint64_t seed) {
  Random random(seed);
  Canvas canvas(dpi, random);
  // Show-through of the front: faint, wide, far lighter than ink.
  for (int y = canvas.px(30); y < canvas.height() - canvas.px(30); y += canvas.px(6.5)) {
    canvas.fill(canvas.px(20), y, canvas.width() - canvas.px(20 + random.between(0, 60)), y + canvas.px(1.5),
                kPaper - 12);
  }
  for (int speck = 0; speck < 6; ++speck) {  // dust
    const int x = random.between(0, canvas.width() - 3);
    const int y = random.between(0, canvas.height() - 3);
    canvas.fill(x, y, x + 2, y + 2, 60);
  }
  return to_mode(canvas.take(), mode);
}

}  // namespace pk::scanner
