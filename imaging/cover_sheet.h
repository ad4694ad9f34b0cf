#pragma once
// Cover sheets: the sheet an operator puts in front of each document of a stack, with a QR
// code that says which application and which required document the pages after it belong to.
// The payload is versioned so that later terminals can add fields without old ones misreading
// them:
//   PKSH1|<application id>|<document type>
//   application id: 1..40 of A-Z a-z 0-9 and '-' (a tracking code's digits, or the store's id)
//   document type:  1..40 of a-z 0-9 '_' and '-' (the catalog's RequiredDocument::kind)
// The parser is strict: any other byte, field count, empty field, or unknown version is
// refused, because a code that is almost ours is a page to show the operator, not to guess.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::imaging {

inline constexpr std::string_view kCoverSheetMagic = "PKSH";
inline constexpr int kCoverSheetVersion = 1;
inline constexpr std::size_t kCoverSheetFieldMax = 40;

struct CoverSheet {
  std::string application_id;
  std::string document_type;
  friend bool operator==(const CoverSheet&, const CoverSheet&) = default;
};

[[nodiscard]] Result<CoverSheet> parse_cover_sheet(std::string_view payload);
// The payload to print on a cover sheet; refuses fields the parser would refuse.
[[nodiscard]] Result<std::string> format_cover_sheet(const CoverSheet& sheet);

// What a code found on a page is, as far as the stack is concerned.
enum class CodeKind : std::uint8_t {
  CoverSheet,        // parses: starts a document
  BrokenCoverSheet,  // starts with PKSH but does not parse (newer version, damaged, forged)
  TrackingCode,      // a receipt's tracking code (opens a status check at the kiosk)
  Foreign,           // anything else: a code printed on the citizen's own document
};
[[nodiscard]] CodeKind classify_code(std::string_view payload);

}  // namespace pk::imaging
