#pragma once
// Compressing pages for the store. Gray and colour pages become baseline JPEG (libjpeg-turbo's
// TurboJPEG API: the fastest encoder on Debian, and every viewer reads it). Black-and-white
// pages become 1-bit PNG: lossless, about as small as JPEG of the gray page for text, readable
// by any browser at the centre, and libpng is already a dependency. (CCITT G4 TIFF would be
// 2-3x smaller still but needs libtiff and a TIFF viewer at the centre; see the README.)
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "imaging/page.h"

namespace pk::imaging {

enum class PageEncoding : std::uint8_t { Jpeg, PngBilevel };

// The MIME type a page's bytes are stored and delivered under (documents.mime, the wire's
// page manifest): "image/jpeg" or "image/png".
[[nodiscard]] constexpr std::string_view mime_type(PageEncoding encoding) {
  return encoding == PageEncoding::PngBilevel ? "image/png" : "image/jpeg";
}

// quality 1..100; 4:2:0 chroma for colour, which halves the size of colour pages.
[[nodiscard]] Result<std::vector<std::uint8_t>> encode_jpeg(const Page& page, int quality);
// Gray pixels below 128 are black.
[[nodiscard]] Result<std::vector<std::uint8_t>> encode_bilevel_png(const Page& page);

// Back to pixels, for review screens and tests: JPEG to gray or RGB as stored, PNG to gray.
[[nodiscard]] Result<Page> decode_jpeg(std::span<const std::uint8_t> bytes);
[[nodiscard]] Result<Page> decode_png(std::span<const std::uint8_t> bytes);

}  // namespace pk::imaging
