#pragma once
// The embedded centre's SQLite schema (centre.sqlite): made on a new file, and any earlier
// version brought up to date (PRAGMA user_version), in one transaction.
#include "base/database.h"
#include "domain/result.h"

namespace pk::centre {

[[nodiscard]] Result<void> migrate_centre_sqlite(store::Database& db);

}  // namespace pk::centre
