#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "drivers/scanner/pipeline/page_ops.h"
#include "drivers/scanner/pipeline/page_pipeline.h"

namespace pk::scanner {
namespace {

Sha256 hash(const std::vector<std::uint8_t>& bytes) {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // libsodium cannot run at all: nothing here is safe
  });
  Sha256 digest{};
  crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
  return digest;
}

bool upside_down(const barcode::PageCode& code) {
  return code.readability == barcode::CodeReadability::Read && std::abs(code.orientation_degrees) > 135;
}

void add_review(ProcessedPage& out, ReviewReason reason) {
  if (std::find(out.review.begin(), out.review.end(), reason) == out.review.end())
    out.review.push_back(reason);
}

void classify(ProcessedPage& out) {
  for (const barcode::PageCode& code : out.codes) {
    if (code.readability == barcode::CodeReadability::Unreadable) {
      add_review(out, ReviewReason::UnreadableCode);
      continue;
    }
    switch (barcode::classify_code(code.text)) {
      case barcode::CodeKind::CoverSheet:
        if (!out.cover_sheet) {
          out.cover_sheet = barcode::parse_cover_sheet(code.text).value();
        } else if (*out.cover_sheet != barcode::parse_cover_sheet(code.text).value()) {
          add_review(out, ReviewReason::BrokenCoverSheet);  // two different cover codes: which one?
        }
        break;
      case barcode::CodeKind::BrokenCoverSheet:
        add_review(out, ReviewReason::BrokenCoverSheet);
        break;
      case barcode::CodeKind::TrackingCode:  // a receipt scanned with the papers: the operator decides
      case barcode::CodeKind::Foreign:
        add_review(out, ReviewReason::ForeignCode);
        break;
    }
  }
}

}  // namespace

std::string sha256_hex(const Sha256& digest) {
  std::string hex;
  hex.reserve(64);
  char pair[3];
  for (std::uint8_t b : digest) {
    std::snprintf(pair, sizeof pair, "%02x", b);
    hex += pair;
  }
  return hex;
}

ProcessedPage process_page(Page page, const PipelineOptions& options) {
  ProcessedPage out;
  out.sequence = page.sequence;
  out.dpi = page.dpi;
  out.blank = is_blank(page);
  // A blank side has no code worth the decoder's time (the slowest step on a full page).
  if (!out.blank && options.codes == CodeSearch::On) out.codes = barcode::find_codes(page);
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
    out.sha256 = hash(out.bytes);
  } else {
    out.problem = encoded.error().message;
    add_review(out, ReviewReason::NotEncoded);
  }
  out.thumbnail = make_thumbnail(page, options.thumbnail_side);
  return out;
}

}  // namespace pk::scanner
