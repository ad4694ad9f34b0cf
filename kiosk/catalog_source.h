#pragma once
// Where the kiosk's catalog comes from, and the "last good catalog" rule: a catalog is
// applied only after it parses and validates; it is then kept as the last good one in the
// data folder, and a later malformed catalog is refused (with its message) while the
// terminal goes on with the last good one.
#include <filesystem>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/result.h"

namespace pk::kiosk {

struct LoadedCatalog {
  catalog::Catalog catalog;
  std::filesystem::path from;         // the file it was read from
  std::vector<std::string> refusals;  // catalogs that were refused on the way, with why
};

// candidate: the catalog offered now (the shipped file, or one received from the centre).
// last_good: where the last catalog that validated is kept (written atomically here).
// A candidate older than the last good one is not applied (a downgrade is refused).
Result<LoadedCatalog> load_catalog(const std::filesystem::path& candidate,
                                   const std::filesystem::path& last_good);

// <data_dir>/catalog/last-good.json: where the kiosk keeps its last good catalog, and where
// enrollment and the sync worker store a newer one from the centre.
[[nodiscard]] inline std::filesystem::path last_good_catalog_path(const std::filesystem::path& data_dir) {
  return data_dir / "catalog" / "last-good.json";
}

}  // namespace pk::kiosk
