#pragma once
// Writes an RGBA8 image to a PNG file (screenshots, receipt previews, test artefacts).
#include <cstdint>
#include <filesystem>
#include <span>

#include "domain/result.h"

namespace pk::ui {

// rgba: width*height pixels, 4 bytes each (R, G, B, A), rows top to bottom.
Result<void> write_png_rgba(const std::filesystem::path& file, std::span<const uint8_t> rgba, int width,
                            int height);

}  // namespace pk::ui
