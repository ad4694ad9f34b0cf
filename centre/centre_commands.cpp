#include "centre/centre_commands.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "base/png_io.h"
#include "centre/centre_backends.h"
#include "centre/certificate_authority.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/province_summary.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_store.h"
#include "domain/jalali.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_qr.h"

namespace pk::centre {
namespace {

// The enrollment QR code (protocol/enrollment_qr.h) for a code just issued: on stderr in
// half blocks (light modules drawn, as `qrencode -t UTF8` does, for a dark console), and as a PNG
// (8 pixels a module, a 4-module quiet zone) when asked. stdout keeps the code alone for scripts.
int show_enrollment_qr(const std::string& code, const std::string& url, const std::string& pin,
                       const std::string& png_file) {
  auto text = provisioning::format_enrollment_qr({code, url, pin});
  if (!text) {
    spdlog::critical("enrollment QR code: {}", text.error().message);
    return 1;
  }
  ZXing::BitMatrix bits;
  try {
    bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
               .setMargin(0)
               .setEccLevel(3)
               .encode(*text, 0, 0);
  } catch (const std::exception& e) {
    spdlog::critical("enrollment QR code: {}", e.what());
    return 1;
  }
  const auto dark = [&](int x, int y, int quiet) {
    x -= quiet;
    y -= quiet;
    return x >= 0 && y >= 0 && x < bits.width() && y < bits.height() && bits.get(x, y);
  };
  constexpr int kConsoleQuiet = 2;
  const int side = bits.width() + 2 * kConsoleQuiet;
  for (int y = 0; y < side; y += 2) {
    std::string line;
    for (int x = 0; x < side; ++x) {
      const bool top = !dark(x, y, kConsoleQuiet);
      const bool bottom = y + 1 < side && !dark(x, y + 1, kConsoleQuiet);
      line += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fprintf(stderr, "enrollment QR code: %s\n", text->c_str());
  if (png_file.empty()) return 0;
  constexpr int kModule = 8;
  constexpr int kPngQuiet = 4;
  const int pixels = (bits.width() + 2 * kPngQuiet) * kModule;
  RasterImage image(pixels, pixels);
  for (int y = 0; y < pixels; ++y)
    for (int x = 0; x < pixels; ++x) image.set_dot(x, y, dark(x / kModule, y / kModule, kPngQuiet));
  if (auto written = write_png(png_file, image); !written) {
    spdlog::critical("{}", written.error().message);
    return 1;
  }
  std::fprintf(stderr, "enrollment QR code written to %s\n", png_file.c_str());
  return 0;
}

}  // namespace

// --staff-setup-link: the first administrator (scripts/run makes one), or a fresh link for a
// staff member who lost their phone. Prints the link's path; the console is on the centre's
// own address.
int print_staff_setup_link(const CentreConfig& config, const std::string& username,
                           const StaffSetupOptions& options) {
  const auto role = staff_role_from(options.role);
  if (!role) {
    std::fprintf(stderr, "--role is one of inspector, office_manager, technician_lead, administrator\n");
    return 2;
  }
  if (*role == StaffRole::OfficeManager && options.office.empty()) {
    std::fprintf(stderr, "an office manager needs --staff-office\n");
    return 2;
  }
  if (username.size() < 3 || username.size() > 32 ||
      username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    std::fprintf(stderr, "--staff-setup-link takes a username of 3 to 32 of a-z, 0-9, '.', '_' and '-'\n");
    return 2;
  }
  auto staff = open_staff_store(config.data_dir, config.database_url);
  if (!staff) {
    spdlog::critical("{}", staff.error().message);
    return 1;
  }
  StaffAccount account;
  account.username = username;
  account.display_name = options.display_name.empty() ? username : options.display_name;
  account.role = *role;
  account.office = *role == StaffRole::OfficeManager ? options.office : "";
  account.created_unix = std::time(nullptr);
  auto existing = (*staff)->find_account(username);
  if (!existing) {
    spdlog::critical("{}", existing.error().message);
    return 1;
  }
  if (*existing && (*existing)->state == AccountState::Active && !options.reset) {
    std::fprintf(
        stderr,
        "the account %s is set up and in use; --reset gives it a fresh link (its password and TOTP app "
        "are then set again)\n",
        username.c_str());
    return 3;
  }
  auto link = make_setup_link(**staff, account, account.created_unix);
  if (!link) {
    spdlog::critical("{}", link.error().message);
    return 1;
  }
  (void)(*staff)->append_audit({0, account.created_unix, "centre",
                                link->created ? "create_account" : "reset_account", username,
                                nlohmann::json{{"role", options.role}, {"by", "command line"}}.dump()});
  std::printf("%s\n", link->path.c_str());
  std::fprintf(stderr, "%s: open https://<centre>%s within 72 hours to set the password and TOTP app\n",
               link->created ? "account made" : "account reset (its password and TOTP app are set again)",
               link->path.c_str());
  return 0;
}

int print_sla_summary(const CentreConfig& config, int year, const std::string& services_text, int64_t as_of) {
  std::vector<int> services;
  if (!services_text.empty()) {
    auto listed = parse_service_list(services_text);
    if (!listed) {
      std::fprintf(stderr, "--services must be like 1,3,7 (service numbers 1..9999)\n");
      return 2;
    }
    services = std::move(listed).value();
  }
  if (year < pk::jalali::kMinYear || year > pk::jalali::kMaxYear) {
    std::fprintf(stderr, "--sla-summary takes a Jalali year such as 1405\n");
    return 2;
  }
  auto storage = open_storage(config.data_dir, config.database_url);
  if (!storage) {
    spdlog::critical("{}", storage.error().message);
    return 1;
  }
  auto summary = province_summary(**storage, config.catalog_file, year,
                                  as_of > 0 ? as_of : std::time(nullptr), std::move(services));
  if (!summary) {
    spdlog::critical("{}", summary.error().message);
    return 1;
  }
  std::printf("%s\n", to_json(*summary).c_str());
  return 0;
}

int issue_enrollment_codes(const CentreConfig& config, const std::string& office,
                           const std::string& terminal_id_prefix, int issue_count, int ttl_hours) {
  if (office.empty() || terminal_id_prefix.empty()) {
    std::fprintf(stderr, "--issue-enrollment-codes needs --office and --terminal-id-prefix\n");
    return 2;
  }
  auto store = open_enrollment_store(config.data_dir, config.database_url);
  const int width = std::max(4, static_cast<int>(std::to_string(issue_count).size()));
  for (int i = 1; i <= issue_count; ++i) {
    std::string number = std::to_string(i);
    number.insert(0, static_cast<size_t>(width) - number.size(), '0');
    auto issued = store ? (*store)->issue_code(office, terminal_id_prefix + number, std::time(nullptr),
                                               int64_t{ttl_hours} * 3600)
                        : Result<IssuedCode>(store.error());
    if (!issued) {
      spdlog::critical("{}", issued.error().message);
      return 1;
    }
    std::printf("%s%s %s\n", terminal_id_prefix.c_str(), number.c_str(),
                enroll::format_enrollment_code(issued->code).c_str());
  }
  std::fprintf(stderr, "%d enrollment codes for office %s, single use, valid %d h\n", issue_count,
               office.c_str(), ttl_hours);
  return 0;
}

int issue_enrollment_code(const CentreConfig& config, const std::string& office,
                          const std::string& terminal_id, int ttl_hours, std::string qr_url,
                          const std::string& qr_png) {
  if (office.empty() || terminal_id.empty()) {
    std::fprintf(stderr, "--issue-enrollment-code needs --office and --terminal-id\n");
    return 2;
  }
  // The QR code carries the centre's address and pin too, so the technician scans one code:
  // both are checked before a code is issued, so a bad --centre-url burns no code.
  const bool qr_url_is_default = qr_url.empty();
  if (qr_url_is_default) qr_url = "https://" + config.host + ":" + std::to_string(config.port);
  if (!provisioning::plausible_centre_url(qr_url)) {
    std::fprintf(stderr, "--centre-url must be https://host[:port] (got %s)\n", qr_url.c_str());
    return 2;
  }
  auto ca = CertificateAuthority::load_or_create(config.data_dir / "tls", config.server_names);
  if (!ca) {
    spdlog::critical("{}", ca.error().message);
    return 1;
  }
  auto store = open_enrollment_store(config.data_dir, config.database_url);
  auto issued = store
                    ? (*store)->issue_code(office, terminal_id, std::time(nullptr), int64_t{ttl_hours} * 3600)
                    : Result<IssuedCode>(store.error());
  if (!issued) {
    spdlog::critical("{}", issued.error().message);
    return 1;
  }
  char expires[32];
  const std::time_t expires_at = issued->expires_unix;
  std::strftime(expires, sizeof expires, "%Y-%m-%d %H:%M UTC", std::gmtime(&expires_at));
  std::printf("%s\n", enroll::format_enrollment_code(issued->code).c_str());
  std::fprintf(stderr, "enrollment code for %s at office %s, single use, valid until %s\n",
               terminal_id.c_str(), office.c_str(), expires);
  if (qr_url_is_default && (config.host.starts_with("127.") || config.host == "localhost"))
    std::fprintf(stderr, "note: the QR code names %s; give --centre-url with the address terminals reach\n",
                 qr_url.c_str());
  return show_enrollment_qr(issued->code, qr_url, (*ca)->server_pin(), qr_png);
}

int revoke_terminal(const CentreConfig& config, const std::string& terminal_id) {
  auto store = open_enrollment_store(config.data_dir, config.database_url);
  auto revoked =
      store ? (*store)->revoke_terminal(terminal_id, std::time(nullptr)) : Result<int>(store.error());
  if (!revoked) {
    spdlog::critical("{}", revoked.error().message);
    return 1;
  }
  std::printf("terminal %s revoked (%d certificate(s))\n", terminal_id.c_str(), *revoked);
  return 0;
}

int print_pin(const CentreConfig& config) {
  auto ca = CertificateAuthority::load_or_create(config.data_dir / "tls", config.server_names);
  if (!ca) {
    spdlog::critical("{}", ca.error().message);
    return 1;
  }
  std::printf("%s\n", (*ca)->server_pin().c_str());
  return 0;
}

int list_diagnostics(const CentreConfig& config) {
  auto store = open_diagnostics_store(config.data_dir, config.database_url);
  auto bundles = store ? (*store)->list() : Result<std::vector<DiagnosticsReceipt>>(store.error());
  if (!bundles) {
    spdlog::critical("{}", bundles.error().message);
    return 1;
  }
  for (const auto& b : *bundles) {
    char when[32];
    const std::time_t at = b.received_unix;
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&at));
    // A bundle in PostgreSQL has no file: --export-diagnostics gets it.
    std::printf("%s\t%s\t%s\t%lld\t%s\n", b.receipt_id.c_str(), b.terminal_id.c_str(), when,
                static_cast<long long>(b.bytes), b.file.empty() ? "-" : b.file.c_str());
  }
  std::fprintf(stderr, "%zu diagnostics bundle(s)\n", bundles->size());
  return 0;
}

int export_diagnostics(const CentreConfig& config, const std::string& receipt_id) {
  auto store = open_diagnostics_store(config.data_dir, config.database_url);
  auto bundle = store ? (*store)->read(receipt_id) : Result<std::string>(store.error());
  if (!bundle) {
    spdlog::critical("{}", bundle.error().message);
    return 1;
  }
  if (std::fwrite(bundle->data(), 1, bundle->size(), stdout) != bundle->size() || std::fflush(stdout) != 0) {
    spdlog::critical("cannot write the bundle to stdout");
    return 1;
  }
  return 0;
}

}  // namespace pk::centre
