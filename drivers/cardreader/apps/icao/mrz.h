#pragma once
// The machine-readable zone (ICAO Doc 9303 parts 3 and 4): check digits, the TD3 (passport)
// two-line format, and the MRZ key that opens the chip (document number, birth date, expiry
// date, each with its check digit). Used on DG1 read from the chip and on MRZ text typed on
// screen or read by a scanner, so every field is validated and an error names the field.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::cardreader::icao {

// Doc 9303 part 3 section 4.9: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '<' as 0.
// -1 when the text holds a character the MRZ alphabet does not have.
[[nodiscard]] int check_digit(std::string_view field);

struct MrzDate {
  int year = 0;  // four digits, century resolved (see parse_mrz)
  int month = 0;
  int day = 0;
  friend bool operator==(const MrzDate&, const MrzDate&) = default;
};
[[nodiscard]] std::string to_iso(const MrzDate& date);  // "1974-08-12"

enum class Sex : std::uint8_t { Female, Male, Unspecified };
[[nodiscard]] std::string_view to_string(Sex sex);

// What BAC needs; built from typed values (make) or from a parsed MRZ (MrzData::key()).
class MrzKey {
 public:
  // document_number: letters and digits as printed (filler '<' allowed, spaces dropped, upper-cased);
  // dates as YYMMDD. Errors name the field and say what is wrong.
  [[nodiscard]] static Result<MrzKey> make(std::string_view document_number, std::string_view birth_yymmdd,
                                           std::string_view expiry_yymmdd);

  [[nodiscard]] const std::string& document_number() const { return m_document_number; }
  [[nodiscard]] const std::string& birth_date() const { return m_birth; }
  [[nodiscard]] const std::string& expiry_date() const { return m_expiry; }
  // "MRZ_information" of Doc 9303 part 11 section 9.7.2: number (padded to 9 with '<') and
  // check digit, birth date and check digit, expiry date and check digit.
  [[nodiscard]] std::string key_text() const;

  // The three items open the chip (they are the BAC key seed's source): wiped with the key.
  ~MrzKey();
  MrzKey(const MrzKey&) = default;
  MrzKey& operator=(const MrzKey&) = default;

 private:
  MrzKey(std::string number, std::string birth, std::string expiry);
  std::string m_document_number;
  std::string m_birth;
  std::string m_expiry;
};

struct MrzData {
  std::string document_code;    // "P", "P<" collapsed to "P"
  std::string issuing_state;    // three letters, "UTO"
  std::string surname;          // "ERIKSSON" ('<' as spaces)
  std::string given_names;      // "ANNA MARIA"
  std::string document_number;  // without filler
  std::string nationality;
  MrzDate birth_date;
  Sex sex = Sex::Unspecified;
  MrzDate expiry_date;
  std::string optional_data;  // personal number, without filler
  std::string raw_birth;      // YYMMDD as in the MRZ
  std::string raw_expiry;

  [[nodiscard]] Result<MrzKey> key() const;
};

// TD3: two lines of 44 characters, separated by a newline or not at all. Spaces around lines
// are ignored. Every check digit (number, birth, expiry, personal number, composite) must hold:
// an OCR slip or a typo is reported, never passed on. Two-digit years: a birth year after the
// current year is in the last century; expiry years are 20YY.
[[nodiscard]] Result<MrzData> parse_mrz(std::string_view text);

}  // namespace pk::cardreader::icao
