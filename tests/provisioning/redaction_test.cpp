// redact(): personal data out, tracking codes and the shape of a log line kept.
#include "provisioning/redaction.h"

#include <gtest/gtest.h>

#include "domain/tracking_code.h"

using pk::provisioning::redact;

namespace {

std::string code_digits() {
  return pk::make_tracking_code(pk::TrackingKind::Application, 7, 42).value().digits();
}

}  // namespace

TEST(Redaction, KeepsTrackingCodesPlainAndDashed) {
  const std::string digits = code_digits();
  const std::string dashed = digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4) +
                             "-" + digits.substr(12, 2);
  EXPECT_EQ(redact("delivered " + digits + " in 120 ms"), "delivered " + digits + " in 120 ms");
  EXPECT_EQ(redact("receipt " + dashed + " printed"), "receipt " + dashed + " printed");
}

TEST(Redaction, A14DigitNumberWithWrongCheckDigitsIsNotATrackingCode) {
  std::string digits = code_digits();
  digits[13] = digits[13] == '0' ? '1' : '0';
  EXPECT_EQ(redact("code " + digits), "code [number]");
}

TEST(Redaction, NationalIdsAndPhoneNumbersInEveryUsualShape) {
  EXPECT_EQ(redact("identity 0084575948 checked"), "identity [number] checked");
  EXPECT_EQ(redact("call 09151234567"), "call [number]");
  EXPECT_EQ(redact("call +98 915 123 4567 now"), "call [number] now");
  EXPECT_EQ(redact("call 0915-123-4567."), "call [number].");
  EXPECT_EQ(redact("کد ملی ۰۰۸۴۵۷۵۹۴۸"), "[text] [number]");
}

TEST(Redaction, ShortNumbersDatesAndTimesStay) {
  EXPECT_EQ(redact("[2026-11-25 16:36:37.120] [info] outbox: 3 pending, 12 attempts"),
            "[2026-11-25 16:36:37.120] [info] outbox: 3 pending, 12 attempts");
  EXPECT_EQ(redact("HTTP 503 after 2500 ms"), "HTTP 503 after 2500 ms");
}

TEST(Redaction, LabelledPersonalValues) {
  EXPECT_EQ(redact("identify name=Zahra Hosseini, service=12"), "identify name=[redacted], service=12");
  EXPECT_EQ(redact(R"({"surname": "Karimi", "state": "queued"})"),
            R"({"surname": [redacted], "state": "queued"})");
  EXPECT_EQ(redact("address: 27 Taleghani St, Birjand"), "address: [redacted], Birjand");
  EXPECT_EQ(redact("birth_date=1370-05-12 ok"), "birth_date=[redacted]");
  EXPECT_EQ(redact("filename=/var/lib/pishkhan/pishkhan.db"), "filename=/var/lib/pishkhan/pishkhan.db");
}

TEST(Redaction, PersianTextEmailAndMrz) {
  EXPECT_EQ(redact("complaint text: دستگاه کار نمی‌کند end"), "complaint text: [text] end");
  EXPECT_EQ(redact("from zahra.h@example.ir today"), "from [email] today");
  EXPECT_EQ(redact("mrz P<IRNKARIMI<<ALI<<<<<<<<<<<<"), "mrz [mrz]");
}

TEST(Redaction, NeverCrashesOnBrokenUtf8) {
  const std::string bad = std::string("name=\xff\xfe") + "\xd8";
  EXPECT_EQ(redact(bad).find('\xff'), std::string::npos);
  EXPECT_EQ(redact(""), "");
}

TEST(Redaction, UnlabelledLatinNamesOfTwoOrMoreWords) {
  EXPECT_EQ(redact("citizen Zahra Hosseini-Rad typed the form"), "citizen [name] typed the form");
  EXPECT_EQ(redact("Scanner ready. Printer EPSON TM-T20II online"),
            "Scanner ready. Printer EPSON TM-T20II online");
}
