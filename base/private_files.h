#pragma once
// What both programs (the kiosk and the centre) do before they make any file: everything they
// make is theirs alone. The umask becomes 077, so a file made without an explicit mode (SQLite's
// database, its WAL and shared-memory files, a log, a PNG) comes out 0600 and a folder 0700,
// whatever umask the shell or the service manager gave; and the data folder is made, or
// tightened, to 0700.
#include <filesystem>

#include "domain/result.h"

namespace pk {

// umask(077) for the whole process, from now on.
void make_new_files_private();

// Makes `folder` (and missing parents, 0700 under the umask above) and sets it to 0700. An error
// (of kind Permission when the folder belongs to someone else) names the folder.
[[nodiscard]] Result<void> make_private_folder(const std::filesystem::path& folder);

}  // namespace pk
