#pragma once
// One batch scan on a thread of its own: scanner.start(), then next_page() until the feeder
// is empty, each page into the pipeline (which makes this thread wait while it is full). The
// UI thread only polls: state(), pages_scanned(), pipeline.try_next(). When the batch ends,
// for any reason, the pipeline is closed, so the consumer sees the end after the last page.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "drivers/scanner/scanner.h"
#include "imaging/page_pipeline.h"

namespace pk::scanner {

enum class JobState : std::uint8_t { Running, Finished, Failed, Cancelled };

class ScanJob {
 public:
  // The scanner must be open; scanner and pipeline must outlive the job.
  ScanJob(ScannerDriver& scanner, const ScanSettings& settings, imaging::PagePipeline& pipeline);
  ~ScanJob();  // cancels and waits
  ScanJob(const ScanJob&) = delete;
  ScanJob& operator=(const ScanJob&) = delete;

  void cancel();
  void wait();
  [[nodiscard]] JobState state() const { return m_state.load(); }
  [[nodiscard]] int pages_scanned() const { return m_pages.load(); }
  // When Failed: the scanner's message (status() of the scanner says the reason as an enum).
  [[nodiscard]] std::string error() const;

 private:
  void run(ScanSettings settings);

  ScannerDriver& m_scanner;
  imaging::PagePipeline& m_pipeline;
  std::atomic<JobState> m_state{JobState::Running};
  std::atomic<int> m_pages{0};
  std::atomic<bool> m_cancelled{false};
  mutable std::mutex m_mutex;
  std::string m_error;
  std::thread m_thread;
};

}  // namespace pk::scanner
