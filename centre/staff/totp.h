#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps,
// six digits, what every authenticator app staff already have expects by default.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pk::centre {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation

[[nodiscard]] std::vector<uint8_t> new_totp_secret();
// RFC 4648 base32 without padding, as otpauth:// URIs carry it; decode ignores spaces and case.
[[nodiscard]] std::string base32_encode(const std::vector<uint8_t>& bytes);
[[nodiscard]] std::optional<std::vector<uint8_t>> base32_decode(std::string_view text);
// The six-digit code of time step `step` (unix time / 30).
[[nodiscard]] std::string totp_code(const std::vector<uint8_t>& secret, int64_t step);
// The step a code matches, within one step either side of `now_unix` (clock drift between the
// phone and the centre), and only if that step is after `last_used_step`, so a code is
// accepted once. nullopt: no match.
[[nodiscard]] std::optional<int64_t> match_totp(const std::vector<uint8_t>& secret, std::string_view code,
                                                int64_t now_unix, int64_t last_used_step);
// otpauth://totp/Pishkhan:<user>?secret=...&issuer=Pishkhan: what the QR code holds.
[[nodiscard]] std::string otpauth_uri(std::string_view username, const std::vector<uint8_t>& secret);

}  // namespace pk::centre
