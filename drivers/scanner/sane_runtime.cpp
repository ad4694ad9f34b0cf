#include "drivers/scanner/sane_runtime.h"

#include <sane/sane.h>

namespace pk::scanner {
namespace {

std::mutex g_mutex;
int g_users = 0;  // sane_init() when it leaves 0, sane_exit() when it comes back to 0

}  // namespace

Result<std::shared_ptr<SaneRuntime>> SaneRuntime::acquire() {
  std::lock_guard lock(g_mutex);
  if (g_users == 0) {
    SANE_Int version = 0;
    if (const SANE_Status status = sane_init(&version, nullptr); status != SANE_STATUS_GOOD) {
      return make_error(ErrorKind::Unavailable,
                        std::string("SANE could not start: ") + sane_strstatus(status));
    }
  }
  ++g_users;
  return std::make_shared<SaneRuntime>(Key{});
}

SaneRuntime::~SaneRuntime() {
  std::lock_guard lock(g_mutex);
  if (--g_users == 0) sane_exit();
}

std::mutex& SaneRuntime::mutex() { return g_mutex; }

Result<std::vector<DeviceInfo>> discover_sane_devices() {
  auto runtime = SaneRuntime::acquire();
  if (!runtime) return runtime.error();
  std::lock_guard lock(runtime.value()->mutex());
  const SANE_Device** list = nullptr;
  if (const SANE_Status status = sane_get_devices(&list, SANE_FALSE); status != SANE_STATUS_GOOD) {
    return make_error(ErrorKind::Unavailable,
                      std::string("SANE could not list scanners: ") + sane_strstatus(status));
  }
  std::vector<DeviceInfo> found;
  for (const SANE_Device** device = list; device != nullptr && *device != nullptr; ++device) {
    const SANE_Device& d = **device;
    DeviceInfo info;
    info.backend = "sane";
    info.model = d.model != nullptr ? d.model : "";
    info.name = std::string(d.vendor != nullptr ? d.vendor : "") + " " + info.model + " (" + d.name + ")";
    info.connection = std::string("sane:") + d.name;
    found.push_back(std::move(info));
  }
  return found;
}

}  // namespace pk::scanner
