// The kiosk words the drivers' states for a citizen (Persian) and an operator (English).
#include "kiosk/device_words.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>

namespace pk::kiosk {
namespace {

// Persian text is Arabic script: its first letter's UTF-8 lead byte is 0xD8..0xDB.
bool arabic_script(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text.front());
  return lead >= 0xD8 && lead <= 0xDB;
}

// Every state has words in both languages (Persian in Arabic script, English not), and no two
// states of a device read alike in Persian.
template <class Status>
void expect_worded(std::initializer_list<Status> statuses) {
  std::set<std::string_view> seen;
  for (Status status : statuses) {
    const auto fa = device_words(status, Language::Persian);
    const auto en = device_words(status, Language::English);
    ASSERT_FALSE(fa.empty());
    ASSERT_FALSE(en.empty());
    EXPECT_TRUE(arabic_script(fa)) << fa;
    EXPECT_FALSE(arabic_script(en)) << en;
    EXPECT_TRUE(seen.insert(fa).second) << fa;
  }
}

TEST(DeviceWords, EveryPrinterStateHasBothLanguagesAndNoTwoAlike) {
  expect_worded({PrinterStatus::Online, PrinterStatus::PaperOut, PrinterStatus::PaperNearEnd,
                 PrinterStatus::CoverOpen, PrinterStatus::Error, PrinterStatus::Offline});
  EXPECT_NE(device_words(PrinterStatus::PaperOut, Language::Persian).find("کاغذ"), std::string_view::npos);
  EXPECT_NE(device_words(PrinterStatus::CoverOpen, Language::English).find("cover"), std::string_view::npos);
}

TEST(DeviceWords, EveryScannerStatusHasBothLanguagesAndNoTwoAlike) {
  using scanner::ScannerStatus;
  expect_worded({ScannerStatus::Ready, ScannerStatus::NoDocuments, ScannerStatus::Jammed,
                 ScannerStatus::CoverOpen, ScannerStatus::Busy, ScannerStatus::Unplugged,
                 ScannerStatus::Error});
  // A jam keeps the pages already scanned: both languages say so.
  EXPECT_NE(device_words(ScannerStatus::Jammed, Language::English).find("kept"), std::string_view::npos);
  EXPECT_NE(device_words(ScannerStatus::Jammed, Language::Persian).find("نگه داشته"), std::string_view::npos);
}

}  // namespace
}  // namespace pk::kiosk
