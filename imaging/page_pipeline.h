#pragma once
// The page pipeline: scanned pages in, ProcessedPage out, on worker threads of its own.
// Memory is bounded however long the stack: at most `max_pages_in_flight` pages are inside
// (waiting, being processed, or done and not yet taken), and submit() blocks while it is full
// - the scanner thread waits, the way a real feeder pauses, instead of the terminal filling
// its memory. Results come out in the order the pages went in.
//
// Threads: submit() from the scanning thread (ScanJob does it); try_next() from the UI
// thread (never blocks); next() from any other thread.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "domain/result.h"
#include "imaging/processed_page.h"

namespace pk::imaging {

enum class CodeSearch : std::uint8_t { On, Off };
enum class OrientationFix : std::uint8_t { FromCodes, Off };
// What becomes of a page's raw pixels once it is encoded: wiped before they are freed (a
// citizen's papers, at the kiosk and at the counter alike, must not linger in freed memory), or
// only freed (a benchmark's synthetic pages). Wipe also covers what the pipeline still holds when
// it is destroyed: pages never processed and processed pages never taken.
enum class RawPixels : std::uint8_t { Free, Wipe };

struct PipelineOptions {
  int workers = 2;
  int max_pages_in_flight = 8;
  int jpeg_quality = 80;
  int thumbnail_side = 256;
  CodeSearch codes = CodeSearch::On;
  // 180° turns are detected from the codes on a page (ZXing reports how each code is turned);
  // pages without a code keep the orientation they were fed in.
  OrientationFix orientation = OrientationFix::FromCodes;
  RawPixels raw_pixels = RawPixels::Wipe;
};

struct PipelineStats {
  int in_flight = 0;
  int peak_in_flight = 0;
  int submitted = 0;
  int taken = 0;
};

class PagePipeline {
 public:
  explicit PagePipeline(PipelineOptions options);
  ~PagePipeline();  // stops the workers; pages not taken are discarded
  PagePipeline(const PagePipeline&) = delete;
  PagePipeline& operator=(const PagePipeline&) = delete;

  // Blocks while the pipeline is full. An error after close().
  [[nodiscard]] Result<void> submit(Page page);
  // No more pages will come; next() returns std::nullopt after the last one.
  void close();
  [[nodiscard]] std::optional<ProcessedPage> next();
  [[nodiscard]] std::optional<ProcessedPage> try_next();
  [[nodiscard]] bool finished() const;  // closed and every page taken
  [[nodiscard]] PipelineStats stats() const;

 private:
  void work();
  [[nodiscard]] std::optional<ProcessedPage> take_ready();  // m_mutex held

  PipelineOptions m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_space;   // a page was taken: submit() may go on
  std::condition_variable m_input;   // a page to process, or stopping
  std::condition_variable m_output;  // a result, or closed
  std::deque<std::pair<std::uint64_t, Page>> m_waiting;
  std::map<std::uint64_t, ProcessedPage> m_done;
  std::uint64_t m_next_in = 0;
  std::uint64_t m_next_out = 0;
  PipelineStats m_stats;
  bool m_closed = false;
  bool m_stopping = false;
  std::vector<std::thread> m_workers;
};

// Everything the pipeline does to one page, on the calling thread (tests and tools use it).
[[nodiscard]] ProcessedPage process_page(Page page, const PipelineOptions& options);

}  // namespace pk::imaging
