#pragma once
// Sending the diagnostics bundle to the centre (POST /v1/diagnostics) instead of, or as well
// as, writing it to a USB stick. It goes over the enrolled identity's mutual TLS (the same
// certificate, CA and pin as the sync), so the centre files it under this terminal's
// certificate; the body is the very tar export_bundle() writes.
//
// What callers may rely on:
//  - One blocking call, bounded by the HTTP timeouts: run it off the frame loop
//    (kiosk/background_task.h). It reads only the files under <data_dir>/keys and the bundle it
//    is given, so it touches nothing the frame loop owns.
//  - Safe to retry: the centre keys bundles by SHA-256, so sending the same bytes again after a
//    lost reply gets the first receipt back and stores nothing twice.
//  - Each way it can end is its own UploadOutcome, with the detail a technician or support
//    needs (the centre's reason when it refused); the screens word it from the outcome.
#include <cstdint>
#include <filesystem>
#include <string>

#include "provisioning/diagnostics.h"
#include "sync/http_client.h"

namespace pk::provisioning {

enum class UploadOutcome {
  Sent,         // the centre holds it: receipt_id names it there
  NotEnrolled,  // no identity under <data_dir>/keys (or a damaged one: detail says which file)
  Unreachable,  // no answer, a timeout, or a centre that is not the enrolled one (detail)
  Refused,      // the centre answered no: detail is its reason (revoked, too large, not a bundle)
};

struct UploadResult {
  UploadOutcome outcome = UploadOutcome::NotEnrolled;
  std::string receipt_id;  // Sent
  std::string detail;      // the centre's reason, the transport error, or what is wrong locally
  std::string sha256_hex;  // of the bytes sent (Sent: the centre confirmed the same)
  std::int64_t bytes = 0;
  long http_status = 0;  // 0: no HTTP answer
  [[nodiscard]] bool ok() const { return outcome == UploadOutcome::Sent; }
};

[[nodiscard]] std::string_view to_string(UploadOutcome outcome);

// The archive the upload sends: export_bundle()'s tar, its folder named after the terminal and
// the time (pishkhan-diagnostics-<terminal>-<yyyymmdd-hhmmss>).
[[nodiscard]] std::string bundle_archive(const Bundle& bundle, const std::string& terminal_id,
                                         std::int64_t now_unix);

// Sends `bundle` as the terminal enrolled under <data_dir>/keys. `http` gives the timeouts; its
// tls part is replaced by the identity's.
[[nodiscard]] UploadResult upload_diagnostics(const std::filesystem::path& data_dir, const Bundle& bundle,
                                              std::int64_t now_unix, sync::HttpOptions http = {});

// The same, for bytes already made (tests send what they like).
[[nodiscard]] UploadResult upload_archive(const std::filesystem::path& data_dir, const std::string& archive,
                                          sync::HttpOptions http = {});

}  // namespace pk::provisioning
