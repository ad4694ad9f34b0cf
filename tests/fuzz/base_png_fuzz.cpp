// The PNG reader of base/png_io.h (the simulated printer's paper and the pictures tests look
// at) on arbitrary bytes, given as an in-memory file: no crash, and an image that reads has the
// size its header gave.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/png_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = memfd_create("png", 0);
  if (fd < 0) std::abort();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  auto image = pk::read_png("/proc/self/fd/" + std::to_string(fd));
  if (!image) {
    if (image.error().message.empty()) std::abort();
    return 0;
  }
  if (image->width() <= 0 || image->height() <= 0) std::abort();
  return 0;
}
