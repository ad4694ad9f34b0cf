// The centre's replies the technician's screens read (provisioning/): the refusal of an
// enrollment and the answer to a diagnostics upload. The first byte picks the parser and the
// HTTP status. No crash; a refusal always has a sentence; an upload counts as sent only with a
// receipt for the very bytes sent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "provisioning/centre_replies.h"

namespace {

constexpr long kStatuses[] = {200, 201, 400, 403, 404, 409, 410, 413, 500, 503};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const long status = kStatuses[(data[0] >> 1) % std::size(kStatuses)];
  if (data[0] % 2 == 0) {
    const auto refusal = pk::provisioning::read_enroll_refusal(status, body);
    if (refusal.message.empty() || refusal.failure == pk::provisioning::EnrollFailure::None) std::abort();
    if (status >= 500 && refusal.failure != pk::provisioning::EnrollFailure::CentreUnreachable) std::abort();
  } else {
    const std::string sha256_hex(64, 'a');
    const auto reply = pk::provisioning::read_upload_reply(status, body, sha256_hex);
    if (reply.http_status != status) std::abort();
    if (reply.ok()) {
      if (status != 200 && status != 201) std::abort();
      if (body.find(sha256_hex) == std::string_view::npos && body.find("\\u") == std::string_view::npos)
        std::abort();
      if (reply.receipt_id.size() > 64) std::abort();
    } else if (reply.outcome != pk::provisioning::UploadOutcome::Refused || reply.detail.empty()) {
      std::abort();
    }
  }
  return 0;
}
