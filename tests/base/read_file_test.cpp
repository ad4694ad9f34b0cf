// read_file on real files: the whole file, a file larger than accepted refused (not cut), and a
// missing file named in the error.
#include "base/read_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

class ReadFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("read_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(m_dir / name, std::ios::binary) << bytes;
    return m_dir / name;
  }
  fs::path m_dir;
};

TEST_F(ReadFileTest, ReadsTheWholeFile) {
  std::string bytes(200'000, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i % 251);
  auto text = pk::read_file(write("catalog.json", bytes), 1024 * 1024);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(*text, bytes);
}

TEST_F(ReadFileTest, AFileOfExactlyTheLimitIsRead) {
  auto text = pk::read_file(write("key", std::string(1024, 'k')), 1024);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(text->size(), 1024u);
}

TEST_F(ReadFileTest, AFileOverTheLimitIsRefusedNotCut) {
  auto text = pk::read_file(write("key", std::string(1025, 'k')), 1024);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("larger than 1024 bytes"), std::string::npos) << text.error().message;
}

TEST_F(ReadFileTest, AnEmptyFileIsEmpty) {
  auto text = pk::read_file(write("empty", ""));
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_TRUE(text->empty());
}

// /proc files claim a length of 0 and are read to their end all the same.
TEST_F(ReadFileTest, AFileThatClaimsNoLengthIsReadToItsEnd) {
  auto text = pk::read_file("/proc/self/status");
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_NE(text->find("Pid:"), std::string::npos);
}

TEST_F(ReadFileTest, AMissingFileIsAnError) {
  auto text = pk::read_file(m_dir / "absent.pem");
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find(std::strerror(ENOENT)), std::string::npos);
  EXPECT_NE(text.error().message.find("absent.pem"), std::string::npos);
}

}  // namespace
