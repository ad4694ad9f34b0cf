#include "kiosk/catalog_source.h"

#include <optional>

#include "base/atomic_file.h"
#include "base/read_file.h"

namespace pk::kiosk {

namespace {

// The largest catalog file read, as the sync accepts from the centre (the shipped one is 84 KB).
constexpr size_t kMaxCatalogBytes = 8 * 1024 * 1024;

Result<catalog::Catalog> read_catalog(const std::filesystem::path& file) {
  auto text = read_file(file, kMaxCatalogBytes);
  if (!text) return text.error();
  return catalog::parse_catalog(*text, file.string());
}

// Whole and durable (base/atomic_file.h): a power cut leaves either the old last-good catalog
// or the new one, never a torn file.
Result<void> write_last_good(const std::filesystem::path& file, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  return write_file_atomically(file, text);
}

}  // namespace

Result<LoadedCatalog> load_catalog(const std::filesystem::path& candidate,
                                   const std::filesystem::path& last_good) {
  LoadedCatalog loaded;
  std::optional<catalog::Catalog> good;
  if (std::filesystem::exists(last_good)) {
    auto kept = read_catalog(last_good);
    if (kept)
      good = std::move(kept.value());
    else
      loaded.refusals.push_back(kept.error().message);
  }

  auto offered = read_catalog(candidate);
  if (offered && (!good || offered->version >= good->version)) {
    if (!good || offered->version > good->version) {
      auto text = read_file(candidate, kMaxCatalogBytes);
      if (text) {
        auto written = write_last_good(last_good, *text);
        if (!written) loaded.refusals.push_back(written.error().message);
      }
    }
    loaded.catalog = std::move(offered.value());
    loaded.from = candidate;
    return loaded;
  }
  if (!offered)
    loaded.refusals.push_back(offered.error().message);
  else
    loaded.refusals.push_back(candidate.string() + ": version " + std::to_string(offered->version) +
                              " is older than the catalog in use (version " + std::to_string(good->version) +
                              "); keeping the newer one");
  if (!good) {
    std::string why;
    for (const std::string& r : loaded.refusals) why += "\n  " + r;
    return make_error("no usable service catalog:" + why);
  }
  loaded.catalog = std::move(*good);
  loaded.from = last_good;
  return loaded;
}

}  // namespace pk::kiosk
