#include "kiosk/capture.h"

#include "base/secure_wipe.h"
#include "drivers/scanner/pipeline/page_codec.h"  // encode_jpeg
#include "drivers/scanner/pipeline/page_ops.h"    // make_thumbnail
#include "kiosk/device_words.h"

namespace pk::kiosk {

Result<CapturedPage> capture_page(scanner::ScannerDriver& scanner, uint64_t preview_id, Language language) {
  // A document at a kiosk lies on the flatbed; grey at 200 dpi is legible and small.
  if (auto started =
          scanner.start({.source = scanner::Source::Flatbed, .mode = scanner::ColorMode::Gray, .dpi = 200});
      !started)
    return make_error(error_kind_of(scanner.status()), std::string(device_words(scanner.status(), language)));
  auto page = scanner.next_page();
  if (!page)
    return make_error(error_kind_of(scanner.status()), std::string(device_words(scanner.status(), language)));
  if (!page.value())
    return make_error(ErrorKind::NoMedia,
                      std::string(device_words(scanner::ScannerStatus::NoDocuments, language)));
  scanner::Page& scanned = *page.value();

  CapturedPage out;
  auto jpeg = scanner::encode_jpeg(scanned, 80);
  if (!jpeg) {
    secure_wipe(scanned.pixels);
    return jpeg.error();
  }
  out.jpeg = std::move(jpeg.value());
  const scanner::Page preview = scanner::make_thumbnail(scanned, 480);
  secure_wipe(scanned.pixels);
  out.preview_width = preview.width;
  out.preview_height = preview.height;
  out.preview_id = preview_id;
  out.preview_rgba.resize(static_cast<size_t>(preview.width) * preview.height * 4);
  for (size_t i = 0, n = static_cast<size_t>(preview.width) * preview.height; i < n; ++i) {
    const uint8_t* p = &preview.pixels[i * static_cast<size_t>(preview.channels)];
    const bool grey = preview.channels == 1;
    out.preview_rgba[i * 4 + 0] = p[0];
    out.preview_rgba[i * 4 + 1] = grey ? p[0] : p[1];
    out.preview_rgba[i * 4 + 2] = grey ? p[0] : p[2];
    out.preview_rgba[i * 4 + 3] = 255;
  }
  return out;
}

}  // namespace pk::kiosk
