#include "sync/csca_master_list_update.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "protocol/catalog_verifier.h"
#include "protocol/encoding.h"

namespace pk::sync {
namespace {

constexpr size_t kMaxMasterListBytes = 4 * 1024 * 1024;  // as the parser's own bound

MasterListUpdateResult outcome(MasterListUpdate result, std::string message, int64_t version = 0,
                               std::string etag = {}) {
  return MasterListUpdateResult{result, version, std::move(etag), std::move(message)};
}

}  // namespace

MasterListUpdateResult update_csca_master_list(CentreClient& centre, std::string_view public_key_base64,
                                               const std::filesystem::path& file,
                                               const MasterListCheck& check, std::string_view etag) {
  auto fetched = centre.csca_master_list(etag);
  if (!fetched.ok()) return outcome(MasterListUpdate::Failed, fetched.error().message);
  if (fetched->not_modified)
    return outcome(MasterListUpdate::Unchanged, "the centre's CSCA master list has not changed", 0,
                   std::string(etag));
  if (fetched->absent)
    return outcome(MasterListUpdate::NoneAtCentre, "the centre publishes no CSCA master list");
  auto key_bytes = from_base64(public_key_base64);
  SigningPublicKey key{};
  if (!key_bytes || key_bytes->size() != key.size())
    return outcome(MasterListUpdate::Failed,
                   "the centre's catalog key in the identity is not an Ed25519 key");
  std::copy(key_bytes->begin(), key_bytes->end(), key.begin());
  if (sodium_init() < 0) return outcome(MasterListUpdate::Failed, "libsodium could not be initialised");
  if (auto verified = verify_signature(fetched->text, fetched->signature_base64, key); !verified)
    return outcome(MasterListUpdate::Failed, "CSCA master list: " + verified.error().message);
  auto version = check(fetched->text);
  if (!version) return outcome(MasterListUpdate::Failed, version.error().message);

  static std::mutex file_lock;  // the worker and a technician's "fetch again" may both get here
  const std::lock_guard lock(file_lock);
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    auto text = read_file(file, kMaxMasterListBytes);
    auto kept = text ? check(*text) : Result<int64_t>(text.error());
    if (kept && *kept > *version)
      return outcome(MasterListUpdate::KeptNewer,
                     "the centre's CSCA master list (version " + std::to_string(*version) +
                         ") is older than the terminal's (version " + std::to_string(*kept) +
                         "): kept that one",
                     *version, fetched->etag);
    if (kept && *kept == *version)
      return outcome(
          MasterListUpdate::Unchanged,
          "CSCA master list version " + std::to_string(*version) + " is the one in " + file.string(),
          *version, fetched->etag);
  }
  if (!std::filesystem::exists(file.parent_path(), ec)) {
    std::filesystem::create_directories(file.parent_path(), ec);
    std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all, ec);
  }
  if (auto written = write_file_atomically(file, fetched->text, FileMode::Private); !written)
    return outcome(MasterListUpdate::Failed, written.error().message);
  return outcome(MasterListUpdate::Stored,
                 "CSCA master list version " + std::to_string(*version) +
                     " from the centre, signature verified, stored in " + file.string(),
                 *version, fetched->etag);
}

std::string_view to_string(MasterListUpdate update) {
  switch (update) {
    case MasterListUpdate::Stored:
      return "stored";
    case MasterListUpdate::Unchanged:
      return "unchanged";
    case MasterListUpdate::KeptNewer:
      return "kept newer";
    case MasterListUpdate::NoneAtCentre:
      return "none at the centre";
    case MasterListUpdate::Failed:
      return "failed";
  }
  return "unknown";
}

}  // namespace pk::sync
