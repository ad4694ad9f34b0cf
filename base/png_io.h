#pragma once
// PNG files of 1-bit images, for the simulated printer and for tests that look at its output.
#include <filesystem>

#include "base/raster_image.h"
#include "domain/result.h"

namespace pk {

// Black dots become black pixels on white paper.
[[nodiscard]] Result<void> write_png(const std::filesystem::path& path, const RasterImage& image);
// Any PNG, converted to gray; pixels darker than mid-gray become dots.
[[nodiscard]] Result<RasterImage> read_png(const std::filesystem::path& path);

}  // namespace pk
