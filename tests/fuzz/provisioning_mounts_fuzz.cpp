// The mount table the diagnostics export reads to find USB sticks (/proc/self/mounts, with
// octal escapes such as \040 for a space), given as an in-memory file: no crash, no exception,
// and every destination it offers is under /media or /run/media.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "provisioning/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = memfd_create("mounts", 0);
  if (fd < 0) std::abort();
  if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  for (const auto& destination : pk::provisioning::export_destinations({}, path)) {
    const std::string text = destination.string();
    if (!text.starts_with("/media/") && !text.starts_with("/run/media/")) std::abort();
  }
  return 0;
}
