#include "centre/centre_backends.h"

#include "centre/postgres_centre_storage.h"
#include "centre/postgres_database.h"
#include "centre/sqlite_centre_storage.h"

namespace pk::centre {
namespace {

Result<std::shared_ptr<pg::Pool>> open_database(const std::string& url, int pool_size) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://"))
    return make_error("--database must be a postgresql:// URL (got \"" + url.substr(0, 40) + "\")");
  return pg::open_database(url, pool_size);
}

}  // namespace

Result<CentreBackends> open_backends(const std::filesystem::path& data_dir, const std::string& database_url,
                                     int pool_size) {
  CentreBackends backends;
  if (database_url.empty()) {
    auto storage = open_sqlite_storage(data_dir);
    if (!storage) return storage.error();
    auto enrollment = EnrollmentStore::open(data_dir);
    if (!enrollment) return enrollment.error();
    auto diagnostics = DiagnosticsStore::open(data_dir);
    if (!diagnostics) return diagnostics.error();
    backends.storage = std::move(storage).value();
    backends.enrollment = std::move(enrollment).value();
    backends.diagnostics = std::move(diagnostics).value();
    auto staff = StaffStore::open(data_dir);
    if (!staff) return staff.error();
    backends.staff = std::move(staff).value();
    return backends;
  }
  auto pool = open_database(database_url, pool_size);
  if (!pool) return pool.error();
  auto storage = make_postgres_storage(*pool, data_dir / "uploads");
  if (!storage) return storage.error();
  backends.storage = std::move(storage).value();
  backends.enrollment = make_postgres_enrollment_store(*pool);
  backends.diagnostics = make_postgres_diagnostics_store(*pool);
  backends.staff = make_postgres_staff_store(*pool);
  return backends;
}

Result<std::unique_ptr<CentreStorage>> open_storage(const std::filesystem::path& data_dir,
                                                    const std::string& database_url) {
  if (database_url.empty()) return open_sqlite_storage(data_dir);
  auto pool = open_database(database_url, 1);
  if (!pool) return pool.error();
  return make_postgres_storage(std::move(pool).value(), data_dir / "uploads");
}

Result<std::unique_ptr<EnrollmentStore>> open_enrollment_store(const std::filesystem::path& data_dir,
                                                               const std::string& database_url) {
  if (database_url.empty()) return EnrollmentStore::open(data_dir);
  auto pool = open_database(database_url, 1);
  if (!pool) return pool.error();
  return make_postgres_enrollment_store(std::move(pool).value());
}

Result<std::unique_ptr<StaffStore>> open_staff_store(const std::filesystem::path& data_dir,
                                                     const std::string& database_url) {
  if (database_url.empty()) return StaffStore::open(data_dir);
  auto pool = open_database(database_url, 1);
  if (!pool) return pool.error();
  return make_postgres_staff_store(std::move(pool).value());
}

Result<std::unique_ptr<DiagnosticsStore>> open_diagnostics_store(const std::filesystem::path& data_dir,
                                                                 const std::string& database_url) {
  if (database_url.empty()) return DiagnosticsStore::open(data_dir);
  auto pool = open_database(database_url, 1);
  if (!pool) return pool.error();
  return make_postgres_diagnostics_store(std::move(pool).value());
}

}  // namespace pk::centre
