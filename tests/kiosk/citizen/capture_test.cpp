// The kiosk's capture (kiosk/citizen/capture.h) goes through imaging's page steps, as the counter's
// pages do: a real simulated flatbed page, really encoded, checked by decoding it again.
#include "kiosk/citizen/capture.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "drivers/scanner/sim_scanner.h"
#include "imaging/page_codec.h"
#include "imaging/page_codes.h"
#include "imaging/page_hash.h"

namespace pk::kiosk {
namespace {

class Capture : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(m_scanner.open()); }
  scanner::SimScanner m_scanner{7};
};

TEST_F(Capture, APageIsEncodedWithItsHashAndAPreview) {
  ASSERT_TRUE(m_scanner.inject("LOAD 1 text"));
  auto page = capture_page(m_scanner, 41, Language::Persian);
  ASSERT_TRUE(page) << page.error().message;
  // A grey scan of a printed page is not black-and-white: a JPEG, as the kiosk always stored.
  EXPECT_EQ(page->encoding, imaging::PageEncoding::Jpeg);
  EXPECT_EQ(imaging::mime_type(page->encoding), "image/jpeg");
  EXPECT_EQ(page->sha256, imaging::sha256_of(page->bytes)) << "the pipeline's hash, of these bytes";
  auto decoded = imaging::decode_jpeg(page->bytes);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->channels, 1);
  EXPECT_GT(decoded->width, 1000);  // the whole page at 200 dpi, not the preview
  EXPECT_EQ(page->preview_id, 41U);
  EXPECT_EQ(std::max(page->preview_width, page->preview_height), 480);
  EXPECT_EQ(page->preview_rgba.size(), static_cast<size_t>(page->preview_width) * page->preview_height * 4);
}

TEST_F(Capture, AnEmptyGlassIsNoDocumentNotABlankPage) {
  auto page = capture_page(m_scanner, 1, Language::English);  // nothing loaded: an empty glass
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().kind, ErrorKind::NoMedia);
  EXPECT_FALSE(page.error().message.empty());
}

TEST_F(Capture, AnUpsideDownDocumentIsTurnedBeforeItIsEncoded) {
  ASSERT_TRUE(m_scanner.inject("LOAD 1 flip:qr:PKSH1|KIOSK-1|passport"));
  auto page = capture_page(m_scanner, 2, Language::Persian);
  ASSERT_TRUE(page) << page.error().message;
  // The stored bytes are already upright: the code reads the right way up.
  const auto codes = imaging::find_codes(imaging::decode_jpeg(page->bytes).value());
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes.front().text, "PKSH1|KIOSK-1|passport");
  EXPECT_LT(std::abs(codes.front().orientation_degrees), 45);
}

TEST_F(Capture, AScannerFaultIsReportedWithItsKind) {
  ASSERT_TRUE(m_scanner.inject("COVER_OPEN"));
  auto page = capture_page(m_scanner, 3, Language::Persian);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().kind, ErrorKind::DeviceFault);
}

}  // namespace
}  // namespace pk::kiosk
