#pragma once
// Where the kiosk's CSCA master list lives and how a passport read gets it. The sync worker
// stores the centre's signed list there (last good, like the catalog); a province without one
// reads every passport as "unverified: no master list", never silently trusted.
#include <filesystem>
#include <optional>

#include "drivers/cardreader/apps/icao/csca_master_list.h"

namespace pk::kiosk {

// <data_dir>/catalog/csca-master-list.pem, beside the last good catalog.
[[nodiscard]] inline std::filesystem::path csca_master_list_path(const std::filesystem::path& data_dir) {
  return data_dir / "catalog" / "csca-master-list.pem";
}

// Read at each passport read (a few kilobytes), so a list stored meanwhile counts at once.
// nullopt when there is none, or it does not parse (logged: the technician's to fix).
[[nodiscard]] std::optional<cardreader::icao::CscaMasterList> load_csca_master_list(
    const std::filesystem::path& data_dir);

}  // namespace pk::kiosk
