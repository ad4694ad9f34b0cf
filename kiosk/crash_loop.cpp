#include "kiosk/crash_loop.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <fstream>
#include <string>
#include <system_error>

#include "base/atomic_file.h"

namespace pk::kiosk {
namespace {

// One unix time per line; anything else (a torn line after a power cut) is skipped.
std::vector<int64_t> read_starts(const std::filesystem::path& file) {
  std::vector<int64_t> starts;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
    if (ec == std::errc() && end == line.data() + line.size() && value > 0) starts.push_back(value);
  }
  return starts;
}

// Replaces the file with `starts`, atomically and durably: a crash a moment later must still
// find this start recorded.
bool write_starts(const std::filesystem::path& file, const std::vector<int64_t>& starts) {
  std::string text;
  for (int64_t start : starts) text += std::to_string(start) + "\n";
  if (auto written = write_file_atomically(file, text); !written) {
    spdlog::warn("crash-loop guard: {}", written.error().message);
    return false;
  }
  return true;
}

}  // namespace

CrashLoop::CrashLoop(std::filesystem::path file, CrashLoopPolicy policy)
    : m_file(std::move(file)), m_policy(policy) {}

StartVerdict CrashLoop::start(int64_t now_unix) {
  m_recent.clear();
  const int64_t since = now_unix - m_policy.window.count();
  for (int64_t start : read_starts(m_file))
    if (start >= since && start <= now_unix) m_recent.push_back(start);
  std::vector<int64_t> keep = m_recent;
  keep.push_back(now_unix);
  std::error_code ec;
  std::filesystem::create_directories(m_file.parent_path(), ec);
  (void)write_starts(m_file, keep);
  const bool loop = static_cast<int>(m_recent.size()) >= m_policy.threshold;
  if (loop)
    spdlog::error(
        "crash-loop guard: {} unclean start(s) in the last {} s (file {}): showing the service screen",
        m_recent.size(), m_policy.window.count(), m_file.string());
  else if (!m_recent.empty())
    spdlog::warn("crash-loop guard: the last run did not exit cleanly ({} unclean start(s) in the last {} s)",
                 m_recent.size(), m_policy.window.count());
  return loop ? StartVerdict::CrashLoop : StartVerdict::Normal;
}

void CrashLoop::clean_exit() {
  std::error_code ec;
  std::filesystem::remove(m_file, ec);
  if (ec) spdlog::warn("crash-loop guard: cannot remove {}: {}", m_file.string(), ec.message());
}

}  // namespace pk::kiosk
