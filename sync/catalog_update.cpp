#include "sync/catalog_update.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "domain/catalog.h"
#include "protocol/catalog_verifier.h"
#include "protocol/encoding.h"

namespace pk::sync {
namespace {

// A catalog is tens of kilobytes; this bounds what a damaged file makes us read.
constexpr size_t kMaxCatalogBytes = 8 * 1024 * 1024;

CatalogUpdateResult failed(std::string message) {
  CatalogUpdateResult result;
  result.message = std::move(message);
  return result;
}

}  // namespace

CatalogUpdateResult update_catalog(CentreClient& centre, std::string_view public_key_base64,
                                   const std::filesystem::path& catalog_file, std::string_view etag) {
  auto fetched = centre.catalog(etag);
  if (!fetched.ok()) return failed(fetched.error().message);
  if (fetched->not_modified) {
    CatalogUpdateResult result;
    result.result = CatalogUpdate::Unchanged;
    result.etag = std::string(etag);
    result.message = "the centre's catalog has not changed";
    return result;
  }
  // The ETag is remembered only for a catalog that was accepted or judged: a refused one is
  // fetched in full again next time, never skipped as "not modified".
  auto key_bytes = from_base64(public_key_base64);
  SigningPublicKey key{};
  if (!key_bytes || key_bytes->size() != key.size())
    return failed("the centre's catalog key in the identity is not an Ed25519 key");
  std::copy(key_bytes->begin(), key_bytes->end(), key.begin());
  if (sodium_init() < 0) return failed("libsodium could not be initialised");
  if (auto verified = verify_signature(fetched->text, fetched->signature_base64, key); !verified)
    return failed(verified.error().message);
  auto parsed = catalog::parse_catalog(fetched->text, "catalog from the centre");
  if (!parsed) return failed(parsed.error().message);

  CatalogUpdateResult result;
  result.version = parsed->version;
  result.etag = fetched->etag;
  // The sync worker and a technician's "fetch again" may both get here: the look at the file's
  // version and the write are one step, so neither writes an older catalog over the other's
  // newer one (and they do not share the temporary file at the same time).
  static std::mutex file_lock;
  const std::lock_guard lock(file_lock);
  // Never a downgrade: a newer catalog already on the terminal stays (the kiosk's own rule).
  std::error_code ec;
  if (std::filesystem::exists(catalog_file, ec)) {
    auto text = read_file(catalog_file, kMaxCatalogBytes);
    auto kept =
        text ? catalog::parse_catalog(*text, catalog_file.string()) : Result<catalog::Catalog>(text.error());
    if (kept && kept->version > parsed->version) {
      result.result = CatalogUpdate::KeptNewer;
      result.message = "the centre's catalog (version " + std::to_string(parsed->version) +
                       ") is older than the one on the terminal (version " + std::to_string(kept->version) +
                       "): kept that one";
      return result;
    }
    if (kept && kept->version == parsed->version) {
      // Not written again, but the terminal's alone like a stored one (the kiosk's first start
      // may have copied the shipped file there with the default mode).
      std::filesystem::permissions(
          catalog_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
      result.result = CatalogUpdate::Unchanged;
      result.message = "catalog version " + std::to_string(parsed->version) +
                       " from the centre, signature verified, is the one in " + catalog_file.string();
      return result;
    }
  }
  // The folder is the terminal's alone, like its keys.
  if (!std::filesystem::exists(catalog_file.parent_path(), ec)) {
    std::filesystem::create_directories(catalog_file.parent_path(), ec);
    std::filesystem::permissions(catalog_file.parent_path(), std::filesystem::perms::owner_all, ec);
  }
  if (auto written = write_file_atomically(catalog_file, fetched->text, FileMode::Private); !written) {
    result.result = CatalogUpdate::Failed;
    result.etag.clear();
    result.message = written.error().message;
    return result;
  }
  result.result = CatalogUpdate::Stored;
  result.message = "catalog version " + std::to_string(parsed->version) +
                   " from the centre, signature verified, stored in " + catalog_file.string();
  return result;
}

std::string_view to_string(CatalogUpdate update) {
  switch (update) {
    case CatalogUpdate::Stored:
      return "stored";
    case CatalogUpdate::Unchanged:
      return "unchanged";
    case CatalogUpdate::KeptNewer:
      return "kept newer";
    case CatalogUpdate::Failed:
      return "failed";
  }
  return "unknown";
}

}  // namespace pk::sync
