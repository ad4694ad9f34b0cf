#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "base/system_error.h"

namespace pk {

Result<std::string> read_file(const std::filesystem::path& file, size_t max_bytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return system_error(errno, "cannot read", file.string());
  // Sized from the file's length (no reallocation leaves a copy of a key behind), plus one byte:
  // a file that fills that byte is larger than its length claimed, and perhaps than accepted.
  struct stat st {};
  const size_t claimed = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  std::string text(std::min(claimed, max_bytes) + 1, '\0');
  size_t done = 0;
  while (true) {
    if (done == text.size()) {
      if (done > max_bytes) break;
      text.resize(std::min(text.size() * 2, max_bytes + 1));
    }
    const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error_number = errno;
      ::close(fd);
      return system_error(error_number, "cannot read", file.string());
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done > max_bytes)
    return make_error(file.string() + " is larger than " + std::to_string(max_bytes) + " bytes");
  text.resize(done);
  return text;
}

}  // namespace pk
