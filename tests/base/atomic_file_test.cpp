// write_file_atomically on real files: the content lands whole, the permission bits are the ones
// asked for whatever the umask, and a failure at any step (the file size limit reached, a folder
// the process may not write, a folder that is not there, a rename that cannot happen) is an
// error naming the step, the file and the system's reason, that leaves the old file as it was and
// no temporary behind.
#include "base/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("atomic_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_umask = ::umask(022);
  }
  void TearDown() override {
    ::umask(m_umask);
    fs::permissions(m_dir, fs::perms::owner_all);
    fs::remove_all(m_dir);
  }
  static std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static unsigned mode_of(const fs::path& file) {
    struct stat st {};
    EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
    return st.st_mode & 07777;
  }
  // What the folder holds: a temporary left behind would show here.
  [[nodiscard]] size_t entries() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()));
  }
  // Bytes whose every 4 KiB block differs, so a torn or shifted write cannot compare equal.
  static std::string pattern(size_t size) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + i / 4096) & 0xff);
    return bytes;
  }

  fs::path m_dir;
  mode_t m_umask = 022;
};

TEST_F(AtomicFileTest, TheContentLandsWhole) {
  const fs::path file = m_dir / "page.bin";
  const std::string bytes = pattern(3 * 1024 * 1024 + 17);
  auto written = pk::write_file_atomically(file, bytes);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(contents(file), bytes);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReplacesAnOldFile) {
  const fs::path file = m_dir / "accounts.json";
  ASSERT_TRUE(pk::write_file_atomically(file, "old content, longer than the new one\n"));
  ASSERT_TRUE(pk::write_file_atomically(file, "new\n"));
  EXPECT_EQ(contents(file), "new\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, PrivateIs0600UnderUmask022) {
  const fs::path file = m_dir / "sealing.key";
  ASSERT_TRUE(pk::write_file_atomically(file, "secret"));
  EXPECT_EQ(mode_of(file), 0600u);
}

TEST_F(AtomicFileTest, AnOldFileWithWiderBitsBecomes0600) {
  const fs::path file = m_dir / "operators.json";
  std::ofstream(file) << "old";
  fs::permissions(file, fs::perms(0644));
  ASSERT_TRUE(pk::write_file_atomically(file, "new"));
  EXPECT_EQ(mode_of(file), 0600u);
}

TEST_F(AtomicFileTest, PublicIs0644EvenUnderUmask077) {
  ::umask(077);
  const fs::path file = m_dir / "ca.pem";
  ASSERT_TRUE(pk::write_file_atomically(file, "certificate", pk::FileMode::Public));
  EXPECT_EQ(mode_of(file), 0644u);
}

TEST_F(AtomicFileTest, KeepLeavesAnExistingFileItsBits) {
  const fs::path file = m_dir / "pishkhan.toml";
  std::ofstream(file) << "[ui]\n";
  fs::permissions(file, fs::perms(0640));
  ASSERT_TRUE(pk::write_file_atomically(file, "[ui]\nmode = \"counter\"\n", pk::FileMode::Public,
                                        pk::ExistingMode::Keep));
  EXPECT_EQ(mode_of(file), 0640u);
  // A file that did not exist gets the mode asked for.
  ASSERT_TRUE(
      pk::write_file_atomically(m_dir / "new.toml", "", pk::FileMode::Public, pk::ExistingMode::Keep));
  EXPECT_EQ(mode_of(m_dir / "new.toml"), 0644u);
}

// A full disk, as the process sees it: the file size limit (RLIMIT_FSIZE) makes write() fail with
// EFBIG past 16 KiB, on any file system and without root.
TEST_F(AtomicFileTest, AFullDiskIsAnErrorAndKeepsTheOldFile) {
  const fs::path file = m_dir / "last-good.json";
  ASSERT_TRUE(pk::write_file_atomically(file, "the old catalog"));

  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // else the kernel ends the process
  rlimit small = saved;
  small.rlim_cur = 16 * 1024;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto written = pk::write_file_atomically(file, pattern(256 * 1024));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);

  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("cannot write"), std::string::npos) << written.error().message;
  EXPECT_NE(written.error().message.find(std::strerror(EFBIG)), std::string::npos) << written.error().message;
  EXPECT_EQ(contents(file), "the old catalog");
  EXPECT_EQ(entries(), 1u) << "the temporary is left behind";
}

TEST_F(AtomicFileTest, AMissingFolderIsAnError) {
  auto written = pk::write_file_atomically(m_dir / "absent" / "file", "x");
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find(std::strerror(ENOENT)), std::string::npos)
      << written.error().message;
  EXPECT_NE(written.error().message.find((m_dir / "absent" / "file").string()), std::string::npos);
}

// The rename is the last step that can fail before the new content is in place: here the
// target is a folder, which a file cannot replace.
TEST_F(AtomicFileTest, AFailedRenameKeepsTheTargetAndRemovesTheTemporary) {
  const fs::path target = m_dir / "catalog.json";
  fs::create_directories(target / "inside");
  auto written = pk::write_file_atomically(target, "text");
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("cannot rename"), std::string::npos) << written.error().message;
  EXPECT_NE(written.error().message.find(std::strerror(EISDIR)), std::string::npos)
      << written.error().message;
  EXPECT_TRUE(fs::is_directory(target / "inside"));
  EXPECT_EQ(entries(), 1u) << "the temporary is left behind";
}

// A folder the process may not write to. Root may write anywhere, so when the test runs as root
// the write is made by a child process that has given its root up (to nobody, 65534).
TEST_F(AtomicFileTest, AFolderWithoutWritePermissionIsRefusedAndKeepsTheOldFile) {
  const fs::path file = m_dir / "technicians.json";
  ASSERT_TRUE(pk::write_file_atomically(file, "old", pk::FileMode::Public));
  fs::permissions(m_dir, fs::perms(0555));
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    auto written = pk::write_file_atomically(file, "new", pk::FileMode::Public);
    if (written) ::_exit(1);
    ::_exit(written.error().message.find(std::strerror(EACCES)) != std::string::npos ? 0 : 2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the write succeeded, 2: another error, 3: cannot drop root";
  EXPECT_EQ(contents(file), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, SyncingAMissingFolderIsAnError) {
  auto synced = pk::sync_folder(m_dir / "absent");
  ASSERT_FALSE(synced);
  EXPECT_NE(synced.error().message.find((m_dir / "absent").string()), std::string::npos);
  EXPECT_TRUE(pk::sync_folder(m_dir));
}

}  // namespace
