// Keyboard-wedge decoding with key events as evdev delivers them (EV_MSC scan codes and
// EV_SYN reports between the keys), including Shift, Caps Lock, the keypad, and the kernel's
// SYN_DROPPED when its event buffer overflowed.
#include <gtest/gtest.h>

#include <linux/input-event-codes.h>

#include <initializer_list>
#include <vector>

#include "drivers/barcode/key_wedge_decoder.h"

namespace pk::barcode {
namespace {

// A recording: press and release of each key, each followed by EV_SYN, as `evtest` shows.
struct Recording {
  std::vector<KeyEvent> events;
  Recording& key(std::uint16_t code) { return press(code).release(code); }
  Recording& press(std::uint16_t code) {
    events.push_back({EV_MSC, MSC_SCAN, 0x70000 + code});
    events.push_back({EV_KEY, code, 1});
    events.push_back({EV_SYN, SYN_REPORT, 0});
    return *this;
  }
  Recording& release(std::uint16_t code) {
    events.push_back({EV_KEY, code, 0});
    events.push_back({EV_SYN, SYN_REPORT, 0});
    return *this;
  }
  Recording& shifted(std::uint16_t code) { return press(KEY_LEFTSHIFT).key(code).release(KEY_LEFTSHIFT); }
  Recording& typed(std::initializer_list<std::uint16_t> codes) {
    for (auto code : codes) key(code);
    return *this;
  }
  // The kernel's buffer overflowed: what it had queued for us is gone, and it says so.
  Recording& dropped() {
    events.push_back({EV_SYN, SYN_DROPPED, 0});
    return *this;
  }
};

std::vector<DecodedScan> decode(KeyWedgeDecoder& decoder, const Recording& recording) {
  std::vector<DecodedScan> out;
  for (const KeyEvent& event : recording.events) {
    if (auto done = decoder.feed(event)) out.push_back(std::move(*done));
  }
  return out;
}

TEST(KeyWedge, DigitsFromTheMainRowThenEnter) {
  Recording r;
  for (auto code : {KEY_1, KEY_0, KEY_0, KEY_4, KEY_2}) r.key(code);
  r.key(KEY_ENTER);
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "10042");
  EXPECT_FALSE(scans[0].unknown_keys);
}

TEST(KeyWedge, ShiftMakesCapitalsAndSymbols) {
  Recording r;
  r.shifted(KEY_P)
      .shifted(KEY_K)
      .shifted(KEY_S)
      .shifted(KEY_H)
      .key(KEY_1)
      .shifted(KEY_BACKSLASH)
      .shifted(KEY_A)
      .key(KEY_MINUS)
      .key(KEY_7)
      .shifted(KEY_BACKSLASH)
      .key(KEY_P)
      .key(KEY_A)
      .key(KEY_S)
      .key(KEY_S)
      .shifted(KEY_MINUS)
      .key(KEY_KPENTER);
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "PKSH1|A-7|pass_");
}

TEST(KeyWedge, RightShiftHeldAcrossKeys) {
  Recording r;
  r.press(KEY_RIGHTSHIFT).key(KEY_A).key(KEY_2).release(KEY_RIGHTSHIFT).key(KEY_A).key(KEY_ENTER);
  KeyWedgeDecoder decoder;
  EXPECT_EQ(decode(decoder, r).at(0).text, "A@a");
}

TEST(KeyWedge, KeypadDigitsAndOperators) {
  Recording r;
  for (auto code : {KEY_NUMLOCK, KEY_KP1, KEY_KP2, KEY_KPMINUS, KEY_KP9, KEY_KPDOT, KEY_KP0, KEY_KPASTERISK,
                    KEY_KPSLASH, KEY_KPPLUS})
    r.key(code);
  r.key(KEY_KPENTER);
  KeyWedgeDecoder decoder;
  EXPECT_EQ(decode(decoder, r).at(0).text, "12-9.0*/+");
}

TEST(KeyWedge, CapsLockInvertsLettersOnly) {
  Recording r;
  r.key(KEY_CAPSLOCK).key(KEY_A).key(KEY_1).shifted(KEY_B).key(KEY_CAPSLOCK).key(KEY_C).key(KEY_ENTER);
  KeyWedgeDecoder decoder;
  EXPECT_EQ(decode(decoder, r).at(0).text, "A1bc");
}

TEST(KeyWedge, TwoScansInOneReadAndEmptyLinesIgnored) {
  Recording r;
  r.key(KEY_ENTER).key(KEY_1).key(KEY_ENTER).key(KEY_ENTER).key(KEY_2).key(KEY_ENTER);
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_EQ(scans[0].text, "1");
  EXPECT_EQ(scans[1].text, "2");
}

TEST(KeyWedge, AutorepeatIsIgnoredUnknownKeysAreFlagged) {
  KeyWedgeDecoder decoder;
  EXPECT_FALSE(decoder.feed({EV_KEY, KEY_5, 1}));
  EXPECT_FALSE(decoder.feed({EV_KEY, KEY_5, 2}));  // autorepeat
  EXPECT_FALSE(decoder.feed({EV_KEY, KEY_F5, 1}));
  auto done = decoder.feed({EV_KEY, KEY_ENTER, 1});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->text, "5");
  EXPECT_TRUE(done->unknown_keys);
}

TEST(KeyWedge, TabTerminatorAndReset) {
  KeyWedgeDecoder decoder(Terminator::Tab);
  Recording r;
  r.key(KEY_9).key(KEY_ENTER).key(KEY_8).key(KEY_TAB);
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].text, "98");
  EXPECT_TRUE(scans[0].unknown_keys);  // Enter is not a character and not this scanner's terminator
  EXPECT_FALSE(decoder.feed({EV_KEY, KEY_3, 1}));
  EXPECT_TRUE(decoder.in_progress());
  decoder.reset();
  EXPECT_FALSE(decoder.in_progress());
}

// SYN_DROPPED: "12345" typed, the kernel's buffer overflows after "12" and the "3" is lost. The
// code must never come out as "1245".
TEST(KeyWedge, ACodeCutByLostEventsIsDroppedNotPassedOn) {
  Recording r;
  r.typed({KEY_1, KEY_2}).dropped().typed({KEY_4, KEY_5, KEY_ENTER});
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_TRUE(scans[0].events_lost);
  EXPECT_EQ(scans[0].text, "");
}

// The loss takes the end of one code and the start of the next ("111" Enter "222" Enter, with
// "1 Enter 2" lost): no merged "1122" or cut "22" comes out, and the code after is read whole.
TEST(KeyWedge, CodesMergedByLostEventsAreDroppedAndTheNextIsRead) {
  Recording r;
  r.typed({KEY_1, KEY_1}).dropped().typed({KEY_2, KEY_2, KEY_ENTER}).typed({KEY_3, KEY_3, KEY_ENTER});
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_TRUE(scans[0].events_lost);
  EXPECT_EQ(scans[0].text, "");
  EXPECT_FALSE(scans[1].events_lost);
  EXPECT_EQ(scans[1].text, "33");
}

// Shift's release was among the lost events: the next code is not typed in capitals.
TEST(KeyWedge, AShiftWhoseReleaseWasLostDoesNotStick) {
  Recording r;
  r.press(KEY_LEFTSHIFT).key(KEY_A).dropped().key(KEY_ENTER).typed({KEY_B, KEY_1, KEY_ENTER});
  KeyWedgeDecoder decoder;
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_TRUE(scans[0].events_lost);
  EXPECT_EQ(scans[1].text, "b1");
}

// A loss and then silence: the reader's timeout resets the decoder, and the next code is whole.
TEST(KeyWedge, ResetAfterALossStartsClean) {
  KeyWedgeDecoder decoder;
  EXPECT_FALSE(decoder.feed({EV_SYN, SYN_DROPPED, 0}));
  EXPECT_TRUE(decoder.in_progress());
  decoder.reset();
  EXPECT_FALSE(decoder.in_progress());
  Recording r;
  r.typed({KEY_7, KEY_ENTER});
  const auto scans = decode(decoder, r);
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_FALSE(scans[0].events_lost);
  EXPECT_EQ(scans[0].text, "7");
}

}  // namespace
}  // namespace pk::barcode
