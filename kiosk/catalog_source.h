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

}  // namespace pk::kiosk
