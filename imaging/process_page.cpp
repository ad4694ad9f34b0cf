#include <algorithm>
#include <cstdlib>

#include "base/secure_wipe.h"
#include "imaging/page_hash.h"
#include "imaging/page_ops.h"
#include "imaging/page_pipeline.h"

namespace pk::imaging {
namespace {

bool upside_down(const PageCode& code) {
  return code.readability == CodeReadability::Read && std::abs(code.orientation_degrees) > 135;
}

void add_review(ProcessedPage& out, ReviewReason reason) {
  if (std::find(out.review.begin(), out.review.end(), reason) == out.review.end())
    out.review.push_back(reason);
}

void classify(ProcessedPage& out) {
  for (const PageCode& code : out.codes) {
    if (code.readability == CodeReadability::Unreadable) {
      add_review(out, ReviewReason::UnreadableCode);
      continue;
    }
    switch (classify_code(code.text)) {
      case CodeKind::CoverSheet:
        if (!out.cover_sheet) {
          out.cover_sheet = parse_cover_sheet(code.text).value();
        } else if (*out.cover_sheet != parse_cover_sheet(code.text).value()) {
          add_review(out, ReviewReason::BrokenCoverSheet);  // two different cover codes: which one?
        }
        break;
      case CodeKind::BrokenCoverSheet:
        add_review(out, ReviewReason::BrokenCoverSheet);
        break;
      case CodeKind::TrackingCode:  // a receipt scanned with the papers: the operator decides
      case CodeKind::Foreign:
        add_review(out, ReviewReason::ForeignCode);
        break;
    }
  }
}

}  // namespace

ProcessedPage process_page(Page page, const PipelineOptions& options) {
  ProcessedPage out;
  out.sequence = page.sequence;
  out.dpi = page.dpi;
  out.blank = is_blank(page);
  // A blank side has no code worth the decoder's time (the slowest step on a full page).
  if (!out.blank && options.codes == CodeSearch::On) out.codes = imaging::find_codes(page);
  if (options.orientation == OrientationFix::FromCodes &&
      std::any_of(out.codes.begin(), out.codes.end(), upside_down)) {
    rotate_180(page);
    out.rotated_180 = true;
    for (auto& code : out.codes)
      code.orientation_degrees =
          code.orientation_degrees > 0 ? code.orientation_degrees - 180 : code.orientation_degrees + 180;
  }
  classify(out);
  out.width = page.width;
  out.height = page.height;
  out.channels = page.channels;
  const bool bilevel = is_bilevel(page);
  out.encoding = bilevel ? PageEncoding::PngBilevel : PageEncoding::Jpeg;
  auto encoded = bilevel ? encode_bilevel_png(page) : encode_jpeg(page, options.jpeg_quality);
  if (encoded) {
    out.bytes = std::move(encoded).value();
    out.sha256 = sha256_of(out.bytes);
  } else {
    out.problem = encoded.error().message;
    add_review(out, ReviewReason::NotEncoded);
  }
  out.thumbnail = make_thumbnail(page, options.thumbnail_side);
  if (options.raw_pixels == RawPixels::Wipe) secure_wipe(page.pixels);
  return out;
}

}  // namespace pk::imaging
