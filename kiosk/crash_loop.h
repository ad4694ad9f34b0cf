#pragma once
// Crash-loop guard. systemd restarts a kiosk that crashed; a kiosk that crashes at every start
// would flap forever, showing citizens a flickering screen. So every interactive start writes
// its time into a small file in the data folder, and a clean exit empties the file: the lines
// found at start are the starts that never ended cleanly. When `threshold` of them fall in
// the last `window`, the kiosk shows the "service required" screen instead of the citizen
// screens (and stays up, so systemd stops restarting it).
//
// The guard never stops the kiosk: a file it cannot read or write is logged and ignored.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace pk::kiosk {

enum class StartVerdict { Normal, CrashLoop };

struct CrashLoopPolicy {
  int threshold = 3;                                       // unclean starts that make a loop
  std::chrono::seconds window = std::chrono::minutes(10);  // ... within this time
};

class CrashLoop {
 public:
  // `file` is usually <data_dir>/unclean-starts.
  explicit CrashLoop(std::filesystem::path file, CrashLoopPolicy policy = {});

  // Records this start (unix time `now`) and says whether the starts before it that did not
  // end cleanly, within the window, reach the threshold. Old lines are dropped.
  [[nodiscard]] StartVerdict start(int64_t now_unix);
  // Empties the file: this run ended cleanly (and a technician's restart starts afresh).
  void clean_exit();

  // Unclean starts within the window seen by the last start(), oldest first.
  [[nodiscard]] const std::vector<int64_t>& recent_unclean() const { return m_recent; }
  [[nodiscard]] const CrashLoopPolicy& policy() const { return m_policy; }
  [[nodiscard]] const std::filesystem::path& file() const { return m_file; }

 private:
  std::filesystem::path m_file;
  CrashLoopPolicy m_policy;
  std::vector<int64_t> m_recent;
};

}  // namespace pk::kiosk
