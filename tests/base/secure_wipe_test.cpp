// secure_wipe: the object is left empty with its buffer released, whatever it held and however
// much spare capacity it had (the spare capacity is where a shrunk string keeps old characters).
#include "base/secure_wipe.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

TEST(SecureWipe, LeavesAStringEmptyWithNoBuffer) {
  std::string pin(64, '7');
  pin.resize(4);  // capacity stays 64: the old digits sit past the size
  pk::secure_wipe(pin);
  EXPECT_TRUE(pin.empty());
  // An empty std::string keeps only its small in-object buffer, never a heap one.
  EXPECT_LE(pin.capacity(), std::string().capacity());
}

TEST(SecureWipe, LeavesBytesEmptyWithNoBuffer) {
  std::vector<uint8_t> page(4096, 0xAB);
  page.resize(10);
  pk::secure_wipe(page);
  EXPECT_TRUE(page.empty());
  EXPECT_EQ(page.capacity(), 0u);
}

TEST(SecureWipe, AnEmptyObjectStaysEmpty) {
  std::string text;
  std::vector<uint8_t> bytes;
  pk::secure_wipe(text);
  pk::secure_wipe(bytes);
  EXPECT_TRUE(text.empty());
  EXPECT_TRUE(bytes.empty());
}

}  // namespace
