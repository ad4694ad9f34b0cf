#pragma once
// Where the centre keeps its records, chosen by configuration: with no database URL, SQLite
// files under the data folder as always (centre.sqlite and uploads/, enrollment.sqlite,
// diagnostics/, staff.sqlite); with `--database postgresql://...`, PostgreSQL for all four, the
// bytes of uploads and bundles included, so several centre instances can share it. The keys and
// the CA stay in the data folder either way.
#include <filesystem>
#include <memory>
#include <string>

#include "centre/centre_storage.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/staff/staff_store.h"
#include "domain/result.h"

namespace pk::centre {

struct CentreBackends {
  std::unique_ptr<CentreStorage> storage;
  std::unique_ptr<EnrollmentStore> enrollment;
  std::unique_ptr<DiagnosticsStore> diagnostics;
  std::unique_ptr<StaffStore> staff;  // the back office's accounts, sessions and audit log
};

// What a serving centre opens: on PostgreSQL, one pool of `pool_size` connections shared by the
// four, its schema migrated first.
[[nodiscard]] Result<CentreBackends> open_backends(const std::filesystem::path& data_dir,
                                                   const std::string& database_url, int pool_size = 8);
// What the command-line subcommands open: just the one store, on one connection.
[[nodiscard]] Result<std::unique_ptr<CentreStorage>> open_storage(const std::filesystem::path& data_dir,
                                                                  const std::string& database_url);
[[nodiscard]] Result<std::unique_ptr<EnrollmentStore>> open_enrollment_store(
    const std::filesystem::path& data_dir, const std::string& database_url);
[[nodiscard]] Result<std::unique_ptr<StaffStore>> open_staff_store(const std::filesystem::path& data_dir,
                                                                   const std::string& database_url);
[[nodiscard]] Result<std::unique_ptr<DiagnosticsStore>> open_diagnostics_store(
    const std::filesystem::path& data_dir, const std::string& database_url);

}  // namespace pk::centre
