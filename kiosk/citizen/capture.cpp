#include "kiosk/citizen/capture.h"

#include <algorithm>

#include "base/secure_wipe.h"
#include "imaging/cover_sheet.h"
#include "imaging/page_pipeline.h"  // process_page
#include "kiosk/device_words.h"

namespace pk::kiosk {
namespace {

// A document at a kiosk lies on the flatbed; grey at 200 dpi is legible and small.
constexpr scanner::ScanSettings kFlatbedPage{
    .source = scanner::Source::Flatbed, .mode = scanner::ColorMode::Gray, .dpi = 200};

// The counter's pipeline options, with the kiosk's preview size. One page at a time, on the
// thread that asked: the citizen waits for this page anyway, so no worker thread is started.
constexpr imaging::PipelineOptions kCaptureOptions{
    .workers = 1,
    .max_pages_in_flight = 1,
    .jpeg_quality = 80,
    .thumbnail_side = 480,
    .codes = imaging::CodeSearch::On,
    .orientation = imaging::OrientationFix::FromCodes,
    .raw_pixels = imaging::RawPixels::Wipe,
};

PageCodeMeaning meaning_of(const imaging::PageCode& code) {
  if (code.readability == imaging::CodeReadability::Unreadable) return PageCodeMeaning::Unreadable;
  switch (imaging::classify_code(code.text)) {
    case imaging::CodeKind::CoverSheet:
    case imaging::CodeKind::BrokenCoverSheet:  // ours, damaged or newer: still not the citizen's document
      return PageCodeMeaning::CoverSheet;
    case imaging::CodeKind::TrackingCode:
      return PageCodeMeaning::TrackingCode;
    case imaging::CodeKind::Foreign:
      break;
  }
  return PageCodeMeaning::Other;
}

// What the page's codes mean to the citizen, one line each, at most one line per meaning but
// Other (a document may carry several codes of its own).
std::vector<PageCodeSeen> codes_seen(const std::vector<imaging::PageCode>& codes) {
  std::vector<PageCodeSeen> seen;
  for (const imaging::PageCode& code : codes) {
    const PageCodeMeaning meaning = meaning_of(code);
    const bool told = std::any_of(seen.begin(), seen.end(), [&](const PageCodeSeen& s) {
      return s.meaning == meaning && (meaning != PageCodeMeaning::Other || s.text == code.text);
    });
    if (told) continue;
    seen.push_back({meaning, meaning == PageCodeMeaning::Other ? code.text : std::string()});
  }
  return seen;
}

Error scanner_error(scanner::ScannerStatus status, Language language) {
  return make_error(error_kind_of(status), std::string(device_words(status, language)));
}

}  // namespace

Result<CapturedPage> capture_page(scanner::ScannerDriver& scanner, uint64_t preview_id, Language language) {
  if (auto started = scanner.start(kFlatbedPage); !started) return scanner_error(scanner.status(), language);
  auto page = scanner.next_page();
  if (!page) return scanner_error(scanner.status(), language);
  if (!page.value()) return scanner_error(scanner::ScannerStatus::NoDocuments, language);

  imaging::ProcessedPage processed = imaging::process_page(std::move(*page.value()), kCaptureOptions);
  // An empty glass scans as a blank page: the citizen is asked to lay the document down, in
  // the words the scanner's "no documents" has, rather than a blank page being kept.
  if (processed.blank) {
    secure_wipe(processed.bytes);
    secure_wipe(processed.thumbnail.pixels);
    return make_error(ErrorKind::NoMedia,
                      std::string(device_words(scanner::ScannerStatus::NoDocuments, language)));
  }
  if (processed.bytes.empty()) {
    secure_wipe(processed.thumbnail.pixels);
    return make_error("the scanned page could not be encoded: " + processed.problem);
  }

  CapturedPage out;
  out.encoding = processed.encoding;
  out.bytes = std::move(processed.bytes);
  out.sha256 = processed.sha256;
  out.preview_width = processed.thumbnail.width;
  out.preview_height = processed.thumbnail.height;
  out.preview_id = preview_id;
  out.preview_rgba = imaging::to_rgba(processed.thumbnail);
  out.codes = codes_seen(processed.codes);
  secure_wipe(processed.thumbnail.pixels);
  return out;
}

}  // namespace pk::kiosk
