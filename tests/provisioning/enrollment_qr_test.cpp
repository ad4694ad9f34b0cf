// The enrollment QR code's text format: what the centre writes reads back, and every malformed
// form is refused with its own problem (a receipt's code scanned by mistake, another version,
// a torn label, a field twice or missing, a wrong check character, a bad address or pin).
#include <gtest/gtest.h>

#include "protocol/enrollment_code.h"
#include "protocol/enrollment_qr.h"

namespace pk::provisioning {
namespace {

const std::string kPin = "sha256//" + std::string(43, 'A') + "=";

EnrollmentQr sample() {
  return {enroll::format_enrollment_code(enroll::new_enrollment_code()), "https://centre.example:8470", kPin};
}

std::string text_of(const EnrollmentQr& qr) {
  auto text = format_enrollment_qr(qr);
  EXPECT_TRUE(text.ok()) << (text ? "" : text.error().message);
  return text ? *text : std::string();
}

TEST(EnrollmentQr, WhatTheCentreWritesReadsBack) {
  for (int round = 0; round < 50; ++round) {
    const EnrollmentQr qr = sample();
    const std::string text = text_of(qr);
    EXPECT_TRUE(text.starts_with("PKENROLL1;code=")) << text;
    const QrReading read = parse_enrollment_qr(text);
    ASSERT_TRUE(read.ok()) << read.detail;
    EXPECT_EQ(read.qr.code, qr.code);
    EXPECT_EQ(read.qr.centre_url, qr.centre_url);
    EXPECT_EQ(read.qr.centre_pin, qr.centre_pin);
    // A keyboard-wedge scanner ends the read with Enter.
    EXPECT_TRUE(parse_enrollment_qr(text + "\r\n").ok());
  }
}

TEST(EnrollmentQr, FieldsInAnyOrderAndTheCodeAsForgivinglyAsTyped) {
  const std::string code = enroll::new_enrollment_code();
  std::string relaxed = code;
  for (char& c : relaxed) c = static_cast<char>(std::tolower(c));
  const QrReading read =
      parse_enrollment_qr("PKENROLL1;pin=" + kPin + ";url=https://10.0.0.5:8470/;code=" + relaxed);
  ASSERT_TRUE(read.ok()) << read.detail;
  EXPECT_EQ(read.qr.code, enroll::format_enrollment_code(code));
  EXPECT_EQ(read.qr.centre_url, "https://10.0.0.5:8470") << "the trailing slash goes";
}

struct Malformed {
  std::string text;
  QrProblem problem;
};

TEST(EnrollmentQr, EachMalformedFormIsRefusedWithItsOwnProblem) {
  const EnrollmentQr qr = sample();
  const std::string good = text_of(qr);
  const std::string code = "code=" + qr.code;
  const std::string url = "url=" + qr.centre_url;
  const std::string pin = "pin=" + kPin;
  std::string wrong_check = qr.code;
  wrong_check.back() = wrong_check.back() == 'Z' ? 'Y' : 'Z';
  const Malformed cases[] = {
      {"", QrProblem::NotEnrollment},
      {"12345678901234", QrProblem::NotEnrollment},  // a receipt's tracking code
      {"https://centre.example", QrProblem::NotEnrollment},
      {"pkenroll1;" + code + ";" + url + ";" + pin, QrProblem::NotEnrollment},
      {"PKENROLL2;" + code + ";" + url + ";" + pin, QrProblem::UnsupportedVersion},
      {"PKENROLL;" + code + ";" + url + ";" + pin, QrProblem::UnsupportedVersion},
      {"PKENROLL1", QrProblem::MissingField},
      {good + std::string(600, 'x'), QrProblem::TooLong},
      {"PKENROLL1;" + code + ";;" + url + ";" + pin, QrProblem::Malformed},
      {"PKENROLL1;" + code + ";" + url + ";" + pin + ";", QrProblem::Malformed},
      {"PKENROLL1;" + code + ";" + url + ";pin", QrProblem::Malformed},
      {"PKENROLL1;" + code + ";url=;" + pin, QrProblem::Malformed},
      {"PKENROLL1;=x;" + code + ";" + url + ";" + pin, QrProblem::Malformed},
      {"PKENROLL1;" + code + ";" + url + " ;" + pin, QrProblem::Malformed},
      {"PKENROLL1;" + code + ";" + url + "\n;" + pin, QrProblem::Malformed},
      {"PKENROLL1;" + code + ";url=https://مرکز.ir;" + pin, QrProblem::Malformed},
      {"PKENROLL1;" + code + ";" + url + ";" + pin + ";office=A", QrProblem::UnknownField},
      {"PKENROLL1;" + code + ";" + code + ";" + url + ";" + pin, QrProblem::RepeatedField},
      {"PKENROLL1;" + url + ";" + pin, QrProblem::MissingField},
      {"PKENROLL1;" + code + ";" + pin, QrProblem::MissingField},
      {"PKENROLL1;" + code + ";" + url, QrProblem::MissingField},
      {"PKENROLL1;code=" + wrong_check + ";" + url + ";" + pin, QrProblem::BadCode},
      {"PKENROLL1;code=" + qr.code.substr(0, 14) + ";" + url + ";" + pin, QrProblem::BadCode},
      {"PKENROLL1;code=" + qr.code + "-AAAA;" + url + ";" + pin, QrProblem::BadCode},
      {"PKENROLL1;" + code + ";url=http://centre.example:8470;" + pin, QrProblem::BadUrl},
      {"PKENROLL1;" + code + ";url=https://;" + pin, QrProblem::BadUrl},
      {"PKENROLL1;" + code + ";url=https://:8470;" + pin, QrProblem::BadUrl},
      {"PKENROLL1;" + code + ";url=https://a_b.example;" + pin, QrProblem::BadUrl},
      {"PKENROLL1;" + code + ";" + url + ";pin=sha256//short=", QrProblem::BadPin},
      {"PKENROLL1;" + code + ";" + url + ";pin=sha1//" + std::string(43, 'A') + "=", QrProblem::BadPin},
      {"PKENROLL1;" + code + ";" + url + ";pin=sha256//" + std::string(42, 'A') + "%=", QrProblem::BadPin},
      {"PKENROLL1;" + code + ";" + url + ";pin=sha256//" + std::string(44, 'A'), QrProblem::BadPin},
  };
  for (const Malformed& c : cases) {
    const QrReading read = parse_enrollment_qr(c.text);
    EXPECT_EQ(read.problem, c.problem) << c.text << " -> " << to_string(read.problem) << ": " << read.detail;
    EXPECT_FALSE(read.detail.empty()) << c.text;
    EXPECT_TRUE(read.qr.code.empty() && read.qr.centre_url.empty()) << "nothing half-filled: " << c.text;
  }
}

TEST(EnrollmentQr, TheCentreNeverWritesAQrTheTerminalRefuses) {
  EnrollmentQr qr = sample();
  qr.centre_url = "https://centre.example;x=1";
  EXPECT_FALSE(format_enrollment_qr(qr).ok());
  qr = sample();
  qr.centre_pin = "sha256//nope";
  EXPECT_FALSE(format_enrollment_qr(qr).ok());
  qr = sample();
  qr.code[0] = qr.code[0] == '7' ? '8' : '7';
  EXPECT_FALSE(format_enrollment_qr(qr).ok());
}

}  // namespace
}  // namespace pk::provisioning
