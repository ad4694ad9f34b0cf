// Fuzz target: the enrollment QR code's text as a barcode scanner hands it to the kiosk. Must
// refuse or accept, never crash; what it accepts must format back to text it accepts again with
// the same values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/enrollment_qr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pk::provisioning::QrReading read = pk::provisioning::parse_enrollment_qr(text);
  (void)pk::provisioning::to_string(read.problem);
  (void)pk::provisioning::plausible_centre_url(text);
  (void)pk::provisioning::plausible_centre_pin(text);
  if (!read.ok()) return 0;
  auto again = pk::provisioning::format_enrollment_qr(read.qr);
  if (!again) std::abort();
  const pk::provisioning::QrReading back = pk::provisioning::parse_enrollment_qr(*again);
  if (!back.ok() || back.qr.code != read.qr.code || back.qr.centre_url != read.qr.centre_url ||
      back.qr.centre_pin != read.qr.centre_pin)
    std::abort();
  return 0;
}
