#pragma once
// Finding QR and Code 128 codes on a scanned page with ZXing-C++. Codes are found in any
// rotation; each one says how it is turned, which is how the pipeline knows a sheet was fed
// upside down. A code ZXing locates but cannot read (damaged, smudged, half cut) is returned
// too, as Unreadable, so that the page is flagged instead of silently treated as code-free.
#include <cstdint>
#include <string>
#include <vector>

#include "imaging/page.h"

namespace pk::imaging {

enum class CodeFormat : std::uint8_t { Qr, Code128, Other };
enum class CodeReadability : std::uint8_t { Read, Unreadable };

struct PageCode {
  CodeFormat format = CodeFormat::Other;
  std::string text;  // UTF-8; empty when Unreadable
  CodeReadability readability = CodeReadability::Read;
  int orientation_degrees = 0;  // how the code is turned on the page: 0, 90, 180 or -90 (about)
  std::string problem;          // why it could not be read
};

[[nodiscard]] std::vector<PageCode> find_codes(const imaging::Page& page);

}  // namespace pk::imaging
