#include "protocol/enrollment_code.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace pk::enroll {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static_assert(kAlphabet.size() == 32);

int value_of(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') c = '1';
  if (c == 'O') c = '0';
  const size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Luhn mod N over base-32 digits: from the right, every second digit is doubled and its two
// base-32 digits added. Over a whole code (check character included) the sum is 0 mod 32.
int luhn_sum(std::string_view canonical, bool with_check) {
  int sum = 0;
  bool doubled = !with_check;
  for (size_t i = canonical.size(); i-- > 0;) {
    int v = value_of(canonical[i]);
    if (doubled) {
      v *= 2;
      v = v / 32 + v % 32;
    }
    sum += v;
    doubled = !doubled;
  }
  return sum % 32;
}

}  // namespace

std::string new_enrollment_code() {
  std::array<unsigned char, kCodeLength - 1> random{};
  // RAND_bytes only fails when the system has no entropy source at all; a zero code then would
  // be guessable, so fall back to nothing weaker than the kernel's.
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) return {};
  std::string code;
  for (unsigned char byte : random) code.push_back(kAlphabet[byte & 31]);  // 256 is a multiple of 32
  const int check = (32 - luhn_sum(code, false)) % 32;
  code.push_back(kAlphabet[static_cast<size_t>(check)]);
  return code;
}

Result<std::string> normalise_enrollment_code(std::string_view typed) {
  std::string canonical;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '\t') continue;
    const int v = value_of(c);
    if (v < 0)
      return make_error(std::string("mistyped enrollment code: '") + c +
                        "' is not one of its characters (0-9 and A-Z without I, L, O, U)");
    if (canonical.size() == kCodeLength)
      return make_error("mistyped enrollment code: longer than " + std::to_string(kCodeLength) +
                        " characters");
    canonical.push_back(kAlphabet[static_cast<size_t>(v)]);
  }
  if (canonical.size() != kCodeLength)
    return make_error("mistyped enrollment code: " + std::to_string(canonical.size()) +
                      " characters instead of " + std::to_string(kCodeLength));
  if (luhn_sum(canonical, true) != 0)
    return make_error("mistyped enrollment code: its check character does not match (a character is wrong)");
  return canonical;
}

TypedCode check_typed_code(std::string_view typed) {
  TypedCode result;
  std::string canonical;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '\t') continue;
    const int v = value_of(c);
    if (v < 0 && result.bad == 0) result.bad = c;
    if (v >= 0) canonical.push_back(kAlphabet[static_cast<size_t>(v)]);
    ++result.characters;
  }
  if (result.bad != 0)
    result.state = TypedCodeState::BadCharacter;
  else if (result.characters == 0)
    result.state = TypedCodeState::Empty;
  else if (result.characters < kCodeLength)
    result.state = TypedCodeState::Incomplete;
  else if (result.characters > kCodeLength)
    result.state = TypedCodeState::TooLong;
  else
    result.state = luhn_sum(canonical, true) == 0 ? TypedCodeState::Right : TypedCodeState::WrongCheck;
  return result;
}

std::string group_typed_code(std::string_view typed) {
  std::string text;
  size_t count = 0;
  for (char c : typed) {
    if (c == '-' || c == ' ' || c == '\t') continue;
    const int v = value_of(c);
    if (count > 0 && count % 4 == 0) text.push_back('-');
    text.push_back(v >= 0 ? kAlphabet[static_cast<size_t>(v)] : c);
    ++count;
  }
  return text;
}

std::string format_enrollment_code(std::string_view canonical) {
  std::string text;
  for (size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 4 == 0) text.push_back('-');
    text.push_back(canonical[i]);
  }
  return text;
}

std::string enrollment_code_hash(std::string_view canonical) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  (void)EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    text.push_back(kDigits[digest[i] >> 4]);
    text.push_back(kDigits[digest[i] & 15]);
  }
  return text;
}

}  // namespace pk::enroll
