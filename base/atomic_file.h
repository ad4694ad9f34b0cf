#pragma once
// The one way a file outside SQLite is written: whole or not at all, and durably. The bytes go to
// a temporary file in the same folder (so the rename cannot cross file systems), the file is
// fsynced and closed, renamed over the target, and the folder is fsynced (the rename itself is on
// disk only then). Every one of those calls is checked: a failure is an Error whose message names
// the step that failed, the file, and the system's reason (No space left on device, ...).
//
// Callers may rely on:
//  - until the rename, a failure leaves the old file untouched and removes the temporary;
//  - the permission bits are the ones asked for (0600 by default) whatever the process's umask;
//  - a success means the new content survives a power cut.
#include <filesystem>
#include <string_view>

#include "domain/result.h"

namespace pk {

enum class FileMode {
  Private,  // 0600: keys, accounts, anything about a citizen or the terminal (the default)
  Public,   // 0644: certificates, a published catalog, a bundle a technician carries away
};

enum class ExistingMode {
  Replace,  // the file gets `FileMode` even when it existed with other bits
  Keep,     // a file that exists keeps its bits (a configuration file its administrator set)
};

[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                                                 FileMode mode = FileMode::Private,
                                                 ExistingMode existing = ExistingMode::Replace);

// fsync of a folder: what makes a rename, a new file or an unlink inside it survive a power cut.
[[nodiscard]] Result<void> sync_folder(const std::filesystem::path& folder);

}  // namespace pk
