#include "base/private_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <system_error>

#include "base/system_error.h"

namespace pk {

void make_new_files_private() { ::umask(077); }

Result<void> make_private_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return system_error(ec.value(), "cannot create the data folder", folder.string());
  if (::chmod(folder.c_str(), 0700) != 0)
    return system_error(errno, "cannot set 0700 on the data folder", folder.string());
  return {};
}

}  // namespace pk
