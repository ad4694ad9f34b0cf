#include "imaging/page_pipeline.h"

#include <algorithm>

#include "base/secure_wipe.h"

namespace pk::imaging {

PagePipeline::PagePipeline(PipelineOptions options) : m_options(options) {
  m_options.workers = std::clamp(m_options.workers, 1, 16);
  m_options.max_pages_in_flight = std::max(m_options.max_pages_in_flight, 1);
  for (int i = 0; i < m_options.workers; ++i) m_workers.emplace_back([this] { work(); });
}

PagePipeline::~PagePipeline() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_closed = true;
  }
  m_input.notify_all();
  m_space.notify_all();
  m_output.notify_all();
  for (auto& worker : m_workers) worker.join();
  if (m_options.raw_pixels != RawPixels::Wipe) return;
  for (auto& [index, page] : m_waiting) secure_wipe(page.pixels);
  for (auto& [index, page] : m_done) {
    secure_wipe(page.bytes);
    secure_wipe(page.thumbnail.pixels);
  }
}

Result<void> PagePipeline::submit(Page page) {
  std::unique_lock lock(m_mutex);
  m_space.wait(lock, [&] { return m_closed || m_stats.in_flight < m_options.max_pages_in_flight; });
  if (m_closed)
    return make_error("the page pipeline is closed: page " + std::to_string(page.sequence) + " not taken");
  m_waiting.emplace_back(m_next_in++, std::move(page));
  ++m_stats.in_flight;
  ++m_stats.submitted;
  m_stats.peak_in_flight = std::max(m_stats.peak_in_flight, m_stats.in_flight);
  lock.unlock();
  m_input.notify_one();
  return {};
}

void PagePipeline::close() {
  {
    std::lock_guard lock(m_mutex);
    m_closed = true;
  }
  m_space.notify_all();
  m_output.notify_all();
}

void PagePipeline::work() {
  for (;;) {
    std::unique_lock lock(m_mutex);
    m_input.wait(lock, [&] { return m_stopping || !m_waiting.empty(); });
    if (m_stopping) return;
    auto [index, page] = std::move(m_waiting.front());
    m_waiting.pop_front();
    lock.unlock();
    ProcessedPage done = process_page(std::move(page), m_options);
    lock.lock();
    m_done.emplace(index, std::move(done));
    lock.unlock();
    m_output.notify_all();
  }
}

std::optional<ProcessedPage> PagePipeline::take_ready() {
  const auto ready = m_done.find(m_next_out);
  if (ready == m_done.end()) return std::nullopt;
  ProcessedPage page = std::move(ready->second);
  m_done.erase(ready);
  ++m_next_out;
  --m_stats.in_flight;
  ++m_stats.taken;
  m_space.notify_one();
  return page;
}

std::optional<ProcessedPage> PagePipeline::next() {
  std::unique_lock lock(m_mutex);
  m_output.wait(lock, [&] {
    return m_done.contains(m_next_out) || (m_closed && m_stats.in_flight == 0) || m_stopping;
  });
  return take_ready();
}

std::optional<ProcessedPage> PagePipeline::try_next() {
  std::lock_guard lock(m_mutex);
  return take_ready();
}

bool PagePipeline::finished() const {
  std::lock_guard lock(m_mutex);
  return m_closed && m_stats.in_flight == 0;
}

PipelineStats PagePipeline::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

}  // namespace pk::imaging
