#pragma once
// CentreStorage on PostgreSQL (pishkhan-centre --database postgresql://...): the records live in
// the database, the bytes of the uploaded pages in a folder every instance shares (<data>/uploads,
// one file per upload: centre/page_folder.h). Writing 300 KB of page bytes a submission into the
// WAL and the heap made PostgreSQL the largest CPU cost of ingest; a file written and fsynced
// once costs a fraction of it. A chunk is on disk before the transaction that records its offset
// commits, and the offset in the database is the truth: a crash between the two leaves bytes past
// the offset that the resent chunk overwrites. Uploads made before migration 8 keep their bytes in
// upload_chunks (one row per chunk) and are read and finished there.
// Safe across processes: every read-modify-write is one transaction that locks the row it changes
// (SELECT ... FOR UPDATE) or a conditional INSERT / UPDATE; nothing relies on a mutex in this
// process. Schema: centre/postgres_migrations.cpp.
#include <filesystem>
#include <memory>

#include "centre/centre_storage.h"
#include "centre/postgres_database.h"

namespace pk::centre {

// `pool` is shared with the centre's other PostgreSQL stores; its schema must be migrated
// (pg::open_database() does both). `uploads_folder` (made 0700 when missing) must be the same folder
// for every instance on the database: on one machine they share --data; across machines, one
// network file system mounted there.
[[nodiscard]] Result<std::unique_ptr<CentreStorage>> make_postgres_storage(
    std::shared_ptr<pg::Pool> pool, const std::filesystem::path& uploads_folder);

}  // namespace pk::centre
