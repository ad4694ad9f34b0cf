#include "drivers/printer/print_queue.h"

#include <algorithm>

namespace pk {

PrintQueue::JobId PrintQueue::submit(PrintJob job, Cut cut) {
  std::lock_guard lock(m_mutex);
  const JobId id = m_next_id++;
  m_jobs.push_back(Entry{id, std::move(job), cut, 0});
  return id;
}

std::size_t PrintQueue::pending() const {
  std::lock_guard lock(m_mutex);
  return m_jobs.size();
}

bool PrintQueue::contains(JobId id) const {
  std::lock_guard lock(m_mutex);
  return std::any_of(m_jobs.begin(), m_jobs.end(), [id](const Entry& e) { return e.id == id; });
}

Result<PrinterStatus> PrintQueue::ask() {
  auto status = m_printer.status();
  if (status) return status;
  if (auto opened = m_printer.open(); !opened) return opened.error();
  return m_printer.status();
}

PumpReport PrintQueue::pump() {
  std::lock_guard pump_lock(m_pump_mutex);
  PumpReport report;
  for (;;) {
    const Entry* head = nullptr;
    {
      std::lock_guard lock(m_mutex);
      report.pending = m_jobs.size();
      if (m_jobs.empty()) return report;
      ++m_jobs.front().attempts;
      head = &m_jobs.front();  // stays valid: only pump() pops, and we hold m_pump_mutex
    }

    auto before = ask();
    if (!before) {
      report.status.reset();
      report.message = before.error().message;
      return report;
    }
    report.status = *before;
    if (!can_print(*before)) {
      report.message = std::string(describe(*before));
      return report;
    }

    if (auto sent = m_printer.print(head->job, head->cut); !sent) {
      report.message = sent.error().message;
      auto after_failure = m_printer.status();
      report.status = after_failure ? std::optional(*after_failure) : std::nullopt;
      return report;
    }

    // Bytes accepted is not paper out: only a printable status after the job confirms it.
    auto after = m_printer.status();
    if (!after) {
      report.status.reset();
      report.message = "job sent but not confirmed: " + after.error().message;
      return report;
    }
    report.status = *after;
    if (!can_print(*after)) {
      report.message = "job not confirmed, kept for reprint: " + std::string(describe(*after));
      return report;
    }
    {
      std::lock_guard lock(m_mutex);
      m_jobs.pop_front();
      report.pending = m_jobs.size();
    }
    ++report.printed;
  }
}

}  // namespace pk
