#include "tests/sla/sla_test_support.h"

#include <unistd.h>

#include "domain/sla_period.h"

namespace pk::sla::test {

int64_t at(int year, int month, int day, int hour, int minute) {
  return jalali_midnight_unix({year, month, day}) + hour * kHour + minute * 60;
}

Run run_over(int64_t start, int64_t end, std::string boot) {
  return Run{std::move(boot), start, (end - start) * 1000, end};
}

Outage outage(int64_t start, int64_t end, ServiceScope services, OutageCause cause) {
  Outage o;
  o.cause = cause;
  o.services = std::move(services);
  o.start_unix = start;
  o.end_unix = end;
  o.monotonic_duration_ms = (end - start) * 1000;
  o.end = OutageEnd::Observed;
  return o;
}

Notice notice(std::string id, int64_t published, int64_t starts, int64_t ends, ServiceScope services) {
  return Notice{std::move(id),       published,           starts,       ends,
                std::move(services), "قطعی برای نگهداری", "Maintenance"};
}

LedgerOptions beat_every(int seconds) {
  LedgerOptions options;
  options.heartbeat_interval_seconds = seconds;
  return options;
}

Observation look(std::optional<Status> centre, std::optional<Status> printer, std::optional<Status> scanner,
                 std::optional<Status> kiosk, std::string detail) {
  Observation observation;
  observation.centre = centre;
  observation.printer = printer;
  observation.scanner = scanner;
  observation.kiosk = kiosk;
  observation.detail = std::move(detail);
  return observation;
}

TempDir::TempDir(const std::string& name)
    : m_path(std::filesystem::path(PK_TEST_BINARY_DIR) / "tmp" / (name + "-" + std::to_string(::getpid()))) {
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace pk::sla::test
