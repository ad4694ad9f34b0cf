#include "drivers/scanner/scan_job.h"

namespace pk::scanner {

ScanJob::ScanJob(ScannerDriver& scanner, const ScanSettings& settings, imaging::PagePipeline& pipeline)
    : m_scanner(scanner), m_pipeline(pipeline), m_thread([this, settings] { run(settings); }) {}

ScanJob::~ScanJob() {
  cancel();
  wait();
}

void ScanJob::cancel() {
  m_cancelled = true;
  m_scanner.cancel();
}

void ScanJob::wait() {
  if (m_thread.joinable()) m_thread.join();
}

std::string ScanJob::error() const {
  std::lock_guard lock(m_mutex);
  return m_error;
}

void ScanJob::run(ScanSettings settings) {
  auto fail = [&](const Error& error) {
    {
      std::lock_guard lock(m_mutex);
      m_error = error.message;
    }
    m_state = JobState::Failed;
    m_pipeline.close();
  };
  if (auto started = m_scanner.start(settings); !started) return fail(started.error());
  for (;;) {
    auto page = m_scanner.next_page();
    if (!page) return fail(page.error());
    if (!page.value()) break;
    if (auto taken = m_pipeline.submit(std::move(*page.value())); !taken) return fail(taken.error());
    ++m_pages;
  }
  m_state = m_cancelled ? JobState::Cancelled : JobState::Finished;
  m_pipeline.close();
}

}  // namespace pk::scanner
