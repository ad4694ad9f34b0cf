#pragma once
// The province-wide service-level summary as staff ask for it: a Jalali year, a moment it is
// computed as of, and the services (by default the catalog's), read from the centre's storage.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "centre/centre_storage.h"
#include "centre/sla_summary.h"
#include "domain/result.h"

namespace pk::centre {

// "3,7,12": service numbers in 1..9999, at most 1,000 of them; nullopt when malformed.
[[nodiscard]] std::optional<std::vector<int>> parse_service_list(const std::string& text);

// services empty: the services of `catalog_file`, or failing that every service a terminal's
// outages or failure reports name.
[[nodiscard]] Result<SlaSummary> province_summary(
    CentreStorage& storage, const std::filesystem::path& catalog_file, int year, int64_t as_of_unix,
    std::vector<int> services = {}, const std::optional<std::vector<std::string>>& only_terminals = {});

}  // namespace pk::centre
