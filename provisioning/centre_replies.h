#pragma once
// The centre's answers that the technician's screens read, pure so that a fuzz target can feed
// them anything (tests/fuzz/provisioning_centre_replies_fuzz.cpp). Used by enroll() and
// upload_archive().
#include <string>
#include <string_view>

#include "provisioning/diagnostics_upload.h"
#include "provisioning/enrollment.h"

namespace pk::provisioning {

// The centre's refusal of POST /v1/enroll (any status but 200) as the technician reads it: its
// {"error": ..., "reason": ...} when it sent a non-empty error, else the status; 5xx is the
// centre's trouble (CentreUnreachable: try again).
struct EnrollRefusalReply {
  EnrollFailure failure = EnrollFailure::Refused;
  std::string message;
};
[[nodiscard]] EnrollRefusalReply read_enroll_refusal(long status, std::string_view body);

// The centre's answer to an upload of the bytes whose SHA-256 is `sha256_hex`: Sent with its
// receipt id only for 200/201 with a receipt for those very bytes; Refused otherwise, with its
// reason. Sets outcome, receipt_id, detail, sha256_hex and http_status.
[[nodiscard]] UploadResult read_upload_reply(long status, std::string_view body,
                                             const std::string& sha256_hex);

}  // namespace pk::provisioning
