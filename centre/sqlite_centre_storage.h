#pragma once
// The default CentreStorage: <data>/centre.sqlite for records, <data>/uploads/<id> for the
// bytes of each upload. One connection behind a mutex: the centre is a reference service,
// correctness first; SQLite serialises writers anyway.
#include <filesystem>
#include <memory>

#include "centre/centre_storage.h"

namespace pk::centre {

[[nodiscard]] Result<std::unique_ptr<CentreStorage>> open_sqlite_storage(
    const std::filesystem::path& data_dir);

}  // namespace pk::centre
