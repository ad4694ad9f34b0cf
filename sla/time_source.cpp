#include "sla/time_source.h"

#include <time.h>

#include <fstream>
#include <random>

namespace pk::sla {
namespace {

int64_t read_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1'000'000;
}

}  // namespace

TimePoint SystemTimeSource::now() {
  return TimePoint{read_ms(CLOCK_REALTIME) / 1000, read_ms(CLOCK_BOOTTIME)};
}

std::string SystemTimeSource::boot_id() {
  std::ifstream file("/proc/sys/kernel/random/boot_id");
  std::string id;
  if (file && std::getline(file, id) && !id.empty()) return id;
  static const std::string fallback = [] {
    std::random_device random;
    return "process-" + std::to_string(random()) + std::to_string(random());
  }();
  return fallback;
}

}  // namespace pk::sla
