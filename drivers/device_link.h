#pragma once
// What every device tells the kiosk: its connection, its last error, and whom to tell when it
// comes or goes. Each driver used to write these three the same way; a driver keeps one
// DeviceLink and answers Device::state() and Device::on_hotplug() from it.
//
// Thread-safe on its own. Its mutex is a leaf: nothing is called while it is held, so a driver
// may use the link while holding its own mutex (driver mutex first, then the link's), and the
// hotplug callback, called outside the lock, may call back into the driver and the link.
#include <mutex>
#include <string>
#include <utility>

#include "drivers/device.h"

namespace pk {

class DeviceLink {
 public:
  [[nodiscard]] DeviceState state() const {
    std::lock_guard lock(m_mutex);
    return DeviceState{m_connection, m_last_error};
  }

  [[nodiscard]] Connection connection() const {
    std::lock_guard lock(m_mutex);
    return m_connection;
  }

  void set_connection(Connection connection) {
    std::lock_guard lock(m_mutex);
    m_connection = connection;
  }

  // "If it was open, it is now closed": the check and the change in one step, so that a
  // concurrent unplug is never overwritten. Returns whether the connection changed.
  bool replace_connection(Connection from, Connection to) {
    std::lock_guard lock(m_mutex);
    if (m_connection != from) return false;
    m_connection = to;
    return true;
  }

  void set_last_error(std::string message) {
    std::lock_guard lock(m_mutex);
    m_last_error = std::move(message);
  }

  // Both at once, so state() never shows the new connection with the old error.
  void set(Connection connection, std::string message) {
    std::lock_guard lock(m_mutex);
    m_connection = connection;
    m_last_error = std::move(message);
  }

  void set_hotplug(HotplugCallback callback) {
    std::lock_guard lock(m_mutex);
    m_hotplug = std::move(callback);
  }

  // The callback is copied under the lock and called outside it: it may take its time, or
  // ask the device for its state, without holding up (or deadlocking) the driver.
  void notify(HotplugEvent event, const DeviceInfo& info) const {
    HotplugCallback callback;
    {
      std::lock_guard lock(m_mutex);
      callback = m_hotplug;
    }
    if (callback) callback(event, info);
  }

 private:
  mutable std::mutex m_mutex;
  Connection m_connection = Connection::Closed;
  std::string m_last_error;
  HotplugCallback m_hotplug;
};

}  // namespace pk
