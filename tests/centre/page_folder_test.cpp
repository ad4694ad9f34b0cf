// Where the PostgreSQL backend keeps page bytes: files in the uploads folder every instance
// shares, never rows in the database; bytes a crashed attempt left past the recorded offset are
// overwritten, not served; a database from before the folder keeps its uploads' bytes in
// upload_chunks, where they are read and where an unfinished one is finished.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "tests/centre/backend_fixture.h"

namespace pk::centre::test {
namespace {

class PostgresPageFolderTest : public BackendTest {
 protected:
  int64_t count(const std::string& sql) {
    auto value = pool(1)->read<int64_t>("count", [&](pg::Connection& c) -> Result<int64_t> {
      auto rows = c.exec(sql);
      if (!rows) return rows.error();
      return rows->int64(0, 0);
    });
    EXPECT_TRUE(value.ok()) << (value.ok() ? "" : value.error().message);
    return value ? *value : -1;
  }

  void run(const std::string& sql) {
    auto ran = pool(1)->transaction<bool>("test", [&](pg::Connection& c) -> Result<bool> {
      if (auto done = c.exec_script(sql); !done) return done.error();
      return true;
    });
    ASSERT_TRUE(ran.ok()) << ran.error().message;
  }

  [[nodiscard]] std::filesystem::path file_of(const std::string& id) const {
    return m_dir.path() / "uploads" / id;
  }

  [[nodiscard]] std::vector<uint8_t> file_bytes(const std::string& id) const {
    std::ifstream in(file_of(id), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // What a centre that died after writing a chunk, before committing its offset, leaves behind.
  void write_file(const std::string& id, const std::vector<uint8_t>& bytes) const {
    std::ofstream out(file_of(id), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
};

TEST_P(PostgresPageFolderTest, PageBytesAreFilesInTheUploadsFolderNotRowsInTheDatabase) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto page0 = bytes_of(150'000, 1);
  const auto page1 = bytes_of(20'000, 2);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page0, page1}));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(upload(*storage, "T1", upload_id(pages[0]), page0, page0.size()).outcome,
            AppendOutcome::Appended);
  EXPECT_EQ(upload(*storage, "T1", upload_id(pages[1]), page1, 7'000).outcome, AppendOutcome::Appended);
  EXPECT_EQ((*storage->status("T1", "KSK7-1"))->status, sync::CentreStatus::Received);

  EXPECT_EQ(count("SELECT count(*) FROM upload_chunks"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM uploads WHERE bytes_in = 'folder'"), 2);
  EXPECT_EQ(file_bytes(upload_id(pages[0])), page0);
  EXPECT_EQ(file_bytes(upload_id(pages[1])), page1);
  struct stat info {};
  ASSERT_EQ(::stat(file_of(upload_id(pages[0])).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((m_dir.path() / "uploads").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  // Another instance on the database and the folder reads them.
  auto other = open_storage();
  ASSERT_TRUE(other);
  EXPECT_EQ(*other->read_upload(upload_id(pages[0])), page0);

  // A standalone upload's file goes with its record.
  auto standalone = storage->create_upload("T1", 4, "");
  ASSERT_TRUE(standalone.ok());
  EXPECT_EQ(upload(*storage, "T1", standalone->id, {9, 8, 7, 6}, 4).outcome, AppendOutcome::Appended);
  EXPECT_TRUE(std::filesystem::exists(file_of(standalone->id)));
  EXPECT_TRUE(*storage->remove_upload("T1", standalone->id));
  EXPECT_FALSE(std::filesystem::exists(file_of(standalone->id)));
}

TEST_P(PostgresPageFolderTest, BytesACrashLeftPastTheRecordedOffsetAreOverwrittenNotServed) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto page = bytes_of(9'000, 3);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page}));
  ASSERT_EQ(pages.size(), 1u);
  const std::string id = upload_id(pages[0]);
  ASSERT_EQ(storage->append("T1", id, 0, std::span(page).first(4'000))->outcome, AppendOutcome::Appended);
  // A chunk from 4,000 written, longer and wrong, and its offset never committed.
  auto crashed = std::vector<uint8_t>(page.begin(), page.begin() + 4'000);
  const auto junk = bytes_of(12'000, 200);
  crashed.insert(crashed.end(), junk.begin(), junk.end());
  write_file(id, crashed);
  EXPECT_EQ((*storage->find_upload("T1", id))->offset, 4'000);
  EXPECT_EQ(*storage->read_upload(id), std::vector<uint8_t>(page.begin(), page.begin() + 4'000));

  // The terminal resends from the recorded offset: the page is whole, checks, and the file is
  // exactly the page.
  auto rest = storage->append("T1", id, 4'000, std::span(page).subspan(4'000));
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(rest->outcome, AppendOutcome::Appended);
  EXPECT_EQ(*storage->read_upload(id), page);
  EXPECT_EQ(file_bytes(id), page);
}

TEST_P(PostgresPageFolderTest, UploadsFromBeforeTheFolderKeepTheirBytesInTheDatabase) {
  // The database as migration 7 left it, with one upload finished and one half-way, their bytes
  // in upload_chunks.
  {
    auto storage = open_storage();
    ASSERT_TRUE(storage);
  }
  // One script: every pool this test opens migrates the database first.
  const auto done = bytes_of(3'000, 4);
  const auto half = bytes_of(5'000, 5);
  const std::string done_id(32, 'a');
  const std::string half_id(32, 'b');
  run("DELETE FROM schema_migrations WHERE version = 8; ALTER TABLE uploads DROP COLUMN bytes_in; "
      "INSERT INTO uploads (id, terminal_id, length, upload_offset, metadata, complete) VALUES ('" +
      done_id + "', 'T1', 3000, 3000, '', true), ('" + half_id + "', 'T1', 5000, 2000, '', false); " +
      "INSERT INTO upload_chunks VALUES ('" + done_id + "', 0, decode('" + sync::to_hex(done) +
      "', 'hex')), ('" + half_id + "', 0, decode('" + sync::to_hex(std::span(half).first(2'000)) +
      "', 'hex'))");

  // This centre migrates the database: the old uploads are marked as in the database.
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  EXPECT_EQ(count("SELECT count(*) FROM uploads WHERE bytes_in = 'database'"), 2);
  EXPECT_EQ(*storage->read_upload(done_id), done);
  auto rest = storage->append("T1", half_id, 2'000, std::span(half).subspan(2'000));
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(rest->outcome, AppendOutcome::Appended);
  EXPECT_TRUE((*storage->find_upload("T1", half_id))->complete);
  EXPECT_EQ(*storage->read_upload(half_id), half);
  EXPECT_EQ(count("SELECT count(*) FROM upload_chunks WHERE upload_id = '" + half_id + "'"), 2);
  EXPECT_FALSE(std::filesystem::exists(file_of(half_id)));
  // A new upload goes to the folder.
  auto fresh = storage->create_upload("T1", 2, "");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(upload(*storage, "T1", fresh->id, {1, 2}, 2).outcome, AppendOutcome::Appended);
  EXPECT_EQ(file_bytes(fresh->id), (std::vector<uint8_t>{1, 2}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresPageFolderTest, ::testing::Values(Backend::Postgres),
                         backend_name);

}  // namespace
}  // namespace pk::centre::test
