// The kiosk words the drivers' states for a citizen (Persian) and an operator (English).
#include "kiosk/device_words.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace pk::kiosk {
namespace {

// Persian text is Arabic script: its first letter's UTF-8 lead byte is 0xD8..0xDB.
bool arabic_script(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text.front());
  return lead >= 0xD8 && lead <= 0xDB;
}

TEST(DeviceWords, EveryPrinterStateHasBothLanguagesAndNoTwoAlike) {
  std::set<std::string_view> seen;
  for (auto status : {PrinterStatus::Online, PrinterStatus::PaperOut, PrinterStatus::PaperNearEnd,
                      PrinterStatus::CoverOpen, PrinterStatus::Error, PrinterStatus::Offline}) {
    const auto fa = device_words(status, Language::Persian);
    const auto en = device_words(status, Language::English);
    ASSERT_FALSE(fa.empty());
    ASSERT_FALSE(en.empty());
    EXPECT_TRUE(arabic_script(fa)) << fa;
    EXPECT_FALSE(arabic_script(en)) << en;
    EXPECT_TRUE(seen.insert(fa).second) << fa;
  }
  EXPECT_NE(device_words(PrinterStatus::PaperOut, Language::Persian).find("کاغذ"), std::string_view::npos);
  EXPECT_NE(device_words(PrinterStatus::CoverOpen, Language::English).find("cover"), std::string_view::npos);
}

TEST(DeviceWords, EveryScannerStatusHasBothLanguagesAndNoTwoAlike) {
  std::set<std::string_view> seen;
  for (auto status :
       {scanner::ScannerStatus::Ready, scanner::ScannerStatus::NoDocuments, scanner::ScannerStatus::Jammed,
        scanner::ScannerStatus::CoverOpen, scanner::ScannerStatus::Busy, scanner::ScannerStatus::Unplugged,
        scanner::ScannerStatus::Error}) {
    const auto fa = device_words(status, Language::Persian);
    const auto en = device_words(status, Language::English);
    ASSERT_FALSE(fa.empty());
    ASSERT_FALSE(en.empty());
    EXPECT_TRUE(arabic_script(fa)) << fa;
    EXPECT_FALSE(arabic_script(en)) << en;
    EXPECT_TRUE(seen.insert(fa).second) << fa;
  }
  // A jam keeps the pages already scanned: both languages say so.
  EXPECT_NE(device_words(scanner::ScannerStatus::Jammed, Language::English).find("kept"),
            std::string_view::npos);
  EXPECT_NE(device_words(scanner::ScannerStatus::Jammed, Language::Persian).find("نگه داشته"),
            std::string_view::npos);
}

}  // namespace
}  // namespace pk::kiosk
