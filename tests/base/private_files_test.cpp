// The private start both programs make: after make_new_files_private() a file made without an
// explicit mode (SQLite's database and WAL among them) is 0600, and make_private_folder leaves
// the data folder 0700 whether it was missing or wider. Real files and a real SQLite database.
#include "base/private_files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "base/database.h"

namespace fs = std::filesystem;

namespace {

class PrivateFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("private_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
    m_umask = ::umask(022);  // what a shell or a service manager gives
  }
  void TearDown() override {
    ::umask(m_umask);
    fs::remove_all(m_dir);
  }
  static unsigned mode_of(const fs::path& file) {
    struct stat st {};
    EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
    return st.st_mode & 07777;
  }
  fs::path m_dir;
  mode_t m_umask = 022;
};

TEST_F(PrivateFilesTest, AMissingDataFolderIsMade0700) {
  ASSERT_TRUE(pk::make_private_folder(m_dir / "var" / "data"));
  EXPECT_EQ(mode_of(m_dir / "var" / "data"), 0700u);
}

TEST_F(PrivateFilesTest, AWiderDataFolderIsTightenedTo0700) {
  fs::create_directories(m_dir / "data");
  fs::permissions(m_dir / "data", fs::perms(0755));
  ASSERT_TRUE(pk::make_private_folder(m_dir / "data"));
  EXPECT_EQ(mode_of(m_dir / "data"), 0700u);
}

TEST_F(PrivateFilesTest, AFolderThatIsAFileIsAnError) {
  {
    const int fd = ::open((m_dir / "data").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    ::close(fd);
  }
  auto made = pk::make_private_folder(m_dir / "data" / "inner");
  ASSERT_FALSE(made);
  EXPECT_NE(made.error().message.find((m_dir / "data" / "inner").string()), std::string::npos);
}

TEST_F(PrivateFilesTest, FilesMadeAfterwardsAre0600EvenSQLitesWal) {
  pk::make_new_files_private();
  const int fd = ::open((m_dir / "plain").c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
  ASSERT_GE(fd, 0);
  ::close(fd);
  EXPECT_EQ(mode_of(m_dir / "plain"), 0600u);

  auto db = pk::store::Database::open(m_dir / "store.db", pk::store::OpenOptions{});
  ASSERT_TRUE(db) << db.error().message;
  ASSERT_TRUE(db->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);"));
  ASSERT_TRUE(fs::exists(m_dir / "store.db-wal")) << "the database is in WAL mode while open";
  EXPECT_EQ(mode_of(m_dir / "store.db"), 0600u);
  EXPECT_EQ(mode_of(m_dir / "store.db-wal"), 0600u);
  EXPECT_EQ(mode_of(m_dir / "store.db-shm"), 0600u);
}

}  // namespace
