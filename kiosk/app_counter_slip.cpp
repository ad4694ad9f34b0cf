// The slip for a service offered only at the counter. The kiosk prints it from the service's
// card (the service, what to bring, a Code 128 code); at the counter the barcode scanner reads
// the code and the operator's desk opens a new application with that service chosen.
#include <spdlog/spdlog.h>

#include <ctime>

#include "drivers/barcode/barcode_scanner.h"
#include "kiosk/app.h"
#include "kiosk/device_words.h"
#include "kiosk/operator/operator_desk.h"

namespace pk::kiosk {

void App::print_counter_slip() {
  if (!m_flow->counter_slip_requested()) return;
  const catalog::Language lang = m_flow->language();
  ReceiptPrinting* printing = m_devices.printing();
  if (!printing) {
    m_flow->counter_slip_printed(false, std::string(device_words(PrinterStatus::Offline, lang)));
    return;
  }
  const PrintOutcome printed = printing->print_counter_slip(
      m_catalog, m_flow->state(), static_cast<int64_t>(std::time(nullptr)), m_config);
  sla::Observation print_result;
  print_result.printer = printed.printed ? sla::Status::Up : sla::Status::Down;
  print_result.detail = printed.problem;
  observe(print_result);
  spdlog::info("counter slip for service {}: {}", m_flow->state().service,
               printed.printed ? "printed" : "not printed: " + printed.problem);
  m_flow->counter_slip_printed(printed.printed, printed.problem);
}

bool App::poll_counter_barcode(double now) {
  auto code = m_devices.barcode()->read_code(std::chrono::milliseconds(0));  // poll_barcode checked it
  if (!code) {
    spdlog::warn("barcode scanner: {}", code.error().message);
    return false;
  }
  if (!code.value()) return false;
  // A code shown to the scanner is the operator at work, like a touch: it puts off the idle logout.
  m_desk->touched(now);
  if (!m_desk->code_scanned(*code.value())) spdlog::info("counter: a scanned code was not for the desk");
  return true;
}

}  // namespace pk::kiosk
