#include "receipts/receipt_render.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

#include "receipts/code_drawing.h"
#include "receipts/coverage_canvas.h"
#include "receipts/logo.h"

namespace pk::receipts {
namespace {

constexpr int kMinWidthDots = 128;
constexpr int kMinContentDots = 96;

// Em sizes in dots at 203 dpi: Normal (26 dots, 3.3 mm) is the smallest Persian size whose
// dots and joins survive a worn head; Huge is for the tracking code, read aloud at a counter.
float size_dots(TextSize size) {
  switch (size) {
    case TextSize::Small:
      return 22.0F;
    case TextSize::Normal:
      return 26.0F;
    case TextSize::Large:
      return 33.0F;
    case TextSize::Huge:
      return 50.0F;
  }
  return 26.0F;
}

ui::TextAlign to_ui(Align align) {
  switch (align) {
    case Align::Start:
      return ui::TextAlign::Start;
    case Align::Center:
      return ui::TextAlign::Center;
    case Align::End:
      return ui::TextAlign::End;
  }
  return ui::TextAlign::Start;
}

class BlockRenderer {
 public:
  BlockRenderer(ui::TextEngine& engine, const RenderOptions& options, Language language, RenderedReceipt& out)
      : m_engine(engine),
        m_options(options),
        m_rtl(is_rtl(language)),
        m_content(options.width_dots - 2 * options.margin_dots),
        m_out(out) {}

  [[nodiscard]] Result<void> operator()(const Logo&) {
    push(draw_logo(m_options.width_dots, m_options.width_dots >= kDots80mm ? 104 : 88));
    gap(6);
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Title& title) {
    paragraph(title.text, TextSize::Large, Emphasis::Bold, Align::Center);
    gap(4);
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Text& text) {
    paragraph(text.text, text.size, text.emphasis, text.align);
    return {};
  }

  [[nodiscard]] Result<void> operator()(const KeyValue& row) {
    // The label keeps at most ~45 % of the row; the value takes the rest of the row at the end
    // edge and wraps within it, so a long service title never runs under its label.
    const float label_box = std::floor(static_cast<float>(m_content) * 0.45F);
    const ui::TextLayout label =
        m_engine.layout_uncached(row.label, style(TextSize::Normal, Emphasis::Bold, Align::Start, label_box));
    constexpr int kGap = 16;
    const float value_box = static_cast<float>(m_content) - std::ceil(label.natural_width) - kGap;
    ui::TextLayout value = m_engine.layout_uncached(
        row.value, style(TextSize::Normal, Emphasis::Regular, Align::End, value_box));
    // A value that wraps reads as a paragraph in its own column: its lines start next to the
    // label instead of each ending ragged against the far edge.
    if (value.line_count() > 1) {
      value = m_engine.layout_uncached(row.value,
                                       style(TextSize::Normal, Emphasis::Regular, Align::Start, value_box));
    }
    const int start_edge = m_rtl ? m_options.margin_dots + m_content : m_options.margin_dots;
    const int label_x = m_rtl ? start_edge - static_cast<int>(label_box) : start_edge;
    const int value_x =
        m_rtl ? m_options.margin_dots : m_options.margin_dots + m_content - static_cast<int>(value_box);
    draw({{&label, label_x, Emphasis::Bold}, {&value, value_x, Emphasis::Regular}});
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Qr& qr) {
    auto strip = draw_qr(qr.data, m_options.width_dots, m_content);
    if (!strip) return strip.error();
    m_out.strips.emplace_back(std::move(strip).value());
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Barcode128& code) {
    auto strip = draw_code128(code.data, m_options.width_dots, m_content);
    if (!strip) return strip.error();
    m_out.strips.emplace_back(std::move(strip).value());
    return {};
  }

  [[nodiscard]] Result<void> operator()(const DashedRule&) {
    constexpr int kHeight = 22;
    constexpr int kDash = 10;
    constexpr int kSpace = 6;
    RasterImage strip(m_options.width_dots, kHeight);
    for (int x = 0; x < m_content; ++x) {
      if (x % (kDash + kSpace) >= kDash) continue;
      for (int y = kHeight / 2 - 1; y <= kHeight / 2; ++y) strip.set_dot(m_options.margin_dots + x, y, true);
    }
    push(std::move(strip));
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Spacer& spacer) {
    gap(std::clamp(spacer.dots, 0, 2000));
    return {};
  }

  [[nodiscard]] Result<void> operator()(const Footer& footer) {
    gap(8);
    paragraph(footer.text, TextSize::Small, Emphasis::Regular, Align::Center);
    return {};
  }

 private:
  struct Placed {
    const ui::TextLayout* layout;
    int x;
    Emphasis emphasis;
  };

  [[nodiscard]] ui::TextStyle style(TextSize size, Emphasis emphasis, Align align, float max_width) const {
    ui::TextStyle s;
    s.size_px = size_dots(size);
    s.weight = emphasis == Emphasis::Bold ? ui::Weight::Bold : ui::Weight::Regular;
    s.max_width = max_width;
    s.align = to_ui(align);
    s.direction = m_rtl ? ui::BaseDirection::RightToLeft : ui::BaseDirection::LeftToRight;
    return s;
  }

  void paragraph(const std::string& text, TextSize size, Emphasis emphasis, Align align) {
    const auto width = static_cast<float>(m_content);
    ui::TextStyle s = style(size, emphasis, align, width);
    ui::TextLayout layout = m_engine.layout_uncached(text, s);
    // Huge text is a code to be read as one piece: shrink it onto one line rather than wrap.
    if (size == TextSize::Huge && (layout.line_count() > 1 || layout.natural_width > width)) {
      s.max_width = 0;
      const ui::TextLayout natural = m_engine.layout_uncached(text, s);
      s.size_px = std::floor(s.size_px * width / std::max(natural.natural_width, 1.0F) * 0.98F);
      s.max_width = width;
      layout = m_engine.layout_uncached(text, s);
    }
    draw({{&layout, m_options.margin_dots, emphasis}});
  }

  // Draws layouts side by side in one strip tall enough for all their ink: the line box,
  // stretched where a glyph reaches above or below it (marks over a bold Huge line).
  void draw(std::initializer_list<Placed> row) {
    float top = 0;
    float bottom = 0;
    for (const Placed& placed : row) {
      bottom = std::max(bottom, placed.layout->size.y);
      for (const auto& glyph : placed.layout->glyphs) {
        if (glyph.page == nullptr) continue;
        top = std::min(top, glyph.y0);
        bottom = std::max(bottom, glyph.y1);
      }
    }
    const int shift = static_cast<int>(std::ceil(-top));
    const int height = shift + static_cast<int>(std::ceil(bottom));
    RasterImage strip(m_options.width_dots, height);
    for (const Placed& placed : row) {
      CoverageCanvas canvas(m_options.width_dots, height);
      canvas.draw(m_engine, *placed.layout, placed.x, shift);
      canvas.add_dots(
          placed.emphasis == Emphasis::Bold ? m_options.bold_ink_threshold : m_options.ink_threshold, strip);
    }
    push(std::move(strip));
  }

  void gap(int dots) {
    if (dots > 0) push(RasterImage(m_options.width_dots, dots));
  }

  // Neighbouring raster strips are merged: fewer, larger images for the job builder.
  void push(RasterImage image) {
    if (!m_out.strips.empty()) {
      if (auto* last = std::get_if<RasterImage>(&m_out.strips.back())) {
        last->append_rows(image);
        return;
      }
    }
    m_out.strips.emplace_back(std::move(image));
  }

  ui::TextEngine& m_engine;
  const RenderOptions& m_options;
  bool m_rtl;
  int m_content;
  RenderedReceipt& m_out;
};

}  // namespace

Result<std::unique_ptr<ReceiptRenderer>> ReceiptRenderer::create() {
  auto engine = ui::TextEngine::create(ui::FontPaths::debian_noto());
  if (!engine) return engine.error();
  return std::unique_ptr<ReceiptRenderer>(new ReceiptRenderer(std::move(engine).value()));
}

ReceiptRenderer::ReceiptRenderer(std::unique_ptr<ui::TextEngine> owned)
    : m_owned(std::move(owned)), m_engine(m_owned.get()) {}

Result<RenderedReceipt> ReceiptRenderer::render(const Receipt& receipt, const RenderOptions& options) {
  if (options.width_dots < kMinWidthDots) {
    return make_error("receipt width " + std::to_string(options.width_dots) + " dots is below " +
                      std::to_string(kMinWidthDots));
  }
  if (options.margin_dots < 0 || options.width_dots - 2 * options.margin_dots < kMinContentDots) {
    return make_error("margins of " + std::to_string(options.margin_dots) + " dots leave no room on " +
                      std::to_string(options.width_dots) + " dots");
  }
  RenderedReceipt out;
  out.width_dots = options.width_dots;
  BlockRenderer renderer(*m_engine, options, receipt.language, out);
  for (const Block& block : receipt.blocks) {
    Result<void> done = std::visit(renderer, block);
    if (!done) return done.error();
  }
  return out;
}

Result<RasterImage> ReceiptRenderer::render_raster(const Receipt& receipt, const RenderOptions& options) {
  auto rendered = render(receipt, options);
  if (!rendered) return rendered.error();
  return rendered->flatten();
}

}  // namespace pk::receipts
