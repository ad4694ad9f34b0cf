#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "base/system_error.h"

namespace pk {

namespace {

mode_t bits_of(FileMode mode) { return mode == FileMode::Private ? 0600 : 0644; }

// A temporary file of our own beside `file` (mkstemp: unique, so two writers or a temporary
// left by a crash never collide; created 0600, so nothing can read it half written).
struct Temporary {
  std::string path;
  int fd = -1;
};

Result<Temporary> make_temporary(const std::filesystem::path& folder, const std::filesystem::path& file) {
  Temporary temporary{(folder / ("." + file.filename().string() + ".XXXXXX")).string()};
  temporary.fd = ::mkostemp(temporary.path.data(), O_CLOEXEC);
  if (temporary.fd < 0) return system_error(errno, "cannot create a temporary file for", file.string());
  return temporary;
}

Result<void> write_all(int fd, std::string_view bytes, const std::string& path) {
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    // write() returning 0 for a non-empty buffer means no room: report it as ENOSPC would be.
    if (n <= 0) return system_error(n < 0 ? errno : ENOSPC, "cannot write", path);
    done += static_cast<size_t>(n);
  }
  return {};
}

}  // namespace

Result<void> sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return system_error(errno, "cannot open the folder", folder.string());
  if (::fsync(fd) != 0) {
    const int error_number = errno;
    ::close(fd);
    return system_error(error_number, "cannot fsync the folder", folder.string());
  }
  if (::close(fd) != 0) return system_error(errno, "cannot close the folder", folder.string());
  return {};
}

Result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes, FileMode mode,
                                   ExistingMode existing) {
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  mode_t bits = bits_of(mode);
  struct stat old {};
  if (existing == ExistingMode::Keep && ::stat(file.c_str(), &old) == 0) bits = old.st_mode & 07777;

  auto temporary = make_temporary(folder, file);
  if (!temporary) return temporary.error();
  const int fd = temporary->fd;
  const std::string& path = temporary->path;
  // Until the rename, every failure leaves the old file as it was and takes the temporary away.
  auto abandon = [&](Error error) {
    ::close(fd);
    ::unlink(path.c_str());
    return error;
  };
  if (auto written = write_all(fd, bytes, path); !written) return abandon(written.error());
  // fchmod, not the mode of open(): the umask does not apply to it. A FAT-formatted USB stick
  // has no permission bits: there (and only there) the refusal is harmless.
  if (::fchmod(fd, bits) != 0 && errno != EPERM && errno != EOPNOTSUPP)
    return abandon(system_error(errno, "cannot set the permissions of", path));
  if (::fsync(fd) != 0) return abandon(system_error(errno, "cannot fsync", path));
  // close() can report a failed write-back (NFS, some FUSE file systems): it is checked too.
  if (::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(path.c_str());
    return system_error(error_number, "cannot close", path);
  }
  if (::rename(path.c_str(), file.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(path.c_str());
    return system_error(error_number, "cannot rename " + path + " over", file.string());
  }
  // The new content is in place; it survives a power cut only once the folder's entry does.
  return sync_folder(folder);
}

}  // namespace pk
