// Sealed boxes: only the centre's secret key opens what a terminal stores.
#include "protocol/sealing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace pk::store {
namespace {

std::span<const uint8_t> bytes_of(const std::string& text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

TEST(Sealing, RoundTrips) {
  auto keys = generate_key_pair();
  ASSERT_TRUE(keys) << keys.error().message;
  const std::string clear = "Name: Zahra Hosseini; foreign ID 987654321098; passport P1234567";
  auto sealed = seal(bytes_of(clear), keys->public_key);
  ASSERT_TRUE(sealed) << sealed.error().message;
  EXPECT_EQ(sealed->size(), clear.size() + kSealOverheadBytes);
  auto opened = open_sealed(*sealed, *keys);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE(std::ranges::equal(opened->bytes(), bytes_of(clear)));
}

TEST(Sealing, EmptyInputRoundTrips) {
  auto keys = generate_key_pair();
  ASSERT_TRUE(keys);
  auto sealed = seal({}, keys->public_key);
  ASSERT_TRUE(sealed);
  auto opened = open_sealed(*sealed, *keys);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->size(), 0u);
}

TEST(Sealing, SealedBlobDoesNotContainTheClearBytes) {
  auto keys = generate_key_pair();
  ASSERT_TRUE(keys);
  const std::string clear = "national code 0012345679 -- Rahimi -- " + std::string(200, 'A');
  auto sealed = seal(bytes_of(clear), keys->public_key);
  ASSERT_TRUE(sealed);
  for (const std::string& needle : {std::string("0012345679"), std::string("Rahimi"), std::string(16, 'A')}) {
    // Iterator std::search: clang 14 rejects std::ranges::search over a vector and a span.
    const std::span<const uint8_t> needle_bytes = bytes_of(needle);
    EXPECT_EQ(std::search(sealed->begin(), sealed->end(), needle_bytes.begin(), needle_bytes.end()),
              sealed->end())
        << needle;
  }
  // Sealing is randomised (ephemeral key): the same clear text never gives the same blob.
  auto again = seal(bytes_of(clear), keys->public_key);
  ASSERT_TRUE(again);
  EXPECT_NE(*sealed, *again);
}

TEST(Sealing, WrongKeyOrTamperingFails) {
  auto centre = generate_key_pair();
  auto thief = generate_key_pair();
  ASSERT_TRUE(centre && thief);
  const std::string clear = "page 1 of a residence permit";
  auto sealed = seal(bytes_of(clear), centre->public_key);
  ASSERT_TRUE(sealed);

  auto wrong = open_sealed(*sealed, *thief);
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("another key"), std::string::npos) << wrong.error().message;

  std::vector<uint8_t> tampered = *sealed;
  tampered.back() ^= 0x01;
  EXPECT_FALSE(open_sealed(tampered, *centre));
  EXPECT_FALSE(open_sealed(std::span(*sealed).first(10), *centre));
}

TEST(Sealing, PublicKeyIsDerivedFromTheSecretKey) {
  auto keys = generate_key_pair();
  ASSERT_TRUE(keys);
  auto derived = public_key_of(keys->secret_key);
  ASSERT_TRUE(derived);
  EXPECT_EQ(*derived, keys->public_key);
  auto other = generate_key_pair();
  ASSERT_TRUE(other);
  EXPECT_NE(other->public_key, keys->public_key);
}

}  // namespace
}  // namespace pk::store
