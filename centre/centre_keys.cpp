#include "centre/centre_keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "centre/sealing_key.h"
#include "domain/json_fields.h"
#include "protocol/encoding.h"

namespace pk::centre {
namespace {

constexpr const char* kSealingFile = "sealing.key";
constexpr const char* kSigningFile = "catalog_signing.key";
constexpr const char* kRecordFile = "keys.json";

std::string hex_of(std::span<const uint8_t> bytes) { return sync::to_hex(bytes); }

// An exclusive lock on <data_dir>/.keys.lock for as long as it lives.
class FolderLock {
 public:
  static Result<FolderLock> take(const std::filesystem::path& data_dir) {
    const std::filesystem::path file = data_dir / ".keys.lock";
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return make_error("centre: cannot open " + file.string());
    if (::flock(fd, LOCK_EX) != 0) {
      ::close(fd);
      return make_error("centre: cannot lock " + file.string());
    }
    return FolderLock(fd);
  }
  FolderLock(FolderLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  FolderLock& operator=(FolderLock&&) = delete;
  ~FolderLock() {
    if (m_fd >= 0) ::close(m_fd);
  }

 private:
  explicit FolderLock(int fd) : m_fd(fd) {}
  int m_fd;
};

std::string restore_advice(const std::filesystem::path& data_dir) {
  return "; restore it from the backup of " + data_dir.string() +
         " (see the README, \"Backing up the centre\"), or, for a centre that has never served, "
         "start from an empty data folder";
}

Result<CentreKeys> make_keys(const std::filesystem::path& data_dir) {
  auto sealing = create_sealing_key(data_dir / kSealingFile);
  if (!sealing) return sealing.error();
  auto signing = SigningKey::create(data_dir / kSigningFile);
  if (!signing) return signing.error();
  return CentreKeys{std::move(signing).value(), std::move(sealing).value()};
}

Result<void> record_keys(const std::filesystem::path& data_dir, const CentreKeys& keys) {
  const nlohmann::json record{
      {"sealing_public_key_hex", hex_of(keys.sealing.public_key)},
      {"catalog_public_key_hex", hex_of(keys.signing.public_key())},
      {"recorded_unix", static_cast<int64_t>(std::time(nullptr))},
      {"note", "made once on this folder's first start; if a key is lost, restore it from the backup"}};
  return write_file_atomically(data_dir / kRecordFile, record.dump(2) + "\n", FileMode::Private);
}

Result<CentreKeys> load_recorded(const std::filesystem::path& data_dir) {
  auto text = read_file(data_dir / kRecordFile);
  if (!text) return text.error();
  const auto record = nlohmann::json::parse(*text, nullptr, false);
  const std::string where = "centre: " + (data_dir / kRecordFile).string();
  if (record.is_discarded())
    return make_error(ErrorKind::Malformed, where + " is damaged (not JSON)" + restore_advice(data_dir));
  fields::Problems problems;
  const fields::JsonFields r(record, fields::Place(problems, where));
  const std::string sealing_hex = r.string("sealing_public_key_hex");
  const std::string catalog_hex = r.string("catalog_public_key_hex");
  if (!problems.ok())
    return make_error(ErrorKind::Malformed, problems.error().message + restore_advice(data_dir));
  auto sealing = load_sealing_key(data_dir / kSealingFile);
  if (!sealing) return make_error("centre: " + sealing.error().message + restore_advice(data_dir));
  auto signing = SigningKey::load(data_dir / kSigningFile);
  if (!signing) return make_error(signing.error().message + restore_advice(data_dir));
  if (hex_of(sealing->public_key) != sealing_hex)
    return make_error("centre: " + (data_dir / kSealingFile).string() +
                      " is not the sealing key this centre made (keys.json records another)" +
                      restore_advice(data_dir));
  if (hex_of(signing->public_key()) != catalog_hex)
    return make_error("centre: " + (data_dir / kSigningFile).string() +
                      " is not the catalog-signing key this centre made (keys.json records another)" +
                      restore_advice(data_dir));
  return CentreKeys{std::move(signing).value(), std::move(sealing).value()};
}

}  // namespace

Result<void> make_private_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return make_error("centre: cannot create " + folder.string() + ": " + ec.message());
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  if (ec) return make_error("centre: cannot make " + folder.string() + " private (0700): " + ec.message());
  return {};
}

Result<CentreKeys> open_centre_keys(const std::filesystem::path& data_dir) {
  if (sodium_init() < 0) return make_error("libsodium could not be initialised");
  if (auto made = make_private_folder(data_dir); !made) return made.error();
  auto lock = FolderLock::take(data_dir);
  if (!lock) return lock.error();
  if (std::filesystem::exists(data_dir / kRecordFile)) return load_recorded(data_dir);

  // No record yet: a new folder, or one from a centre older than the record.
  const bool has_sealing = std::filesystem::exists(data_dir / kSealingFile);
  const bool has_signing = std::filesystem::exists(data_dir / kSigningFile);
  Result<CentreKeys> keys = make_error("unreachable");
  if (!has_sealing && !has_signing) {
    // A centre that has stored anything has made its keys: their loss must not pass for a
    // first start.
    for (const char* data : {"centre.sqlite", "enrollment.sqlite", "uploads", "tls"})
      if (std::filesystem::exists(data_dir / data) && !std::filesystem::is_empty(data_dir / data))
        return make_error("centre: " + data_dir.string() + " holds a centre's data but no keys (" +
                          kSealingFile + ", " + kSigningFile + ")" + restore_advice(data_dir));
    keys = make_keys(data_dir);
  } else if (has_sealing && has_signing) {
    auto sealing = load_sealing_key(data_dir / kSealingFile);
    if (!sealing) return make_error("centre: " + sealing.error().message + restore_advice(data_dir));
    auto signing = SigningKey::load(data_dir / kSigningFile);
    if (!signing) return make_error(signing.error().message + restore_advice(data_dir));
    keys = CentreKeys{std::move(signing).value(), std::move(sealing).value()};
  } else {
    return make_error("centre: " + data_dir.string() + " has " + (has_sealing ? kSealingFile : kSigningFile) +
                      " but not " + (has_sealing ? kSigningFile : kSealingFile) + restore_advice(data_dir));
  }
  if (!keys) return keys.error();
  if (auto recorded = record_keys(data_dir, *keys); !recorded) return recorded.error();
  return keys;
}

}  // namespace pk::centre
