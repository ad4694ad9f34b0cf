#pragma once
// Keeps receipts until the printer confirms them. A job leaves the queue only when the
// printer accepted every byte AND reported a printable status afterwards; paper out, an open
// cover or an unplug mid-job leave it at the head, and the next pump() after the printer is
// back prints it again from the start. A citizen may get a torn partial receipt plus a whole
// one, never none. The queue is in memory: durability across restarts is the store's job.
// Thread-safe: submit() from the UI, pump() from a worker or a timer.
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include "drivers/printer/printer.h"

namespace pk {

struct PumpReport {
  int printed = 0;                      // jobs confirmed in this pump
  std::size_t pending = 0;              // jobs still waiting
  std::optional<PrinterStatus> status;  // last status read; empty when the printer could not be asked
  std::string message;                  // for the operator log when something is waiting
};

class PrintQueue {
 public:
  using JobId = std::uint64_t;

  explicit PrintQueue(PrinterDriver& printer) : m_printer(printer) {}
  PrintQueue(PrinterDriver&&) = delete;  // the queue keeps a reference

  JobId submit(PrintJob job, Cut cut);
  // Prints queued jobs in order until the queue is empty or the printer cannot go on.
  [[nodiscard]] PumpReport pump();
  [[nodiscard]] std::size_t pending() const;
  [[nodiscard]] bool contains(JobId id) const;

 private:
  struct Entry {
    JobId id;
    PrintJob job;
    Cut cut;
    int attempts = 0;
  };

  // Asks the printer, reopening it once if it could not be asked (replugged, reconnected).
  [[nodiscard]] Result<PrinterStatus> ask();

  PrinterDriver& m_printer;
  mutable std::mutex m_mutex;
  std::mutex m_pump_mutex;  // one pump at a time; submit() does not wait for a pump
  std::deque<Entry> m_jobs;
  JobId m_next_id = 1;
};

}  // namespace pk
