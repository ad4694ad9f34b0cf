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
// This file reads the command line and serves; the one-shot forms are centre/centre_commands.h.
// Serving, it prints "pin sha256//..." (what a technician gives the terminal with --centre-pin)
// and then "listening on <host>:<port>" once it accepts connections (port 0 picks a free one).
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <sodium.h>

#include <csignal>
#include <cstdio>

#include "base/atomic_file.h"
#include "base/private_files.h"
#include "base/read_file.h"
#include "centre/centre_commands.h"
#include "centre/centre_server.h"
#include "centre/certificate_authority.h"

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
  pk::centre::StaffSetupOptions setup;
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

  if (summary_year != 0)
    return pk::centre::print_sla_summary(config, summary_year, summary_services, summary_as_of);
  if (!setup_user.empty()) return pk::centre::print_staff_setup_link(config, setup_user, setup);

  if (!office.empty() && !issue_code && issue_count == 0) {
    std::fprintf(stderr, "--office needs --issue-enrollment-code or --issue-enrollment-codes\n");
    return 2;
  }
  if (issue_count > 0)
    return pk::centre::issue_enrollment_codes(config, office, terminal_id_prefix, issue_count, ttl_hours);
  if (issue_code)
    return pk::centre::issue_enrollment_code(config, office, terminal_id, ttl_hours, qr_url, qr_png);
  if (!revoke_terminal.empty()) return pk::centre::revoke_terminal(config, revoke_terminal);
  if (print_pin) return pk::centre::print_pin(config);
  if (list_diagnostics) return pk::centre::list_diagnostics(config);

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
  if (!export_diagnostics.empty()) return pk::centre::export_diagnostics(config, export_diagnostics);

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
