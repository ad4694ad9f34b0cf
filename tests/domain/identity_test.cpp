#include "domain/identity.h"

#include <gtest/gtest.h>

namespace pk::identity {
namespace {

// The check digit computed from the definition (weights 10..2, mod 11), independently of
// the code under test, to build valid codes.
char check_digit(const std::string& first9) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (first9[static_cast<std::size_t>(i)] - '0') * (10 - i);
  const int r = sum % 11;
  return static_cast<char>('0' + (r < 2 ? r : 11 - r));
}

TEST(NationalCode, AcceptsKnownValidCodes) {
  for (const char* code : {"0499370899", "0790419904", "0013542419", "0084575948", "4608968882"}) {
    const auto r = validate_national_code(code);
    ASSERT_TRUE(r.ok()) << code;
    EXPECT_EQ(r.value(), code);
  }
}

TEST(NationalCode, AcceptsPersianDigitsSpacesAndDashes) {
  EXPECT_EQ(validate_national_code("۰۴۹۹۳۷۰۸۹۹").value(), "0499370899");
  EXPECT_EQ(validate_national_code("٠٤٩٩٣٧٠٨٩٩").value(), "0499370899");
  EXPECT_EQ(validate_national_code(" 049-937089-9 ").value(), "0499370899");
}

TEST(NationalCode, PadsEightOrNineDigitsWithLeadingZeros) {
  EXPECT_EQ(validate_national_code("13542419").value(), "0013542419");
  EXPECT_EQ(validate_national_code("499370899").value(), "0499370899");
  EXPECT_EQ(validate_national_code("1354241").error(), IdentityError::WrongLength);
}

TEST(NationalCode, RefusesEachKindOfMistake) {
  EXPECT_EQ(validate_national_code("").error(), IdentityError::Empty);
  EXPECT_EQ(validate_national_code("  - ").error(), IdentityError::Empty);
  EXPECT_EQ(validate_national_code("04993708a9").error(), IdentityError::NotDigits);
  EXPECT_EQ(validate_national_code("04993708999").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_national_code("1111111111").error(), IdentityError::AllSameDigits);
  EXPECT_EQ(validate_national_code("0000000000").error(), IdentityError::AllSameDigits);
  EXPECT_EQ(validate_national_code("0499370898").error(), IdentityError::BadCheckDigit);
}

TEST(NationalCode, EveryWrongLastDigitIsRefusedAndOnlyTheRightOneAccepted) {
  for (const std::string first9 : {"049937089", "123456789", "987654321", "001354241", "300000000"}) {
    const char right = check_digit(first9);
    for (char last = '0'; last <= '9'; ++last) {
      const auto r = validate_national_code(first9 + last);
      EXPECT_EQ(r.ok(), last == right) << first9 << last;
      if (!r.ok()) {
        EXPECT_EQ(r.error(), IdentityError::BadCheckDigit) << first9 << last;
      }
    }
  }
}

TEST(Fida, NeedsTwelveDigits) {
  EXPECT_EQ(validate_fida_number("۱۲۳۴ ۵۶۷۸ ۹۰۱۲").value(), "123456789012");
  EXPECT_EQ(validate_fida_number("12345678901").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_fida_number("1234567890123").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_fida_number("12345678901X").error(), IdentityError::NotDigits);
  EXPECT_EQ(validate_fida_number("").error(), IdentityError::Empty);
  EXPECT_EQ(validate_fida_number("555555555555").error(), IdentityError::AllSameDigits);
}

TEST(Amayesh, AcceptsSixToFourteenDigitsInAnyScript) {
  EXPECT_EQ(validate_amayesh_number("۱۲۳۴۵۶").value(), "123456");
  EXPECT_EQ(validate_amayesh_number("٩٨٧٦ ٥٤٣٢ ١٠").value(), "9876543210");
  EXPECT_EQ(validate_amayesh_number("12-345-678-901-234").value(), "12345678901234");
  EXPECT_EQ(validate_amayesh_number("12345").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_amayesh_number("123456789012345").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_amayesh_number("12345A78").error(), IdentityError::NotDigits);
  EXPECT_EQ(validate_amayesh_number("").error(), IdentityError::Empty);
  EXPECT_EQ(validate_amayesh_number("77777777").error(), IdentityError::AllSameDigits);
}

TEST(DocumentNumber, EachKindTakesItsOwnCheck) {
  EXPECT_TRUE(validate_document_number(IdKind::NationalCode, "0499370899").ok());
  EXPECT_EQ(validate_document_number(IdKind::NationalCode, "0499370898").error(),
            IdentityError::BadCheckDigit);
  EXPECT_TRUE(validate_document_number(IdKind::Fida, "123456789012").ok());
  EXPECT_EQ(validate_document_number(IdKind::Fida, "1234567890").error(), IdentityError::WrongLength);
  EXPECT_TRUE(validate_document_number(IdKind::AmayeshCard, "1234567890").ok());
  EXPECT_EQ(validate_document_number(IdKind::AmayeshCard, "P1234567").error(), IdentityError::NotDigits);
  EXPECT_EQ(validate_document_number(IdKind::Passport, "p1234567").value(), "P1234567");
}

TEST(Passport, UppercasesAndChecksCharactersAndLength) {
  EXPECT_EQ(validate_passport_number("p 1234567").value(), "P1234567");
  EXPECT_EQ(validate_passport_number("ab12۳۴۵").value(), "AB12345");
  EXPECT_EQ(validate_passport_number("A12345").value(), "A12345");
  EXPECT_EQ(validate_passport_number("A1234").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_passport_number("A123456789").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_passport_number("A12345<").error(), IdentityError::BadCharacters);
  EXPECT_EQ(validate_passport_number("الف123456").error(), IdentityError::BadCharacters);
  EXPECT_EQ(validate_passport_number(" ").error(), IdentityError::Empty);
}

TEST(Mobile, AcceptsEveryUsualForm) {
  for (const char* typed : {"09121234567", "9121234567", "+989121234567", "00989121234567", "989121234567",
                            "۰۹۱۲ ۱۲۳ ۴۵۶۷", "(+98) 912-123-4567", "+98 ۹۱۲ ۱۲۳ ۴۵ ۶۷"}) {
    const auto r = validate_mobile(typed);
    ASSERT_TRUE(r.ok()) << typed;
    EXPECT_EQ(r.value(), "09121234567") << typed;
  }
}

TEST(Mobile, RefusesWhatIsNotAnIranianMobile) {
  EXPECT_EQ(validate_mobile("").error(), IdentityError::Empty);
  EXPECT_EQ(validate_mobile("0912123456").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_mobile("091212345678").error(), IdentityError::WrongLength);
  EXPECT_EQ(validate_mobile("02112345678").error(), IdentityError::NotMobile);  // a Tehran landline
  EXPECT_EQ(validate_mobile("0912abc4567").error(), IdentityError::NotDigits);
  EXPECT_EQ(validate_mobile("09+121234567").error(), IdentityError::NotDigits);
}

TEST(Mobile, AcceptsForeignNumbersWithTheirCountryCode) {
  // Afghanistan: +93 and 9 digits starting with 7, typed in any script, + or 00.
  for (const char* typed : {"+93701234567", "+93 70 123 4567", "0093701234567",
                            "‎+۹۳ ۷۰ ۱۲۳ ۴۵۶۷", "(+93) 70-123-4567"}) {
    const auto r = validate_mobile(typed);
    ASSERT_TRUE(r.ok()) << typed;
    EXPECT_EQ(r.value(), "+93701234567") << typed;
  }
  EXPECT_EQ(validate_mobile("+923001234567").value(), "+923001234567");    // Pakistan
  EXPECT_EQ(validate_mobile("+9647701234567").value(), "+9647701234567");  // Iraq
  EXPECT_EQ(validate_mobile("+4915112345678").value(), "+4915112345678");  // Germany: E.164 only
  EXPECT_EQ(validate_mobile("+989121234567").value(), "09121234567");      // Iran stays 09…
}

TEST(Mobile, SaysWhatIsWrongWithAForeignNumber) {
  EXPECT_EQ(validate_mobile("+9370123456").error(), IdentityError::AfghanMobile);    // 8 digits
  EXPECT_EQ(validate_mobile("+937012345678").error(), IdentityError::AfghanMobile);  // 10 digits
  EXPECT_EQ(validate_mobile("+93201234567").error(), IdentityError::AfghanMobile);   // a Kabul landline
  EXPECT_EQ(validate_mobile("+92300123456").error(), IdentityError::PakistaniMobile);
  EXPECT_EQ(validate_mobile("+924212345678").error(), IdentityError::PakistaniMobile);
  EXPECT_EQ(validate_mobile("+964770123456").error(), IdentityError::IraqiMobile);
  EXPECT_EQ(validate_mobile("+9641123456789").error(), IdentityError::IraqiMobile);
  EXPECT_EQ(validate_mobile("+4912345").error(), IdentityError::InternationalLength);
  EXPECT_EQ(validate_mobile("+4912345678901234").error(), IdentityError::InternationalLength);
  EXPECT_EQ(validate_mobile("+982112345678").error(), IdentityError::NotMobile);
  // An Afghan number as written in Afghanistan has no way to be reached from here.
  EXPECT_EQ(validate_mobile("0701234567").error(), IdentityError::CountryCodeMissing);
  EXPECT_EQ(validate_mobile("۰۷۹۹ ۱۲۳ ۴۵۶").error(), IdentityError::CountryCodeMissing);
}

TEST(Describe, EveryErrorHasWordsInBothLanguages) {
  for (auto e :
       {IdentityError::Empty, IdentityError::NotDigits, IdentityError::WrongLength,
        IdentityError::AllSameDigits, IdentityError::BadCheckDigit, IdentityError::BadCharacters,
        IdentityError::NotMobile, IdentityError::CountryCodeMissing, IdentityError::AfghanMobile,
        IdentityError::PakistaniMobile, IdentityError::IraqiMobile, IdentityError::InternationalLength}) {
    const auto fa = describe(e, Language::Persian);
    const auto en = describe(e, Language::English);
    EXPECT_FALSE(fa.empty());
    EXPECT_FALSE(en.empty());
    EXPECT_NE(fa, en);
    for (auto kind :
         {IdKind::NationalCode, IdKind::Fida, IdKind::AmayeshCard, IdKind::Passport, IdKind::Mobile}) {
      EXPECT_FALSE(describe(e, kind, Language::Persian).empty());
    }
  }
  EXPECT_EQ(describe(IdentityError::WrongLength, IdKind::NationalCode, Language::Persian),
            "کد ملی ۱۰ رقم است. دوباره نگاه کنید.");
  EXPECT_NE(describe(IdentityError::WrongLength, IdKind::Mobile, Language::English),
            describe(IdentityError::WrongLength, IdKind::Passport, Language::English));
  // Each document's length message names the document and its length: what to fix.
  EXPECT_NE(describe(IdentityError::WrongLength, IdKind::AmayeshCard, Language::Persian).find("آمایش"),
            std::string::npos);
  EXPECT_NE(describe(IdentityError::WrongLength, IdKind::Fida, Language::English).find("12 digits"),
            std::string::npos);
  // A foreign number's message shows the form that works.
  EXPECT_NE(describe(IdentityError::AfghanMobile, Language::English).find("+93 70 123 4567"),
            std::string::npos);
}

}  // namespace
}  // namespace pk::identity
