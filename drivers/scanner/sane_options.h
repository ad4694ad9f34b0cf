#pragma once
// Setting SANE options by name, the way every SANE frontend must: backends name their values
// differently ("ADF Duplex", "Automatic Document Feeder", "Lineart", "Black & White"), so the
// scanner's settings are matched to whatever the device offers.
#include <sane/sane.h>
#include <sane/saneopts.h>

#include <string>
#include <string_view>

#include "domain/result.h"
#include "drivers/scanner/scanner.h"

namespace pk::scanner::sane_options {

// The source value set; "" when the device has no source option and Flatbed was asked (a
// flatbed-only scanner). A feeder asked of a device without one is an error.
[[nodiscard]] Result<std::string> set_source(SANE_Handle handle, Source source);
// The mode set; an empty string when BlackWhite fell back to Gray (the caller thresholds).
[[nodiscard]] Result<std::string> set_mode(SANE_Handle handle, ColorMode mode);
// The resolution the device accepted, nearest to `dpi` when it has a fixed list or range.
[[nodiscard]] Result<int> set_resolution(SANE_Handle handle, int dpi);
// Any option from text ("yes", "12", "12.5", "Solid white"), for technicians and tests.
[[nodiscard]] Result<void> set_text(SANE_Handle handle, std::string_view name, std::string_view value);

}  // namespace pk::scanner::sane_options
