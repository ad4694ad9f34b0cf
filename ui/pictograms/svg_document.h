#pragma once
// One SVG pictogram, parsed once by librsvg and rasterised on demand into an 8-bit coverage
// image: how much ink each pixel has. Ink is any dark paint; white paint is a knockout (it
// clears what is under it, as a white disc behind a clock face does), so the image can be
// tinted with any colour at draw time, like a glyph.
//
// librsvg does the parsing; this wrapper refuses what it cannot draw well: bytes librsvg
// rejects, a document without a viewBox (it would not scale), one larger than kMaxBytes, and
// one that draws no ink at all (it would show as a blank box).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::ui {

enum class Mirror : uint8_t { No, Yes };  // Yes: flipped left to right (arrows in right-to-left)

class SvgDocument {
 public:
  static constexpr size_t kMaxBytes = 256 * 1024;  // the shipped pictograms are under 1 KiB
  static constexpr int kMaxPixels = 1024;          // largest side coverage() renders

  // `name` is used in messages ("service-03.svg: ..."). Errors are ErrorKind::Malformed.
  [[nodiscard]] static Result<SvgDocument> parse(std::string_view bytes, std::string_view name);
  SvgDocument(SvgDocument&&) noexcept;
  SvgDocument& operator=(SvgDocument&&) noexcept;
  ~SvgDocument();

  // The document's viewBox drawn into a `pixels` x `pixels` square (aspect kept, centred),
  // row-major, one coverage byte per pixel (0 = no ink, 255 = full ink). Fails when librsvg
  // cannot render it or when it has no ink at that size.
  [[nodiscard]] Result<std::vector<uint8_t>> coverage(int pixels, Mirror mirror = Mirror::No) const;
  [[nodiscard]] const std::string& name() const { return m_name; }

 private:
  struct Handle;
  SvgDocument(std::unique_ptr<Handle> handle, std::string name);
  std::unique_ptr<Handle> m_handle;
  std::string m_name;
};

}  // namespace pk::ui
