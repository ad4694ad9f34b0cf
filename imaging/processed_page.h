#pragma once
// What the page pipeline hands back for each scanned page: ready to seal into the store
// (compressed bytes and their SHA-256), a thumbnail for the review screen, and what was found
// on the page. Sealing is the caller's: it holds the centre's key and the Store.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "imaging/cover_sheet.h"
#include "imaging/page.h"
#include "imaging/page_codec.h"
#include "imaging/page_codes.h"
#include "imaging/page_hash.h"

namespace pk::imaging {

// Why the operator should look at a page. Such pages are kept in the stack like every other.
enum class ReviewReason : std::uint8_t {
  UnreadableCode,    // a code was found but could not be read
  ForeignCode,       // a code that is not ours (printed on the citizen's document)
  BrokenCoverSheet,  // PKSH... that does not parse: damaged, newer version or forged
  NotEncoded,        // compression failed; `problem` says why (the raw page is lost to the store)
};

struct ProcessedPage {
  int sequence = 0;  // from the scanner: the position in the stack
  int width = 0;
  int height = 0;
  int channels = 1;
  int dpi = 0;
  PageEncoding encoding = PageEncoding::Jpeg;
  std::vector<std::uint8_t> bytes;
  Sha256 sha256{};
  Page thumbnail;
  bool blank = false;
  bool rotated_180 = false;  // it was fed upside down and has been turned
  std::vector<PageCode> codes;
  std::optional<CoverSheet> cover_sheet;  // this page starts a document
  std::vector<ReviewReason> review;
  std::string problem;
};

}  // namespace pk::imaging
