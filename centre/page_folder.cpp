#include "centre/page_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "base/atomic_file.h"
#include "base/system_error.h"

namespace pk::centre {
namespace {

// Closes on every path out; the close of a file written and fsynced cannot lose its bytes.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  [[nodiscard]] int get() const { return m_fd; }

 private:
  int m_fd;
};

}  // namespace

Result<PageFolder> PageFolder::open(std::filesystem::path folder) {
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
    return system_error(errno, "create", folder.string());
  return PageFolder(std::move(folder));
}

Result<void> PageFolder::write_at(std::string_view upload_id, int64_t offset, std::span<const uint8_t> chunk,
                                  UploadEnd end) const {
  const std::filesystem::path file = file_of(upload_id);
  // O_EXCL first: only a write that made the file needs the folder's fsync (its new entry).
  bool made = true;
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    made = false;
    fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  }
  if (fd < 0) return system_error(errno, "open", file.string());
  const FileDescriptor owned(fd);
  size_t written = 0;
  while (written < chunk.size()) {
    const ssize_t n = ::pwrite(fd, chunk.data() + written, chunk.size() - written,
                               static_cast<off_t>(offset + static_cast<int64_t>(written)));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return system_error(n < 0 ? errno : EIO, "write", file.string());
    written += static_cast<size_t>(n);
  }
  const auto new_end = static_cast<off_t>(offset + static_cast<int64_t>(chunk.size()));
  if (end == UploadEnd::Reached && ::ftruncate(fd, new_end) != 0)
    return system_error(errno, "truncate", file.string());
  if (::fsync(fd) != 0) return system_error(errno, "fsync", file.string());
  if (made) return sync_folder(m_folder);
  return {};
}

Result<std::vector<uint8_t>> PageFolder::read(std::string_view upload_id, int64_t length) const {
  std::vector<uint8_t> bytes(static_cast<size_t>(length));
  if (length == 0) return bytes;  // an empty upload may never have had a file
  const std::filesystem::path file = file_of(upload_id);
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return system_error(errno, "open", file.string());
  const FileDescriptor owned(fd);
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::pread(fd, bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error(errno, "read", file.string());
    if (n == 0)
      return make_error(ErrorKind::Io, "centre: " + file.string() + " holds " + std::to_string(got) +
                                           " bytes where its record says " + std::to_string(length));
    got += static_cast<size_t>(n);
  }
  return bytes;
}

Result<void> PageFolder::remove(std::string_view upload_id) const {
  const std::filesystem::path file = file_of(upload_id);
  if (::unlink(file.c_str()) != 0) {
    if (errno == ENOENT) return {};
    return system_error(errno, "remove", file.string());
  }
  return sync_folder(m_folder);
}

}  // namespace pk::centre
