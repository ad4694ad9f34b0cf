#pragma once
// The one-shot commands of pishkhan-centre (centre/main.cpp parses the command line and serves):
// each does its job on the centre's data folder or database, prints its result (stdout keeps the
// bare result for scripts, stderr the sentences) and returns the process's exit status: 0 done,
// 1 failed, 2 a bad argument, 3 refused (an account in use without --reset).
#include <cstdint>
#include <string>

#include "centre/centre_server.h"

namespace pk::centre {

struct StaffSetupOptions {
  bool reset = false;  // an account in use gets a fresh link only when asked
  std::string role = "administrator";
  std::string display_name;
  std::string office;
};

// --staff-setup-link: the first administrator (scripts/run makes one), or a fresh link for a
// staff member who lost their phone. Prints the link's path.
[[nodiscard]] int print_staff_setup_link(const CentreConfig& config, const std::string& username,
                                         const StaffSetupOptions& options);
// --sla-summary YEAR [--services 1,3,7] [--as-of UNIX]: the province-wide summary as JSON.
[[nodiscard]] int print_sla_summary(const CentreConfig& config, int year, const std::string& services_text,
                                    int64_t as_of);
// --issue-enrollment-codes N: one line per code, "TERMINAL_ID CODE", for <prefix>0001...
[[nodiscard]] int issue_enrollment_codes(const CentreConfig& config, const std::string& office,
                                         const std::string& terminal_id_prefix, int issue_count,
                                         int ttl_hours);
// --issue-enrollment-code: the code on stdout, its QR code (code, centre URL, pin) on stderr and,
// when png is given, in that PNG. An empty qr_url is https://<host>:<port>.
[[nodiscard]] int issue_enrollment_code(const CentreConfig& config, const std::string& office,
                                        const std::string& terminal_id, int ttl_hours, std::string qr_url,
                                        const std::string& qr_png);
// --revoke-terminal ID: refuses the terminal's certificates from now on.
[[nodiscard]] int revoke_terminal(const CentreConfig& config, const std::string& terminal_id);
// --print-pin: the centre's public key pin (sha256//...).
[[nodiscard]] int print_pin(const CentreConfig& config);
// --list-diagnostics: the bundles terminals sent, newest first, one tab-separated line each.
[[nodiscard]] int list_diagnostics(const CentreConfig& config);
// --export-diagnostics RECEIPT: the bundle's bytes on stdout.
[[nodiscard]] int export_diagnostics(const CentreConfig& config, const std::string& receipt_id);

}  // namespace pk::centre
