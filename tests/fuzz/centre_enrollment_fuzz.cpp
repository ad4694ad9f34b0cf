// Fuzz target: what the centre reads from a terminal that has no certificate yet (the
// enrollment request, the code in it, the PKCS#10 request) and what the terminal reads back
// (the enrollment reply). Must refuse, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protocol/enrollment_code.h"
#include "protocol/enrollment_crypto.h"
#include "protocol/enrollment_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto request = pk::enroll::parse_enroll_request(text)) {
    (void)pk::enroll::normalise_enrollment_code(request->code);
    (void)pk::enroll::parse_certificate_request(request->csr_pem);
    (void)pk::enroll::to_json(*request);
  }
  if (auto reply = pk::enroll::parse_enroll_reply(text)) (void)pk::enroll::to_json(*reply);
  (void)pk::enroll::normalise_enrollment_code(text);
  (void)pk::enroll::parse_certificate_request(text);
  return 0;
}
