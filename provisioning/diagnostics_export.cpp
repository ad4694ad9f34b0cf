// A diagnostics bundle as a file: the tar archive (ustar, one folder named after the terminal
// and the time), its name, and the USB sticks and folders it may be written to.
#include "provisioning/diagnostics.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "provisioning/mount_points.h"

namespace pk::provisioning {

namespace fs = std::filesystem;

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
