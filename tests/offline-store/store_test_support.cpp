#include "tests/offline-store/store_test_support.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>

#include "base/database.h"

namespace pk::store::test {

TempDir::TempDir(const std::string& name) {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::path(PK_TEST_BINARY_DIR) / "store-tmp" /
           (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  // Kept when the test failed, so the file can be inspected with the sqlite3 shell.
  if (!::testing::Test::HasFailure()) {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
}

const KeyPair& centre_keys() {
  static const KeyPair keys = [] {
    auto generated = generate_key_pair();
    if (!generated) std::abort();
    return std::move(generated).value();
  }();
  return keys;
}

std::string tracking_code_for(int64_t sequence) { return "KSK7-" + std::to_string(sequence); }

int64_t sequence_of(const std::string& tracking_code) { return std::stoll(tracking_code.substr(5)); }

std::vector<uint8_t> random_page(size_t size) {
  std::vector<uint8_t> page(size);
  if (auto filled = random_bytes(page); !filled) std::abort();
  return page;
}

Sha256 sha256_of(std::span<const uint8_t> bytes) {
  Sha256 hash{};
  crypto_hash_sha256(hash.data(), bytes.data(), bytes.size());
  return hash;
}

NewApplication sample_application(int pages, size_t page_size) {
  NewApplication application;
  application.kind = ApplicationKind::Application;
  application.service_number = 3;
  application.channel = Channel::Kiosk;
  application.terminal_id = "KSK7";
  application.created_at_unix = 1'732'500'000;
  application.created_monotonic_ms = 123'456;
  const std::string personal = R"({"name":"Ahmad Rahimi","foreign_id":"123456789012"})";
  auto sealed_personal = seal(std::span(reinterpret_cast<const uint8_t*>(personal.data()), personal.size()),
                              centre_keys().public_key);
  if (!sealed_personal) std::abort();
  application.sealed_personal = std::move(sealed_personal).value();
  for (int page_no = 1; page_no <= pages; ++page_no) {
    std::vector<uint8_t> page = random_page(page_size);
    NewDocument document;
    document.doc_kind = "amayesh_card";
    document.page_no = page_no;
    document.mime = "image/jpeg";
    document.byte_size = static_cast<int64_t>(page.size());
    document.sha256 = sha256_of(page);
    auto sealed = seal(page, centre_keys().public_key);
    if (!sealed) std::abort();
    document.sealed_content = std::move(sealed).value();
    application.documents.push_back(std::move(document));
  }
  return application;
}

std::string sha256_hex_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Sha256 hash = sha256_of(bytes);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

Snapshot snapshot(const std::filesystem::path& file) {
  Snapshot snap;
  auto db = Database::open(file, OpenOptions{});
  if (!db) {
    ADD_FAILURE() << db.error().message;
    return snap;
  }
  auto integrity = db->query_text("PRAGMA integrity_check");
  snap.integrity = integrity ? *integrity : integrity.error().message;
  auto version = db->query_int64("PRAGMA user_version");
  snap.schema_version = version ? *version : -1;
  if (snap.schema_version == 0) return snap;
  auto rows = db->prepare(
      "SELECT a.tracking_code, a.tracking_sequence, a.state,"
      " (SELECT count(*) FROM documents d WHERE d.application_id = a.id),"
      " (SELECT count(*) FROM outbox o WHERE o.application_id = a.id)"
      " FROM applications a ORDER BY a.tracking_sequence");
  if (!rows) {
    ADD_FAILURE() << rows.error().message;
    return snap;
  }
  for (;;) {
    auto step = rows->step();
    if (!step || *step == StepResult::Done) break;
    snap.applications.push_back(ApplicationRow{rows->column_text(0), rows->column_int64(1),
                                               rows->column_text(2), rows->column_int64(3),
                                               rows->column_int64(4)});
  }
  auto count = [&](const char* sql) {
    auto value = db->query_int64(sql);
    if (!value) ADD_FAILURE() << value.error().message;
    return value ? *value : -1;
  };
  snap.documents = count("SELECT count(*) FROM documents");
  snap.outbox = count("SELECT count(*) FROM outbox");
  snap.audit = count("SELECT count(*) FROM audit_log");
  snap.tracking_sequence = count("SELECT value FROM sequences WHERE name = 'tracking'");
  return snap;
}

}  // namespace pk::store::test
