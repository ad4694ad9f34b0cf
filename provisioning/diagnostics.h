#pragma once
// The diagnostics bundle a technician takes away on a USB stick (or sends to support): what a
// terminal in trouble says about itself, and never anything about a citizen.
//
// Contents (one text file each, inside one folder of a tar archive):
//   README.txt          what the files are and what was deliberately left out
//   versions.txt        product version, `git describe` at build, library versions, kernel
//   config.toml         the configuration file with secrets removed: every key whose name holds
//                       pin/secret/key/token/password/passphrase/credential, every value that is a
//                       path to key material, and the user and query parts of URLs
//   devices.txt         devices found per role, discovery problems, the last self-tests
//   store.txt           schema version, applications per state, database and WAL sizes
//   outbox.txt          backlog: count, oldest age, most attempts, last error (redacted)
//   service_levels.txt  the service-level figures (per service, month and year), open outages
//   log.txt             the last lines of the kiosk's log, each through redact() (redaction.h)
// Personal data in the store is sealed to the centre's key, and the bundle reads none of it:
// only counts, sizes and states. The log excerpt is the one place free text could carry a
// citizen's words, hence the redaction.
//
// The archive is a plain POSIX ustar file written here (no compression: the bundle is a few
// tens of kilobytes, and every system reads `tar -xf` without another library).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/result.h"
#include "offline-store/store.h"
#include "provisioning/device_setup.h"
#include "sla/ledger.h"

namespace pk::provisioning {

struct DiagnosticsSources {
  std::filesystem::path config_file;  // empty: no configuration file (defaults)
  std::filesystem::path data_dir;
  store::Store* store = nullptr;  // null: the store could not be opened (said in store.txt)
  sla::Ledger* ledger = nullptr;
  std::vector<int> services;  // the catalog's service numbers, for the figures
  std::vector<RoleDevices> devices;
  std::vector<SelfTestResult> self_tests;
  // The first of these that exists is the log; when none does, journalctl's last lines of
  // the kiosk's unit are used (on a packaged terminal the kiosk logs to the journal).
  std::vector<std::filesystem::path> log_files;
  int log_lines = 300;
  std::string terminal_id;
  std::int64_t now_unix = 0;
};

struct BundleFile {
  std::string name;
  std::string content;
};

// The figures the Diagnostics screen shows, from the same reading as the bundle.
struct DiagnosticsSummary {
  std::string version;  // "0.1.0 (v0.1.0-68-gb582fcd)"
  int schema_version = 0;
  std::int64_t database_bytes = 0;
  std::int64_t pending_outbox = 0;
  std::optional<std::int64_t> oldest_pending_age_seconds;
  std::string last_outbox_error;  // redacted
  int devices_found = 0;
  int device_problems = 0;
  int log_lines = 0;
};

struct Bundle {
  std::vector<BundleFile> files;
  DiagnosticsSummary summary;
};

// Reads everything; never fails as a whole: a part that cannot be read says why in its file.
[[nodiscard]] Bundle collect_diagnostics(const DiagnosticsSources& sources);

// The configuration text with secrets removed (see above). A file that is not valid TOML is
// not copied at all: only the parse error is.
[[nodiscard]] std::string redact_config(std::string_view toml_text);

// A POSIX ustar archive of the files under folder `top`.
[[nodiscard]] std::string tar_archive(const std::vector<BundleFile>& files, const std::string& top,
                                      std::int64_t mtime_unix);

// pishkhan-diagnostics-<terminal>-<yyyymmdd-hhmmss> (UTC): the bundle's folder inside the tar,
// and its file name, whether it goes to a USB stick or to the centre.
[[nodiscard]] std::string bundle_name(const std::string& terminal_id, std::int64_t now_unix);

// Writes <destination>/pishkhan-diagnostics-<terminal>-<yyyymmdd-hhmmss>.tar atomically and
// returns its path. The destination must be an existing folder.
[[nodiscard]] Result<std::filesystem::path> export_bundle(const Bundle& bundle,
                                                          const std::filesystem::path& destination,
                                                          const std::string& terminal_id,
                                                          std::int64_t now_unix);

// Where a bundle can go: mounted file systems under /media and /run/media (USB sticks that the
// desktop or udisks mounted), then `extra` folders that exist (tests, a configured folder).
[[nodiscard]] std::vector<std::filesystem::path> export_destinations(
    const std::vector<std::filesystem::path>& extra,
    const std::filesystem::path& mounts = "/proc/self/mounts");

// The product's version and the git description of the tree it was built from.
[[nodiscard]] std::string product_version();

}  // namespace pk::provisioning
