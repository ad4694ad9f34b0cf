#include "kiosk/operator/batch_scan.h"
#include "kiosk/device_words.h"

namespace pk::kiosk::op {

BatchScan::BatchScan(scanner::ScannerDriver& scanner, const scanner::ScanSettings& settings,
                     const imaging::PipelineOptions& options)
    : m_scanner(scanner),
      m_pipeline(std::make_unique<imaging::PagePipeline>(options)),
      m_job(std::make_unique<scanner::ScanJob>(scanner, settings, *m_pipeline)) {}

BatchScan::~BatchScan() {
  // The job's thread may be waiting for room in a full pipeline: closing the pipeline lets it
  // go, cancelling stops the feeder, and only then is the thread joined.
  m_job->cancel();
  m_pipeline->close();
  m_job.reset();
  m_pipeline.reset();
}

std::vector<imaging::ProcessedPage> BatchScan::take_ready(size_t max) {
  std::vector<imaging::ProcessedPage> out;
  while (out.size() < max) {
    auto page = m_pipeline->try_next();
    if (!page) break;
    out.push_back(std::move(*page));
  }
  return out;
}

bool BatchScan::finished() const {
  return m_job->state() != scanner::JobState::Running && m_pipeline->finished();
}

std::string BatchScan::problem(Language language) const {
  if (m_job->state() != scanner::JobState::Failed) return "";
  const scanner::ScannerStatus status = m_scanner.status();
  std::string text(device_words(
      status == scanner::ScannerStatus::Ready ? scanner::ScannerStatus::Error : status, language));
  // NoDocuments at the start: the operator forgot to load paper; the reason says it all.
  if (status == scanner::ScannerStatus::Error) text += " (" + m_job->error() + ")";
  return text;
}

}  // namespace pk::kiosk::op
