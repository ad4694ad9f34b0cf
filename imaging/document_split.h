#pragma once
// Splitting a scanned stack into documents at its cover sheets. Every page ends up in exactly
// one document: pages before the first cover sheet form a document with no cover (the operator
// assigns it), a cover sheet's own page is recorded as the cover, not as content, and blank
// pages are either kept in place or set aside in blank_pages - never dropped.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "imaging/cover_sheet.h"
#include "imaging/processed_page.h"

namespace pk::imaging {

struct PageMarks {
  int sequence = 0;
  bool blank = false;
  std::optional<CoverSheet> cover_sheet;
};
[[nodiscard]] PageMarks marks_of(const ProcessedPage& page);

enum class BlankPages : std::uint8_t { Keep, SetAside };

struct ScannedDocument {
  std::optional<CoverSheet> cover;  // std::nullopt: pages before the first cover sheet
  int cover_sequence = 0;           // the cover sheet's page; 0 without one
  std::vector<int> pages;           // content pages, in stack order
  std::vector<int> blank_pages;     // with BlankPages::SetAside
};

[[nodiscard]] std::vector<ScannedDocument> split_documents(std::span<const PageMarks> stack,
                                                           BlankPages blanks);

}  // namespace pk::imaging
