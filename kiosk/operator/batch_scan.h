#pragma once
// One batch from the sheet feeder for the counter: a ScanJob (the scanner's own thread) feeding
// a PagePipeline (worker threads: compress, thumbnail, blank detection, codes). The UI thread
// only ever calls take_ready() and finished(), which never wait, so the screen keeps drawing
// at full rate however slow the scanner or the pages.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "drivers/scanner/scan_job.h"
#include "drivers/scanner/scanner.h"
#include "imaging/page_pipeline.h"

namespace pk::kiosk::op {

class BatchScan {
 public:
  // The scanner must be open and must outlive the batch.
  BatchScan(scanner::ScannerDriver& scanner, const scanner::ScanSettings& settings,
            const imaging::PipelineOptions& options);
  ~BatchScan();  // stops the feeder and the workers; pages not taken are discarded
  BatchScan(const BatchScan&) = delete;
  BatchScan& operator=(const BatchScan&) = delete;

  // Up to `max` pages that are ready, in stack order. Never blocks.
  [[nodiscard]] std::vector<imaging::ProcessedPage> take_ready(size_t max);
  // The feeder stopped (empty, cancelled or failed) and every page has been taken.
  [[nodiscard]] bool finished() const;
  // Why the feeder stopped early, for the operator; empty when it simply ran empty.
  [[nodiscard]] std::string problem(Language language) const;
  [[nodiscard]] int pages_scanned() const { return m_job->pages_scanned(); }
  void cancel() { m_job->cancel(); }

 private:
  scanner::ScannerDriver& m_scanner;
  std::unique_ptr<imaging::PagePipeline> m_pipeline;
  std::unique_ptr<scanner::ScanJob> m_job;
};

}  // namespace pk::kiosk::op
