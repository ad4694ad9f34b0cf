#pragma once
// The documents of POST /v1/enroll, shared by the centre and the terminal (no network code).
// Both sides treat the other's document as outside input: sizes are bounded, every field is
// checked, and a bad document is an Error that names the field.
//
//   request: {"version":1, "code":"XXXX-XXXX-XXXX-XXXX", "csr_pem":"-----BEGIN CERTIFICATE REQUEST..."}
//   reply:   {"version":1, "terminal_id":..., "office":..., "terminal_number":1..9999,
//             "client_cert_pem":..., "ca_cert_pem":..., "catalog_public_key":<base64 Ed25519>,
//             "seal_public_key_hex":<64 hex>}
//   refusal: {"error":<sentence for the log>, "reason":"mistyped_code"|"unknown_code"|
//             "used_code"|"expired_code"|"bad_request"}
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::enroll {

inline constexpr int kEnrollVersion = 1;
inline constexpr size_t kMaxEnrollDocumentBytes = 32 * 1024;

struct EnrollRequest {
  std::string code;     // as typed; the centre normalises it
  std::string csr_pem;  // PKCS#10, PEM
};

struct EnrollReply {
  std::string terminal_id;
  std::string office;
  int terminal_number = 0;
  std::string client_cert_pem;
  std::string ca_cert_pem;
  std::string catalog_public_key;   // base64 of the 32-byte Ed25519 key that signs the catalog
  std::string seal_public_key_hex;  // the X25519 key captures are sealed to
};

// Why the centre refused an enrollment; the terminal shows a different sentence for each.
enum class EnrollRefusal { MistypedCode, UnknownCode, UsedCode, ExpiredCode, BadRequest };

[[nodiscard]] std::string_view to_string(EnrollRefusal refusal);
[[nodiscard]] EnrollRefusal refusal_from_string(std::string_view reason);  // unknown: BadRequest

[[nodiscard]] std::string to_json(const EnrollRequest& request);
[[nodiscard]] Result<EnrollRequest> parse_enroll_request(std::string_view json);
[[nodiscard]] std::string to_json(const EnrollReply& reply);
[[nodiscard]] Result<EnrollReply> parse_enroll_reply(std::string_view json);
[[nodiscard]] std::string refusal_json(EnrollRefusal refusal, std::string_view message);

}  // namespace pk::enroll
