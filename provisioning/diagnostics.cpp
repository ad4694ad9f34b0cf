#include "provisioning/diagnostics.h"

#include <PCSC/pcsclite.h>
#include <libusb.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <spdlog/version.h>
#include <sqlite3.h>
#include <sys/utsname.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <limits>
#include <sstream>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "provisioning/mount_points.h"
#include "provisioning/redaction.h"

#ifndef PK_VERSION
#define PK_VERSION "unknown"
#endif
#ifndef PK_GIT_DESCRIBE
#define PK_GIT_DESCRIBE "unknown"
#endif

namespace pk::provisioning {

namespace fs = std::filesystem;

std::string product_version() { return std::string(PK_VERSION) + " (" + PK_GIT_DESCRIBE + ")"; }

namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool secret_key_name(std::string_view key) {
  const std::string k = lower(key);
  for (std::string_view word :
       {"pin", "secret", "key", "token", "password", "passphrase", "credential", "private"})
    if (k.find(word) != std::string::npos) return true;
  return false;
}

bool key_material_path(std::string_view value) {
  const std::string v = lower(value);
  if (v.find("/keys/") != std::string::npos || v.starts_with("keys/") ||
      v.find("private") != std::string::npos)
    return true;
  for (std::string_view ext : {".key", ".pem", ".p12", ".pfx", ".der", ".seal", ".crt"})
    if (v.ends_with(ext)) return true;
  return false;
}

// http://user:pass@host/path?token=x -> http://host/path
std::string strip_url(std::string value) {
  const size_t scheme = value.find("://");
  if (scheme == std::string::npos) return value;
  const size_t host = scheme + 3;
  const size_t path = value.find_first_of("/?#", host);
  const size_t at = value.find('@', host);
  if (at != std::string::npos && (path == std::string::npos || at < path)) value.erase(host, at + 1 - host);
  if (const size_t query = value.find_first_of("?#"); query != std::string::npos) value.erase(query);
  return value;
}

void redact_table(toml::table& table) {
  std::vector<std::pair<std::string, std::string>> replace;
  for (auto&& [key, node] : table) {
    if (toml::table* sub = node.as_table()) {
      redact_table(*sub);
    } else if (secret_key_name(key.str())) {
      replace.emplace_back(std::string(key.str()), "[removed]");
    } else if (auto* text = node.as_string()) {
      const std::string value = text->get();
      replace.emplace_back(std::string(key.str()),
                           key_material_path(value) ? "[removed: path to key material]" : strip_url(value));
    }
  }
  for (auto& [key, value] : replace) table.insert_or_assign(key, value);
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string human_age(std::int64_t seconds) {
  if (seconds < 120) return std::to_string(seconds) + " s";
  if (seconds < 7200) return std::to_string(seconds / 60) + " min";
  if (seconds < 172800) return std::to_string(seconds / 3600) + " h";
  return std::to_string(seconds / 86400) + " days";
}

std::string percent(const std::optional<double>& fraction) {
  if (!fraction) return "unknown";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", *fraction * 100);
  return buf;
}

std::string versions_text() {
  std::ostringstream out;
  out << "product: pishkhan " << product_version() << "\n";
  const libusb_version* usb = libusb_get_version();
  out << "sqlite: " << sqlite3_libversion() << "\n"
      << "libsodium: " << sodium_version_string() << "\n"
      << "toml++: " << TOML_LIB_MAJOR << "." << TOML_LIB_MINOR << "." << TOML_LIB_PATCH << "\n"
      << "spdlog: " << SPDLOG_VER_MAJOR << "." << SPDLOG_VER_MINOR << "." << SPDLOG_VER_PATCH << "\n"
      << "libusb: " << usb->major << "." << usb->minor << "." << usb->micro << "\n"
      << "pcsc-lite (built against): " << PCSCLITE_VERSION_NUMBER << "\n";
  utsname uts{};
  if (::uname(&uts) == 0)
    out << "kernel: " << uts.sysname << " " << uts.release << " " << uts.machine << "\n";
  return out.str();
}

std::string devices_text(const DiagnosticsSources& s, DiagnosticsSummary& summary) {
  std::ostringstream out;
  for (const RoleDevices& role : s.devices) {
    out << "[" << to_string(role.role) << "]\n";
    for (const DeviceInfo& d : role.devices) {
      out << "  found: " << d.name << " | " << d.connection << (d.model.empty() ? "" : " | model " + d.model)
          << "\n";
      ++summary.devices_found;
    }
    for (const Problem& p : role.problems) {
      out << "  problem (" << to_string(p.kind) << "): " << redact(p.detail) << "\n";
      ++summary.device_problems;
    }
  }
  if (s.devices.empty()) out << "device discovery was not run\n";
  for (const SelfTestResult& t : s.self_tests) {
    if (t.outcome == TestOutcome::NotRun) continue;
    out << "self-test " << to_string(t.role) << " " << t.connection << ": "
        << (t.passed() ? "passed" : "FAILED") << " - " << redact(t.summary);
    if (t.problem) out << " [" << to_string(t.problem->kind) << "]";
    out << "\n";
  }
  return out.str();
}

std::int64_t size_on_disk(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  return ec ? -1 : static_cast<std::int64_t>(size);
}

std::string store_text(const DiagnosticsSources& s, DiagnosticsSummary& summary) {
  std::ostringstream out;
  if (!s.store) return "the store is not open\n";
  summary.schema_version = s.store->schema_version();
  out << "schema version: " << s.store->schema_version() << "\n";
  const fs::path db = s.store->path();
  out << "database file: " << size_on_disk(db) << " bytes\n"
      << "write-ahead log: " << size_on_disk(fs::path(db.string() + "-wal")) << " bytes\n";
  auto stats = s.store->stats(s.now_unix);
  if (!stats) return out.str() + "statistics unavailable: " + redact(stats.error().message) + "\n";
  summary.database_bytes = stats->database_bytes;
  for (store::ApplicationState state :
       {store::ApplicationState::Captured, store::ApplicationState::Queued, store::ApplicationState::Sent,
        store::ApplicationState::Confirmed, store::ApplicationState::Purged})
    out << "applications " << store::to_string(state) << ": " << stats->count(state) << "\n";
  out << "database and WAL on disk: " << stats->database_bytes << " bytes\n";
  return out.str();
}

std::string outbox_text(const DiagnosticsSources& s, DiagnosticsSummary& summary) {
  std::ostringstream out;
  if (!s.store) return "the store is not open\n";
  auto stats = s.store->stats(s.now_unix);
  // Every undelivered entry, due or not (a "now" far in the future).
  auto pending =
      s.store->pending_outbox(std::numeric_limits<int>::max(), std::numeric_limits<std::int64_t>::max() / 4);
  if (!stats || !pending) return "outbox unavailable\n";
  summary.pending_outbox = stats->pending_outbox;
  summary.oldest_pending_age_seconds = stats->oldest_pending_age_seconds;
  out << "waiting to be sent: " << stats->pending_outbox << "\n";
  if (stats->oldest_pending_age_seconds)
    out << "oldest waiting: " << human_age(*stats->oldest_pending_age_seconds) << "\n";
  const store::OutboxEntry* worst = nullptr;
  for (const store::OutboxEntry& e : *pending)
    if (e.last_error && (!worst || e.attempts >= worst->attempts)) worst = &e;
  std::int64_t attempts = 0;
  for (const store::OutboxEntry& e : *pending) attempts = std::max(attempts, e.attempts);
  out << "most delivery attempts for one entry: " << attempts << "\n";
  if (worst) {
    summary.last_outbox_error = redact(*worst->last_error);
    out << "last error: " << summary.last_outbox_error << " (entry " << worst->tracking_code << ", "
        << worst->attempts << " attempts)\n";
  } else {
    out << "last error: none\n";
  }
  return out.str();
}

std::string service_levels_text(const DiagnosticsSources& s) {
  if (!s.ledger) return "the service-level ledger is not open\n";
  auto data = s.ledger->technician_data(s.services);
  if (!data) return "service-level figures unavailable: " + redact(data.error().message) + "\n";
  std::ostringstream out;
  out << "as of " << data->as_of_unix << " (Jalali " << data->today.year << "/" << data->today.month << "/"
      << data->today.day << ")\n";
  out << "clock: month " << (data->month_clock.suspect() ? "SUSPECT" : "ok") << ", year "
      << (data->year_clock.suspect() ? "SUSPECT" : "ok") << "\n";
  out << "open outages: " << data->open_outages.size() << "\n";
  for (const sla::OpenOutageView& o : data->open_outages)
    out << "  " << sla::to_string(o.cause) << " since " << o.start_unix << " (" << human_age(o.seconds_so_far)
        << ")\n";
  out << "service | month availability (agreement) | year availability (agreement) | planned h | unplanned h | "
         "failure reports\n";
  for (const sla::TechnicianServiceRow& row : data->services) {
    char hours[64];
    std::snprintf(hours, sizeof hours, "%.2f | %.2f", row.year.year_total.planned_hours,
                  row.year.year_total.unplanned_hours);
    out << row.service << " | " << percent(row.month.agreement_availability) << " | "
        << percent(row.year.year_total.agreement_availability) << " | " << hours << " | "
        << row.year.year_total.failure_reports << "\n";
  }
  return out.str();
}

std::deque<std::string> last_lines(std::istream& in, int count) {
  std::deque<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(std::move(line));
    if (static_cast<int>(lines.size()) > count) lines.pop_front();
  }
  return lines;
}

std::string log_text(const DiagnosticsSources& s, DiagnosticsSummary& summary) {
  std::deque<std::string> lines;
  std::string source;
  for (const fs::path& file : s.log_files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    lines = last_lines(in, s.log_lines);
    source = file.string();
    break;
  }
  if (source.empty() && fs::exists("/usr/bin/journalctl")) {
    const std::string command =
        "/usr/bin/journalctl --no-pager -q -o short-iso -u pishkhan-kiosk.service -n " +
        std::to_string(s.log_lines) + " 2>/dev/null";
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
      std::string text;
      char buf[4096];
      while (size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
      ::pclose(pipe);
      std::istringstream in(text);
      lines = last_lines(in, s.log_lines);
      source = "journal (pishkhan-kiosk.service)";
    }
  }
  std::string out = "# source: " + (source.empty() ? std::string("none found") : source) +
                    "; every line redacted (national ids, phone numbers, names, Persian text)\n";
  for (const std::string& line : lines) out += redact(line) + "\n";
  summary.log_lines = static_cast<int>(lines.size());
  return out;
}

constexpr std::string_view kReadme =
    "Pishkhan diagnostics bundle\n"
    "\n"
    "versions.txt        product, build and library versions\n"
    "config.toml         the configuration, secrets and key paths removed\n"
    "devices.txt         devices found per role, problems, self-test results\n"
    "store.txt           offline store: schema version, applications per state, sizes\n"
    "outbox.txt          what has not reached the centre: count, oldest, last error\n"
    "service_levels.txt  service-level figures per service, open outages\n"
    "log.txt             the last lines of the kiosk log, redacted\n"
    "\n"
    "Left out on purpose: every citizen's data (the store's sealed contents are not read), keys,\n"
    "PIN hashes, receipts and scanned pages. Tracking codes are kept: they name a capture, not a person.\n";

}  // namespace

std::string redact_config(std::string_view toml_text) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text);
  } catch (const toml::parse_error& err) {
    std::ostringstream msg;
    msg << "# the configuration file is not valid TOML (line " << err.source().begin.line << ", column "
        << err.source().begin.column << "): " << err.description() << "\n# its text is not copied here\n";
    return msg.str();
  }
  redact_table(doc);
  std::ostringstream out;
  out << "# secrets, key paths and URL credentials removed\n" << toml::toml_formatter(doc) << "\n";
  return out.str();
}

Bundle collect_diagnostics(const DiagnosticsSources& s) {
  Bundle bundle;
  DiagnosticsSummary& summary = bundle.summary;
  summary.version = product_version();
  std::string config = "# no configuration file: the built-in defaults are in use\n";
  if (!s.config_file.empty()) {
    std::error_code ec;
    config = fs::exists(s.config_file, ec) ? redact_config(read_file(s.config_file))
                                           : "# " + s.config_file.string() + " does not exist\n";
  }
  bundle.files.push_back({"README.txt", std::string(kReadme)});
  bundle.files.push_back({"versions.txt", versions_text()});
  bundle.files.push_back({"config.toml", config});
  bundle.files.push_back({"devices.txt", devices_text(s, summary)});
  bundle.files.push_back({"store.txt", store_text(s, summary)});
  bundle.files.push_back({"outbox.txt", outbox_text(s, summary)});
  bundle.files.push_back({"service_levels.txt", service_levels_text(s)});
  bundle.files.push_back({"log.txt", log_text(s, summary)});
  return bundle;
}

namespace {

void octal(char* field, size_t width, std::uint64_t value) {
  // width-1 octal digits, most significant first, then a NUL (ustar's numeric fields).
  for (size_t i = width - 1; i-- > 0;) {
    field[i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  field[width - 1] = '\0';
}

}  // namespace

std::string tar_archive(const std::vector<BundleFile>& files, const std::string& top,
                        std::int64_t mtime_unix) {
  std::string out;
  auto header = [&](const std::string& name, std::uint64_t size, char type, unsigned mode) {
    char h[512] = {};
    std::snprintf(h, 100, "%s", name.substr(0, 99).c_str());
    octal(h + 100, 8, mode);
    octal(h + 108, 8, 0);
    octal(h + 116, 8, 0);
    octal(h + 124, 12, size);
    octal(h + 136, 12, static_cast<std::uint64_t>(std::max<std::int64_t>(0, mtime_unix)));
    std::memset(h + 148, ' ', 8);
    h[156] = type;
    std::memcpy(h + 257, "ustar", 6);
    std::memcpy(h + 263, "00", 2);
    std::snprintf(h + 265, 32, "root");
    std::snprintf(h + 297, 32, "root");
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    octal(h + 148, 7, sum);  // six digits, NUL, then the space already there

    out.append(h, sizeof h);
  };
  header(top + "/", 0, '5', 0755);
  for (const BundleFile& f : files) {
    header(top + "/" + f.name, f.content.size(), '0', 0644);
    out += f.content;
    out.append((512 - f.content.size() % 512) % 512, '\0');
  }
  out.append(1024, '\0');  // two empty blocks end the archive
  return out;
}

std::string bundle_name(const std::string& terminal_id, std::int64_t now_unix) {
  std::string terminal;
  for (char c : terminal_id) terminal += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  const std::time_t t = static_cast<std::time_t>(now_unix);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  return "pishkhan-diagnostics-" + terminal + "-" + stamp;
}

Result<fs::path> export_bundle(const Bundle& bundle, const fs::path& destination,
                               const std::string& terminal_id, std::int64_t now_unix) {
  std::error_code ec;
  if (!fs::is_directory(destination, ec)) return make_error(destination.string() + " is not a folder");
  const std::string top = bundle_name(terminal_id, now_unix);
  const fs::path file = destination / (top + ".tar");
  // 0644: the technician's stick goes to another machine, where anyone may need to read it.
  if (auto written = write_file_atomically(file, tar_archive(bundle.files, top, now_unix), FileMode::Public);
      !written)
    return written.error();
  return file;
}

std::vector<fs::path> export_destinations(const std::vector<fs::path>& extra, const fs::path& mounts) {
  std::vector<fs::path> out;
  auto table = pk::read_file(mounts, kMaxMountTableBytes);
  if (!table) spdlog::warn("diagnostics: {}", table.error().message);
  const MountPoints listed = parse_mount_points(table ? *table : std::string());
  if (listed.refused_lines > 0)
    spdlog::warn("diagnostics: {} line(s) of {} refused (a mount point with a bad escape)",
                 listed.refused_lines, mounts.string());
  for (const std::string& point : listed.points)
    if (point.starts_with("/media/") || point.starts_with("/run/media/")) out.emplace_back(point);
  std::error_code ec;
  for (const fs::path& dir : extra)
    if (!dir.empty() && fs::is_directory(dir, ec)) out.push_back(dir);
  return out;
}

}  // namespace pk::provisioning
