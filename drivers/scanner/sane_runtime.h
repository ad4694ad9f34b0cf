#pragma once
// SANE is a process-wide library: sane_init() once, sane_exit() when the last user is gone.
// SaneRuntime counts its users so that several scanners (and discovery) share one init, and
// serialises the calls SANE does not allow concurrently (init, exit, get_devices, open).
// SANE reads SANE_CONFIG_DIR at sane_init(), so a test that sets it before the first
// acquire() gets its own configuration.
#include <memory>
#include <mutex>
#include <vector>

#include "domain/result.h"
#include "drivers/device.h"

namespace pk::scanner {

class SaneRuntime {
 public:
  [[nodiscard]] static Result<std::shared_ptr<SaneRuntime>> acquire();
  ~SaneRuntime();
  SaneRuntime(const SaneRuntime&) = delete;
  SaneRuntime& operator=(const SaneRuntime&) = delete;

  // Held around sane_get_devices and sane_open.
  [[nodiscard]] std::mutex& mutex();

  // Only acquire() can make one (the key's constructor is private): every runtime is counted.
  class Key {
    friend class SaneRuntime;
    Key() = default;
  };
  explicit SaneRuntime(Key /*only from acquire()*/) {}
};

// Every scanner SANE can see now, with connection strings "sane:<device name>".
[[nodiscard]] Result<std::vector<DeviceInfo>> discover_sane_devices();

}  // namespace pk::scanner
