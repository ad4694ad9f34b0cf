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

// reader: the card reader's wording moved here from drivers/cardreader (the driver reports
// CardState and ReadFailure only).
TEST(DeviceWords, EveryCardStateHasBothLanguagesAndNoTwoAlike) {
  using cardreader::CardState;
  expect_worded({CardState::NoReader, CardState::NoCard, CardState::CardPresent, CardState::Connected,
                 CardState::CardMute, CardState::RemovedMidRead, CardState::ReaderBusy, CardState::Unplugged,
                 CardState::Error});
  EXPECT_NE(device_words(CardState::CardMute, Language::English).find("flat and still"),
            std::string_view::npos);
}

TEST(DeviceWords, EveryPassportReadOutcomeHasBothLanguagesAndNoTwoAlike) {
  using cardreader::icao::ReadFailure;
  expect_worded({ReadFailure::None, ReadFailure::NoReader, ReadFailure::NoCard, ReadFailure::CardMute,
                 ReadFailure::CardRemoved, ReadFailure::ReaderBusy, ReadFailure::NotAPassport,
                 ReadFailure::AccessDenied, ReadFailure::Malformed, ReadFailure::HashMismatch,
                 ReadFailure::ReaderError});
  // Mistyped numbers: the citizen is told to compare them with the photo page.
  EXPECT_NE(device_words(ReadFailure::AccessDenied, Language::Persian).find("نمی‌خواند"),
            std::string_view::npos);
  // A failure of the reader itself reads as the reader's state does.
  EXPECT_EQ(device_words(ReadFailure::ReaderBusy, Language::Persian),
            device_words(cardreader::CardState::ReaderBusy, Language::Persian));
}

// Dari reads the Persian rows; Pashto has rows of its own, in Arabic script.
TEST(DeviceWords, CardWordsInDariAndPashto) {
  using cardreader::icao::ReadFailure;
  EXPECT_EQ(std::string_view(device_words(ReadFailure::AccessDenied, Language::Dari)),
            device_words(ReadFailure::AccessDenied, Language::Persian));
  const auto pashto = device_words(ReadFailure::AccessDenied, Language::Pashto);
  EXPECT_TRUE(arabic_script(pashto)) << pashto;
  EXPECT_NE(pashto, device_words(ReadFailure::AccessDenied, Language::Persian));
}

}  // namespace
}  // namespace pk::kiosk
