#include "domain/tracking_code.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

namespace pk {
namespace {

TrackingCode code(TrackingKind kind, int terminal, int64_t sequence) {
  auto r = make_tracking_code(kind, terminal, sequence);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return std::move(r).value();
}

TEST(TrackingCode, LayoutIsKindTerminalSequenceCheck) {
  const TrackingCode c = code(TrackingKind::Application, 42, 1234567);
  ASSERT_EQ(c.digits().size(), kTrackingCodeDigits);
  EXPECT_EQ(c.digits().substr(0, 12), "100421234567");
  EXPECT_EQ(c.kind(), TrackingKind::Application);
  EXPECT_EQ(c.terminal_number(), 42);
  EXPECT_EQ(c.sequence(), 1234567);
  EXPECT_EQ(code(TrackingKind::FailureReport, 9999, 0).digits().substr(0, 12), "299990000000");
}

TEST(TrackingCode, CheckDigitsMakeTheWholeNumberOneModulo97) {
  // ISO 7064 MOD 97-10, checked with plain 64-bit arithmetic instead of the library's loop.
  for (int terminal : {1, 17, 4242, 9999}) {
    for (int64_t seq : {0LL, 1LL, 99LL, 5'000'000LL, 9'999'999LL}) {
      for (auto kind : {TrackingKind::Application, TrackingKind::FailureReport}) {
        const std::string d = code(kind, terminal, seq).digits();
        EXPECT_EQ(std::stoull(d) % 97, 1u) << d;
      }
    }
  }
}

TEST(TrackingCode, RefusesOutOfRangeParts) {
  EXPECT_FALSE(make_tracking_code(TrackingKind::Application, 0, 1).ok());
  EXPECT_FALSE(make_tracking_code(TrackingKind::Application, 10000, 1).ok());
  EXPECT_FALSE(make_tracking_code(TrackingKind::Application, 1, -1).ok());
  EXPECT_FALSE(make_tracking_code(TrackingKind::Application, 1, 10'000'000).ok());
  EXPECT_FALSE(make_tracking_code(static_cast<TrackingKind>(3), 1, 1).ok());
  EXPECT_NE(make_tracking_code(TrackingKind::Application, 1, 10'000'000).error().message.find("10000000"),
            std::string::npos);
}

TEST(TrackingCode, DifferentTerminalsNeverCollide) {
  std::set<std::string> seen;
  for (int terminal = 1; terminal <= 50; ++terminal) {
    for (int64_t seq = 0; seq < 50; ++seq) {
      EXPECT_TRUE(seen.insert(code(TrackingKind::Application, terminal, seq).digits()).second);
    }
  }
}

TEST(TrackingCode, FormatsInGroupsOfFour) {
  const TrackingCode c = code(TrackingKind::Application, 42, 1234567);
  const std::string d = c.digits();
  EXPECT_EQ(format(c, Language::English),
            d.substr(0, 4) + "-" + d.substr(4, 4) + "-" + d.substr(8, 4) + "-" + d.substr(12));
  EXPECT_EQ(format(c, Language::Persian).substr(0, 9), "۱۰۰۴-");  // four 2-byte digits and a dash
}

TEST(TrackingCode, ParsesWhatItFormatsInBothLanguages) {
  const TrackingCode c = code(TrackingKind::FailureReport, 731, 88);
  for (auto language : {Language::English, Language::Persian}) {
    const auto parsed = parse_tracking_code(format(c, language));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value(), c);
    EXPECT_EQ(parsed->terminal_number(), 731);
    EXPECT_EQ(parsed->sequence(), 88);
    EXPECT_EQ(parsed->kind(), TrackingKind::FailureReport);
  }
  EXPECT_TRUE(parse_tracking_code(" " + c.digits().substr(0, 7) + " - " + c.digits().substr(7) + " ").ok());
}

TEST(TrackingCode, TellsWrongLengthFromWrongCheckDigits) {
  const std::string d = code(TrackingKind::Application, 5, 321).digits();
  EXPECT_EQ(check_tracking_code(d.substr(1)).error(), TrackingCodeError::WrongLength);
  EXPECT_EQ(check_tracking_code(d + "0").error(), TrackingCodeError::WrongLength);
  std::string wrong = d;
  wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
  EXPECT_EQ(check_tracking_code(wrong).error(), TrackingCodeError::BadCheckDigits);
  EXPECT_EQ(check_tracking_code("").error(), TrackingCodeError::Empty);
  EXPECT_EQ(check_tracking_code("1234x").error(), TrackingCodeError::NotDigits);
  const auto length = parse_tracking_code(d.substr(1));
  const auto check = parse_tracking_code(wrong);
  ASSERT_FALSE(length.ok());
  ASSERT_FALSE(check.ok());
  EXPECT_NE(length.error().message, check.error().message);
}

TEST(TrackingCode, RefusesWellCheckedCodesWeNeverIssue) {
  // Valid MOD 97-10 numbers with kind 3 or terminal 0000.
  for (const std::string payload : {"300010000001", "100000000001"}) {
    const int check = mod97_check_digits(payload);
    const std::string digits = payload + (check < 10 ? "0" : "") + std::to_string(check);
    ASSERT_EQ(std::stoull(digits) % 97, 1u);
    const auto r = check_tracking_code(digits);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), payload[0] == '3' ? TrackingCodeError::UnknownKind : TrackingCodeError::BadTerminal);
  }
}

class TrackingCodeErrors : public ::testing::TestWithParam<TrackingCode> {};

TEST_P(TrackingCodeErrors, DetectsEverySingleDigitSubstitution) {
  const std::string d = GetParam().digits();
  for (std::size_t i = 0; i < d.size(); ++i) {
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (digit == d[i]) continue;
      std::string typo = d;
      typo[i] = digit;
      const auto r = check_tracking_code(typo);
      ASSERT_FALSE(r.ok()) << typo;
      EXPECT_EQ(r.error(), TrackingCodeError::BadCheckDigits) << typo;
    }
  }
}

TEST_P(TrackingCodeErrors, DetectsEveryAdjacentTransposition) {
  const std::string d = GetParam().digits();
  int swaps = 0;
  for (std::size_t i = 0; i + 1 < d.size(); ++i) {
    if (d[i] == d[i + 1]) continue;  // swapping equal digits changes nothing
    std::string typo = d;
    std::swap(typo[i], typo[i + 1]);
    const auto r = check_tracking_code(typo);
    ASSERT_FALSE(r.ok()) << typo;
    EXPECT_EQ(r.error(), TrackingCodeError::BadCheckDigits) << typo;
    ++swaps;
  }
  EXPECT_GT(swaps, 0);
}

INSTANTIATE_TEST_SUITE_P(SomeCodes, TrackingCodeErrors,
                         ::testing::Values(code(TrackingKind::Application, 1, 1),
                                           code(TrackingKind::Application, 1234, 5678901),
                                           code(TrackingKind::FailureReport, 9999, 9'999'999),
                                           code(TrackingKind::FailureReport, 907, 3141592),
                                           code(TrackingKind::Application, 5050, 505050)));

TEST(TrackingCode, EveryErrorHasWords) {
  for (auto e :
       {TrackingCodeError::Empty, TrackingCodeError::NotDigits, TrackingCodeError::WrongLength,
        TrackingCodeError::BadCheckDigits, TrackingCodeError::UnknownKind, TrackingCodeError::BadTerminal}) {
    EXPECT_FALSE(describe(e, Language::Persian).empty());
    EXPECT_FALSE(describe(e, Language::English).empty());
  }
}

}  // namespace
}  // namespace pk
