#pragma once
// A QR code as a small SVG document (one path of dark modules, a quiet zone of four), for the
// console to show and print: a TOTP app's set-up URI, an enrollment code.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::centre {

[[nodiscard]] Result<std::string> qr_svg(std::string_view text);

}  // namespace pk::centre
