#pragma once
// Helpers shared by the offline-store tests: a temporary directory on the real disk (not tmpfs,
// so fsync means something), sample applications with sealed content, and a snapshot of what a
// store file holds, read through a fresh connection, to compare before and after a fault.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "offline-store/records.h"
#include "protocol/sealing.h"

namespace pk::store::test {

class TempDir {
 public:
  explicit TempDir(const std::string& name);
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

// The centre's key pair used by every test of this binary.
[[nodiscard]] const KeyPair& centre_keys();

// "KSK7-<sequence>": what the domain's tracking-code maker would produce, minus check digits.
[[nodiscard]] std::string tracking_code_for(int64_t sequence);
[[nodiscard]] int64_t sequence_of(const std::string& tracking_code);

[[nodiscard]] std::vector<uint8_t> random_page(size_t size);
[[nodiscard]] Sha256 sha256_of(std::span<const uint8_t> bytes);
// A kiosk application with `pages` pages of `page_size` random bytes, each sealed to centre_keys().
[[nodiscard]] NewApplication sample_application(int pages, size_t page_size);
[[nodiscard]] std::string sha256_hex_of_file(const std::filesystem::path& file);

struct ApplicationRow {
  std::string tracking_code;
  int64_t sequence = 0;
  std::string state;
  int64_t documents = 0;
  int64_t outbox_rows = 0;
  bool operator==(const ApplicationRow&) const = default;
};

struct Snapshot {
  std::string integrity;       // "ok" when PRAGMA integrity_check is clean
  int64_t schema_version = 0;  // 0: the schema was never committed (e.g. killed while creating it)
  std::vector<ApplicationRow> applications;  // ordered by sequence
  int64_t documents = 0;
  int64_t outbox = 0;
  int64_t audit = 0;
  int64_t tracking_sequence = 0;
  bool operator==(const Snapshot&) const = default;
};

// Opens the file with the default VFS (running WAL recovery if needed) and reads everything.
[[nodiscard]] Snapshot snapshot(const std::filesystem::path& file);

}  // namespace pk::store::test
