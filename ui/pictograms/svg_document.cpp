#include "ui/pictograms/svg_document.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>

namespace pk::ui {

struct SvgDocument::Handle {
  RsvgHandle* rsvg = nullptr;
  ~Handle() {
    if (rsvg) g_object_unref(rsvg);
  }
};

namespace {

Error malformed(std::string_view name, std::string_view why) {
  return Error{std::string(name) + ": " + std::string(why), ErrorKind::Malformed};
}

std::string take_message(GError* error, std::string_view fallback) {
  if (!error) return std::string(fallback);
  std::string message = error->message ? error->message : std::string(fallback);
  g_error_free(error);
  return message;
}

}  // namespace

SvgDocument::SvgDocument(std::unique_ptr<Handle> handle, std::string name)
    : m_handle(std::move(handle)), m_name(std::move(name)) {}
SvgDocument::SvgDocument(SvgDocument&&) noexcept = default;
SvgDocument& SvgDocument::operator=(SvgDocument&&) noexcept = default;
SvgDocument::~SvgDocument() = default;

Result<SvgDocument> SvgDocument::parse(std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return malformed(name, "empty file, not an SVG document");
  if (bytes.size() > kMaxBytes)
    return malformed(name, "larger than " + std::to_string(kMaxBytes) + " bytes; a pictogram is a few lines");
  GError* error = nullptr;
  // From memory, with no base file: librsvg then loads nothing the document refers to.
  RsvgHandle* rsvg =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &error);
  if (!rsvg) return malformed(name, "not an SVG document: " + take_message(error, "librsvg refused it"));
  auto handle = std::make_unique<Handle>();
  handle->rsvg = rsvg;
  gboolean has_width = FALSE;
  gboolean has_height = FALSE;
  gboolean has_viewbox = FALSE;
  RsvgLength width{};
  RsvgLength height{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(rsvg, &has_width, &width, &has_height, &height, &has_viewbox,
                                       &viewbox);
  if (!has_viewbox || !(viewbox.width > 0) || !(viewbox.height > 0))
    return malformed(name, "no viewBox (pictograms are drawn on a viewBox such as \"0 0 48 48\")");
  SvgDocument document(std::move(handle), std::string(name));
  // A document that draws nothing would be a blank box on screen: refuse it here, once, on a
  // small drawing (any line leaves some ink at 24 px; start-up draws each one several times).
  if (auto probe = document.coverage(24); !probe) return probe.error();
  return document;
}

Result<std::vector<uint8_t>> SvgDocument::coverage(int pixels, Mirror mirror) const {
  if (pixels <= 0 || pixels > kMaxPixels)
    return malformed(m_name, "cannot be drawn " + std::to_string(pixels) + " pixels wide");
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels, pixels);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Error{m_name + ": no memory for a " + std::to_string(pixels) + " pixel image", ErrorKind::Io};
  }
  cairo_t* cr = cairo_create(surface);
  if (mirror == Mirror::Yes) {
    cairo_translate(cr, pixels, 0);
    cairo_scale(cr, -1, 1);
  }
  const RsvgRectangle viewport{0, 0, static_cast<double>(pixels), static_cast<double>(pixels)};
  GError* error = nullptr;
  const bool drawn = rsvg_handle_render_document(m_handle->rsvg, cr, &viewport, &error) != FALSE;
  cairo_destroy(cr);
  std::vector<uint8_t> out;
  if (drawn) {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    out.resize(static_cast<size_t>(pixels) * static_cast<size_t>(pixels));
    bool any_ink = false;
    for (int y = 0; y < pixels; ++y) {
      const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
      for (int x = 0; x < pixels; ++x) {
        // Premultiplied ARGB: alpha less the brightest channel is the dark part of the paint,
        // so black ink counts fully and white paint counts as none.
        const uint32_t p = row[x];
        const uint32_t a = p >> 24;
        const uint32_t bright = std::max({(p >> 16) & 0xFFu, (p >> 8) & 0xFFu, p & 0xFFu});
        const auto ink = static_cast<uint8_t>(a > bright ? a - bright : 0);
        out[static_cast<size_t>(y) * static_cast<size_t>(pixels) + static_cast<size_t>(x)] = ink;
        any_ink = any_ink || ink != 0;
      }
    }
    if (!any_ink) out.clear();
  }
  cairo_surface_destroy(surface);
  if (!drawn)
    return malformed(m_name, "librsvg could not draw it: " + take_message(error, "no reason given"));
  if (out.empty()) return malformed(m_name, "draws no dark ink (pictograms are dark lines on nothing)");
  return out;
}

}  // namespace pk::ui
