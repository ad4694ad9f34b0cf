#pragma once
// CentreStorage on PostgreSQL (pishkhan-centre --database postgresql://...): records AND the
// bytes of every upload live in the database (upload_chunks, one row per accepted chunk), so
// any number of centre instances can share one database: each sees the others' uploads, one
// backup holds everything, and a chunk is stored in the same transaction that moves its upload's
// offset. Safe across processes: every read-modify-write is one transaction that locks the row it
// changes (SELECT ... FOR UPDATE) or a conditional INSERT / UPDATE; nothing relies on a mutex in
// this process. Schema: centre/postgres_migrations.cpp.
#include <memory>

#include "centre/centre_storage.h"
#include "centre/postgres_database.h"

namespace pk::centre {

// `pool` is shared with the centre's other PostgreSQL stores; its schema must be migrated
// (pg::open_database() does both).
[[nodiscard]] std::unique_ptr<CentreStorage> make_postgres_storage(std::shared_ptr<pg::Pool> pool);

}  // namespace pk::centre
