// pishkhan-centre: the reference central service.
//   pishkhan-centre --data DIR --port N [--catalog FILE] [--tls-name NAME...]
//   pishkhan-centre --data DIR --issue-enrollment-code --office A --terminal-id SKO-0001 [--ttl-hours 24]
//                   [--centre-url https://host:port] [--qr-png FILE]
//   pishkhan-centre --data DIR --issue-enrollment-codes N --office A --terminal-id-prefix LOAD-
//                   [--ttl-hours 24]                         (one line per code: TERMINAL_ID CODE)
//   pishkhan-centre --data DIR --revoke-terminal SKO-0001
//   pishkhan-centre --data DIR --print-pin
//   pishkhan-centre --data DIR --list-diagnostics
//   pishkhan-centre --data DIR --export-diagnostics DG-000001 > bundle.tar
// Every form takes --database postgresql://... to keep the records in PostgreSQL instead of
// SQLite files in DIR.
// Serving, it prints "pin sha256//..." (what a technician gives the terminal with --centre-pin)
// and then "listening on <host>:<port>" once it accepts connections (port 0 picks a free one).
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <sodium.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/png_io.h"
#include "base/private_files.h"
#include "base/read_file.h"
#include "centre/centre_backends.h"
#include "centre/centre_server.h"
#include "centre/certificate_authority.h"
#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/province_summary.h"
#include "centre/staff/staff_console.h"
#include "centre/staff/staff_store.h"
#include "domain/jalali.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_crypto.h"
#include "protocol/enrollment_qr.h"

#ifndef PK_CONSOLE_DIR
#define PK_CONSOLE_DIR "centre/console"
#endif
#ifndef PK_SOURCE_DATA_DIR
#define PK_SOURCE_DATA_DIR "data"
#endif

namespace {
pk::centre::CentreServer* g_server = nullptr;
extern "C" void on_signal(int) {
  // httplib's stop() only flips flags and shuts the listening socket: safe enough here.
  if (g_server != nullptr) g_server->request_stop();
}

// The enrollment QR code (protocol/enrollment_qr.h) for a code just issued: on stderr in
// half blocks (light modules drawn, as `qrencode -t UTF8` does, for a dark console), and as a PNG
// (8 pixels a module, a 4-module quiet zone) when asked. stdout keeps the code alone for scripts.
int show_enrollment_qr(const std::string& code, const std::string& url, const std::string& pin,
                       const std::string& png_file) {
  auto text = pk::provisioning::format_enrollment_qr({code, url, pin});
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
  pk::RasterImage image(pixels, pixels);
  for (int y = 0; y < pixels; ++y)
    for (int x = 0; x < pixels; ++x) image.set_dot(x, y, dark(x / kModule, y / kModule, kPngQuiet));
  if (auto written = pk::write_png(png_file, image); !written) {
    spdlog::critical("{}", written.error().message);
    return 1;
  }
  std::fprintf(stderr, "enrollment QR code written to %s\n", png_file.c_str());
  return 0;
}

struct StaffSetupOptions {
  bool reset = false;  // an account in use gets a fresh link only when asked
  std::string role = "administrator";
  std::string display_name;
  std::string office;
};

// --staff-setup-link: the first administrator (scripts/run makes one), or a fresh link for a
// staff member who lost their phone. Prints the link's path; the console is on the centre's
// own address.
int print_staff_setup_link(const pk::centre::CentreConfig& config, const std::string& username,
                           const StaffSetupOptions& options) {
  const auto role = pk::centre::staff_role_from(options.role);
  if (!role) {
    std::fprintf(stderr, "--role is one of inspector, office_manager, technician_lead, administrator\n");
    return 2;
  }
  if (*role == pk::centre::StaffRole::OfficeManager && options.office.empty()) {
    std::fprintf(stderr, "an office manager needs --staff-office\n");
    return 2;
  }
  if (username.size() < 3 || username.size() > 32 ||
      username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    std::fprintf(stderr, "--staff-setup-link takes a username of 3 to 32 of a-z, 0-9, '.', '_' and '-'\n");
    return 2;
  }
  auto staff = pk::centre::open_staff_store(config.data_dir, config.database_url);
  if (!staff) {
    spdlog::critical("{}", staff.error().message);
    return 1;
  }
  pk::centre::StaffAccount account;
  account.username = username;
  account.display_name = options.display_name.empty() ? username : options.display_name;
  account.role = *role;
  account.office = *role == pk::centre::StaffRole::OfficeManager ? options.office : "";
  account.created_unix = std::time(nullptr);
  auto existing = (*staff)->find_account(username);
  if (!existing) {
    spdlog::critical("{}", existing.error().message);
    return 1;
  }
  if (*existing && (*existing)->state == pk::centre::AccountState::Active && !options.reset) {
    std::fprintf(
        stderr,
        "the account %s is set up and in use; --reset gives it a fresh link (its password and TOTP app "
        "are then set again)\n",
        username.c_str());
    return 3;
  }
  auto link = pk::centre::make_setup_link(**staff, account, account.created_unix);
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

int print_sla_summary(const pk::centre::CentreConfig& config, int year, const std::string& services_text,
                      int64_t as_of) {
  std::vector<int> services;
  if (!services_text.empty()) {
    auto listed = pk::centre::parse_service_list(services_text);
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
  auto storage = pk::centre::open_storage(config.data_dir, config.database_url);
  if (!storage) {
    spdlog::critical("{}", storage.error().message);
    return 1;
  }
  auto summary = pk::centre::province_summary(**storage, config.catalog_file, year,
                                              as_of > 0 ? as_of : std::time(nullptr), std::move(services));
  if (!summary) {
    spdlog::critical("{}", summary.error().message);
    return 1;
  }
  std::printf("%s\n", pk::centre::to_json(*summary).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Before any file is made: databases, their WAL, keys and pages are the centre's alone.
  pk::make_new_files_private();
  CLI::App app{"Pishkhan reference central service"};
  pk::centre::CentreConfig config;
  config.catalog_file = std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json";
  config.console_dir = PK_CONSOLE_DIR;
  app.add_option("--data", config.data_dir, "data folder (created if missing)")->required();
  app.add_option(
      "--database", config.database_url,
      "keep the records (applications, uploads, ledgers, enrollment, diagnostics) in this PostgreSQL "
      "database, e.g. postgresql://pishkhan@db.example/pishkhan, instead of SQLite files in --data; "
      "the subcommands below use it too");
  app.add_option("--port", config.port, "TCP port (0: any free port)")->default_val(8443);
  app.add_option("--host", config.host, "address to listen on")->default_val("127.0.0.1");
  app.add_option("--catalog", config.catalog_file, "catalog JSON served signed at /v1/catalog");
  app.add_option("--console-dir", config.console_dir, "the web console's files, served at /console/");
  std::string setup_user;
  StaffSetupOptions setup;
  auto* setup_link =
      app.add_option("--staff-setup-link", setup_user,
                     "make a back-office account USER (or give an existing one a fresh link: its "
                     "password and TOTP app are set again), print its one-time set-up link, and exit");
  app.add_option("--role", setup.role,
                 "the account's role (inspector, office_manager, technician_lead, administrator)")
      ->needs(setup_link);
  app.add_option("--display-name", setup.display_name, "the account holder's name")->needs(setup_link);
  app.add_option("--staff-office", setup.office, "an office manager's office")->needs(setup_link);
  app.add_flag("--reset", setup.reset,
               "with --staff-setup-link: also for an account that is set up and in use")
      ->needs(setup_link);
  std::string export_seal_key;
  app.add_option("--export-seal-key", export_seal_key,
                 "write the public sealing key (hex) to this file, for a terminal's keys/centre-seal.pub");
  app.add_option("--tls-name", config.server_names,
                 "a host name or address terminals reach the centre by (repeatable; 127.0.0.1 and localhost "
                 "are always in its certificate)");
  bool issue_code = false;
  std::string office;
  std::string terminal_id;
  int ttl_hours = 24;
  std::string qr_url;
  std::string qr_png;
  std::string revoke_terminal;
  bool print_pin = false;
  auto* issue = app.add_flag("--issue-enrollment-code", issue_code,
                             "print a one-time enrollment code for --terminal-id at --office, and exit");
  int issue_count = 0;
  std::string terminal_id_prefix;
  auto* issue_many = app.add_option("--issue-enrollment-codes", issue_count,
                                    "print N one-time codes for <prefix>0001.. at --office, one line each: "
                                    "TERMINAL_ID CODE, and exit")
                         ->check(CLI::Range(1, 9999))
                         ->excludes(issue);
  app.add_option("--terminal-id-prefix", terminal_id_prefix,
                 "terminal id prefix for --issue-enrollment-codes")
      ->needs(issue_many);
  app.add_option("--office", office, "office id of the terminal(s) to enroll");
  app.add_option("--terminal-id", terminal_id, "id of the terminal to enroll (e.g. SKO-0001)")->needs(issue);
  app.add_option("--ttl-hours", ttl_hours, "hours the enrollment code stays valid")
      ->default_val(24)
      ->check(CLI::Range(1, 24 * 30));
  app.add_option("--centre-url", qr_url,
                 "the address terminals reach this centre at, put in the enrollment QR code (default "
                 "https://<--host>:<--port>)")
      ->needs(issue);
  app.add_option("--qr-png", qr_png, "also write the enrollment QR code (code, centre URL, pin) to this PNG")
      ->needs(issue);
  app.add_option("--revoke-terminal", revoke_terminal,
                 "refuse this terminal from now on (a running centre too), and exit");
  app.add_flag("--print-pin", print_pin, "print the centre's public key pin (sha256//...) and exit");
  bool list_diagnostics = false;
  app.add_flag(
      "--list-diagnostics", list_diagnostics,
      "list the diagnostics bundles terminals sent (newest first: receipt, terminal, time, size, file), "
      "and exit");
  std::string front_door_secret_file;
  app.add_option(
         "--front-door-secret-file", front_door_secret_file,
         "serve plain HTTP on --host:--port for a front door (nginx, see scripts/centre) that ends TLS and "
         "sends this file's secret with every request; anything else is refused")
      ->check(CLI::ExistingFile);
  app.add_option("--threads", config.worker_threads, "threads serving requests (0: the library's default)")
      ->check(CLI::Range(0, 512));
  int summary_year = 0;
  std::string summary_services;
  int64_t summary_as_of = 0;
  auto* summary = app.add_option("--sla-summary", summary_year,
                                 "print the province-wide service-level summary of this Jalali year as JSON, "
                                 "and exit (staff only: terminals cannot read it)");
  app.add_option("--services", summary_services,
                 "services for --sla-summary, e.g. 1,3,7 (default: the catalog's)")
      ->needs(summary);
  app.add_option("--as-of", summary_as_of, "Unix seconds the summary is computed as of (default: now)")
      ->needs(summary);
  std::string export_diagnostics;
  app.add_option("--export-diagnostics", export_diagnostics,
                 "write the diagnostics bundle with this receipt (DG-000001) to stdout, and exit");
  CLI11_PARSE(app, argc, argv);
  if (auto private_folder = pk::make_private_folder(config.data_dir); !private_folder)
    spdlog::warn("{}", private_folder.error().message);

  if (summary_year != 0) return print_sla_summary(config, summary_year, summary_services, summary_as_of);
  if (!setup_user.empty()) return print_staff_setup_link(config, setup_user, setup);

  if (!office.empty() && !issue_code && issue_count == 0) {
    std::fprintf(stderr, "--office needs --issue-enrollment-code or --issue-enrollment-codes\n");
    return 2;
  }
  if (issue_count > 0) {
    if (office.empty() || terminal_id_prefix.empty()) {
      std::fprintf(stderr, "--issue-enrollment-codes needs --office and --terminal-id-prefix\n");
      return 2;
    }
    auto store = pk::centre::open_enrollment_store(config.data_dir, config.database_url);
    const int width = std::max(4, static_cast<int>(std::to_string(issue_count).size()));
    for (int i = 1; i <= issue_count; ++i) {
      std::string number = std::to_string(i);
      number.insert(0, static_cast<size_t>(width) - number.size(), '0');
      auto issued = store ? (*store)->issue_code(office, terminal_id_prefix + number, std::time(nullptr),
                                                 int64_t{ttl_hours} * 3600)
                          : pk::Result<pk::centre::IssuedCode>(store.error());
      if (!issued) {
        spdlog::critical("{}", issued.error().message);
        return 1;
      }
      std::printf("%s%s %s\n", terminal_id_prefix.c_str(), number.c_str(),
                  pk::enroll::format_enrollment_code(issued->code).c_str());
    }
    std::fprintf(stderr, "%d enrollment codes for office %s, single use, valid %d h\n", issue_count,
                 office.c_str(), ttl_hours);
    return 0;
  }

  if (issue_code) {
    if (office.empty() || terminal_id.empty()) {
      std::fprintf(stderr, "--issue-enrollment-code needs --office and --terminal-id\n");
      return 2;
    }
    // The QR code carries the centre's address and pin too, so the technician scans one code:
    // both are checked before a code is issued, so a bad --centre-url burns no code.
    const bool qr_url_is_default = qr_url.empty();
    if (qr_url_is_default) qr_url = "https://" + config.host + ":" + std::to_string(config.port);
    if (!pk::provisioning::plausible_centre_url(qr_url)) {
      std::fprintf(stderr, "--centre-url must be https://host[:port] (got %s)\n", qr_url.c_str());
      return 2;
    }
    auto ca = pk::centre::CertificateAuthority::load_or_create(config.data_dir / "tls", config.server_names);
    if (!ca) {
      spdlog::critical("{}", ca.error().message);
      return 1;
    }
    auto store = pk::centre::open_enrollment_store(config.data_dir, config.database_url);
    auto issued =
        store ? (*store)->issue_code(office, terminal_id, std::time(nullptr), int64_t{ttl_hours} * 3600)
              : pk::Result<pk::centre::IssuedCode>(store.error());
    if (!issued) {
      spdlog::critical("{}", issued.error().message);
      return 1;
    }
    char expires[32];
    const std::time_t expires_at = issued->expires_unix;
    std::strftime(expires, sizeof expires, "%Y-%m-%d %H:%M UTC", std::gmtime(&expires_at));
    std::printf("%s\n", pk::enroll::format_enrollment_code(issued->code).c_str());
    std::fprintf(stderr, "enrollment code for %s at office %s, single use, valid until %s\n",
                 terminal_id.c_str(), office.c_str(), expires);
    if (qr_url_is_default && (config.host.starts_with("127.") || config.host == "localhost"))
      std::fprintf(stderr, "note: the QR code names %s; give --centre-url with the address terminals reach\n",
                   qr_url.c_str());
    return show_enrollment_qr(issued->code, qr_url, (*ca)->server_pin(), qr_png);
  }
  if (!revoke_terminal.empty()) {
    auto store = pk::centre::open_enrollment_store(config.data_dir, config.database_url);
    auto revoked = store ? (*store)->revoke_terminal(revoke_terminal, std::time(nullptr))
                         : pk::Result<int>(store.error());
    if (!revoked) {
      spdlog::critical("{}", revoked.error().message);
      return 1;
    }
    std::printf("terminal %s revoked (%d certificate(s))\n", revoke_terminal.c_str(), *revoked);
    return 0;
  }
  if (print_pin) {
    auto ca = pk::centre::CertificateAuthority::load_or_create(config.data_dir / "tls", config.server_names);
    if (!ca) {
      spdlog::critical("{}", ca.error().message);
      return 1;
    }
    std::printf("%s\n", (*ca)->server_pin().c_str());
    return 0;
  }

  if (list_diagnostics) {
    auto store = pk::centre::open_diagnostics_store(config.data_dir, config.database_url);
    auto bundles =
        store ? (*store)->list() : pk::Result<std::vector<pk::centre::DiagnosticsReceipt>>(store.error());
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

  if (!front_door_secret_file.empty()) {
    auto secret = pk::read_file(front_door_secret_file, 1024);
    if (!secret) {
      spdlog::critical("--front-door-secret-file: {}", secret.error().message);
      return 1;
    }
    while (!secret->empty() && (secret->back() == '\n' || secret->back() == '\r')) secret->pop_back();
    config.listener = pk::centre::Listener::FrontDoor;
    config.front_door_secret = std::move(secret).value();
  }
  if (!export_diagnostics.empty()) {
    auto store = pk::centre::open_diagnostics_store(config.data_dir, config.database_url);
    auto bundle = store ? (*store)->read(export_diagnostics) : pk::Result<std::string>(store.error());
    if (!bundle) {
      spdlog::critical("{}", bundle.error().message);
      return 1;
    }
    if (std::fwrite(bundle->data(), 1, bundle->size(), stdout) != bundle->size() ||
        std::fflush(stdout) != 0) {
      spdlog::critical("cannot write the bundle to stdout");
      return 1;
    }
    return 0;
  }

  auto server = pk::centre::CentreServer::start(config);
  if (!server) {
    spdlog::critical("{}", server.error().message);
    return 1;
  }
  if (!export_seal_key.empty()) {
    // Until terminals enroll over the network, a technician carries this file to them.
    char hex[2 * sizeof(pk::store::PublicKey) + 1];
    sodium_bin2hex(hex, sizeof hex, (*server)->sealing_key().public_key.data(),
                   (*server)->sealing_key().public_key.size());
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(export_seal_key).parent_path(), ec);
    if (auto written =
            pk::write_file_atomically(export_seal_key, std::string(hex) + "\n", pk::FileMode::Public);
        !written) {
      spdlog::critical("{}", written.error().message);
      return 1;
    }
  }
  std::printf("pin %s\n", (*server)->certificate_authority().server_pin().c_str());
  std::printf("listening on %s:%d\n", config.host.c_str(), (*server)->port());
  std::fflush(stdout);
  g_server = server->get();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  (*server)->wait();
  g_server = nullptr;
  return 0;
}
