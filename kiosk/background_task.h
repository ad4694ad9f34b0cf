#pragma once
// One piece of slow work (a device self-test, an enrollment, an upload) run off the frame loop,
// so the screen keeps drawing and the watchdog keeps being fed while it runs. The screen polls
// the task each frame: running() to show a spinner, take() to pick up the result once.
//
// Plain by design: one worker thread per task, one result, no queue. The work must not touch
// ImGui or anything the frame loop owns; give it copies (or objects that outlive the task and
// are not used by the frame loop while it runs).
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace pk::kiosk {

template <typename T>
class BackgroundTask {
 public:
  BackgroundTask() = default;
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;
  // Waits for running work: its result may hold handles the owner is about to close.
  ~BackgroundTask() { join(); }

  // Starts `work` on its own thread. Refused (false) while earlier work is still running, so a
  // second tap cannot start a second self-test on the same device. A result not yet taken is
  // dropped.
  bool start(std::function<T()> work) {
    {
      std::lock_guard lock(m_mutex);
      if (m_running) return false;
      m_running = true;
      m_result.reset();
    }
    join();  // the previous thread has finished its work; collect it
    m_thread = std::thread([this, work = std::move(work)]() mutable {
      T result = work();
      std::lock_guard lock(m_mutex);
      m_result = std::move(result);
      m_running = false;
    });
    return true;
  }

  [[nodiscard]] bool running() const {
    std::lock_guard lock(m_mutex);
    return m_running;
  }

  // The result, once, after the work has finished; nullopt while running or when idle.
  [[nodiscard]] std::optional<T> take() {
    std::lock_guard lock(m_mutex);
    std::optional<T> out = std::move(m_result);
    m_result.reset();
    return out;
  }

  // Blocks until running work has finished (tests, shutdown).
  void join() {
    if (m_thread.joinable()) m_thread.join();
  }

 private:
  mutable std::mutex m_mutex;
  std::thread m_thread;
  std::optional<T> m_result;
  bool m_running = false;
};

}  // namespace pk::kiosk
