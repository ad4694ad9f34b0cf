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

}  // namespace pk::provisioning
