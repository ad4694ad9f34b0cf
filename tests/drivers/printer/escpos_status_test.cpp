#include <gtest/gtest.h>

#include "drivers/printer/escpos.h"

namespace pk {
namespace {

using escpos::StatusReply;

// The fixed bits of every status byte per the Epson reference (bits 1 and 4 on, bits 0 and 7
// off): 0x12 is what an idle, healthy printer answers to each DLE EOT n.
constexpr std::uint8_t kBase = 0x12;
constexpr std::uint8_t with(int bit) { return static_cast<std::uint8_t>(kBase | (1U << bit)); }

struct Case {
  const char* name;
  StatusReply reply;
  PrinterStatus expected;
};

class StatusDecoding : public ::testing::TestWithParam<Case> {};

TEST_P(StatusDecoding, DecodesTheState) {
  auto status = escpos::decode_status(GetParam().reply);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*status, GetParam().expected) << to_string(*status);
}

INSTANTIATE_TEST_SUITE_P(
    EachState, StatusDecoding,
    ::testing::Values(
        Case{"online", {kBase, kBase, kBase, kBase}, PrinterStatus::Online},
        Case{"near_end_bit2", {kBase, kBase, kBase, with(2)}, PrinterStatus::PaperNearEnd},
        Case{"near_end_bits23", {kBase, kBase, kBase, 0x1E}, PrinterStatus::PaperNearEnd},
        Case{"paper_end_roll", {with(3), kBase, kBase, 0x72}, PrinterStatus::PaperOut},
        Case{"paper_end_stop", {with(3), with(5), kBase, kBase}, PrinterStatus::PaperOut},
        Case{"cover_open", {with(3), with(2), kBase, kBase}, PrinterStatus::CoverOpen},
        Case{"cover_open_wins_over_paper", {with(3), 0x36, kBase, 0x72}, PrinterStatus::CoverOpen},
        Case{"offline_cause_error", {with(3), with(6), kBase, kBase}, PrinterStatus::Error},
        Case{"cutter_error", {with(3), with(6), with(3), kBase}, PrinterStatus::Error},
        Case{"unrecoverable", {with(3), kBase, with(5), kBase}, PrinterStatus::Error},
        Case{"offline_no_cause", {with(3), kBase, kBase, kBase}, PrinterStatus::Offline}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(StatusDecoding, GarbageBytesAreNotAStatus) {
  // Bits 1 and 4 must be 1; bits 0 and 7 must be 0. 0x02 lacks the fixed bit 4.
  for (std::uint8_t garbage : {0x00, 0x02, 0x10, 0x13, 0x92, 0xFF, 0x82, 0x41}) {
    for (int slot = 0; slot < 4; ++slot) {
      StatusReply reply;
      std::uint8_t* bytes[] = {&reply.printer, &reply.offline_cause, &reply.error_cause, &reply.roll_paper};
      *bytes[slot] = garbage;
      auto status = escpos::decode_status(reply);
      ASSERT_FALSE(status.ok()) << "byte " << int(garbage) << " in slot " << slot;
      EXPECT_NE(status.error().message.find("DLE EOT " + std::to_string(slot + 1)), std::string::npos)
          << status.error().message;
    }
  }
}

TEST(StatusDecoding, EveryValidByteDecodesAndEveryInvalidOneIsRejected) {
  int valid = 0;
  for (int byte = 0; byte < 256; ++byte) {
    const auto b = static_cast<std::uint8_t>(byte);
    const bool bit0 = (b & 0x01) != 0, bit1 = (b & 0x02) != 0, bit4 = (b & 0x10) != 0, bit7 = (b & 0x80) != 0;
    const bool expect_valid = bit1 && bit4 && !bit0 && !bit7;
    EXPECT_EQ(escpos::is_status_byte(b), expect_valid) << byte;
    valid += expect_valid ? 1 : 0;
    EXPECT_EQ(escpos::decode_status(StatusReply{b, kBase, kBase, kBase}).ok(), expect_valid);
  }
  EXPECT_EQ(valid, 16);  // 4 free bits: 2, 3, 5, 6
}

TEST(StatusDecoding, RequestBytesAreDleEot) {
  EXPECT_EQ(escpos::status_request(escpos::StatusQuery::RollPaper), (escpos::Bytes{0x10, 0x04, 4}));
  EXPECT_EQ(escpos::status_request(escpos::StatusQuery::Printer), (escpos::Bytes{0x10, 0x04, 1}));
}

// The driver's own line is for the log: English, one per state. (The words a person reads are
// the kiosk's: tests/kiosk/device_words_test.cpp.)
TEST(StatusMessages, EveryStateHasALogLine) {
  for (auto status : {PrinterStatus::Online, PrinterStatus::PaperOut, PrinterStatus::PaperNearEnd,
                      PrinterStatus::CoverOpen, PrinterStatus::Error, PrinterStatus::Offline}) {
    const auto line = describe(status);
    ASSERT_FALSE(line.empty());
    EXPECT_LT(static_cast<unsigned char>(line.front()), 0x80) << line;
  }
  EXPECT_NE(describe(PrinterStatus::CoverOpen).find("cover"), std::string_view::npos);
}

}  // namespace
}  // namespace pk
