#include "provisioning/factory_reset.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <vector>

#include "base/atomic_file.h"

namespace pk::provisioning {

namespace fs = std::filesystem;

Result<ResetBacklog> reset_backlog(store::Store& store) {
  auto stats = store.stats(0);
  if (!stats) return stats.error();
  auto pending =
      store.pending_outbox(std::numeric_limits<int>::max(), std::numeric_limits<std::int64_t>::max() / 4);
  if (!pending) return pending.error();
  ResetBacklog backlog;
  backlog.unsent = std::max<std::int64_t>(
      {stats->pending_outbox, static_cast<std::int64_t>(pending->size()),
       stats->count(store::ApplicationState::Captured) + stats->count(store::ApplicationState::Queued)});
  for (const store::OutboxEntry& e : *pending) backlog.tracking_codes.push_back(e.tracking_code);
  return backlog;
}

Result<ResetPlan> authorize_factory_reset(store::Store& store, const fs::path& data_dir,
                                          const ResetRequest& request) {
  if (request.technician.empty()) return make_error("a factory reset needs a signed-in technician");
  auto backlog = reset_backlog(store);
  if (!backlog) return backlog.error();
  const std::string actor = "technician:" + request.technician;
  if (backlog->unsent > 0) {
    if (request.override_backlog != ResetOverride::LoseUnsentCaptures) {
      (void)store.append_audit(actor, "factory_reset_refused", "unsent=" + std::to_string(backlog->unsent));
      return make_error("factory reset refused: " + std::to_string(backlog->unsent) +
                        " capture(s) have not reached the centre");
    }
    if (request.accepted_loss != backlog->unsent) {
      (void)store.append_audit(
          actor, "factory_reset_refused",
          "unsent=" + std::to_string(backlog->unsent) + " accepted=" + std::to_string(request.accepted_loss));
      return make_error("factory reset refused: " + std::to_string(backlog->unsent) +
                        " capture(s) would now be lost, not the " + std::to_string(request.accepted_loss) +
                        " that were accepted; look again and confirm");
    }
  }
  const bool overridden = backlog->unsent > 0;
  const std::string detail = overridden
                                 ? "override: " + std::to_string(backlog->unsent) + " unsent capture(s) lost"
                                 : "every capture had reached the centre";
  if (auto audited = store.append_audit(actor, "factory_reset", detail); !audited) return audited.error();
  // The system log outlives the data folder.
  spdlog::warn("factory reset authorised by technician {}: {}", request.technician, detail);
  return ResetPlan{data_dir, request.technician, overridden, std::move(backlog.value()), request.now_unix};
}

namespace {

// Overwrites the whole file with random bytes and flushes it, then unlinks it.
Result<std::uint64_t> wipe_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return make_error("cannot open " + file.string() + " to wipe it: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return make_error("cannot stat " + file.string() + ": " + std::strerror(errno));
  }
  std::vector<unsigned char> noise(64 * 1024);
  std::uint64_t done = 0;
  const auto size = static_cast<std::uint64_t>(st.st_size);
  while (done < size) {
    const size_t n = static_cast<size_t>(std::min<std::uint64_t>(noise.size(), size - done));
    randombytes_buf(noise.data(), n);
    const ssize_t w = ::pwrite(fd, noise.data(), n, static_cast<off_t>(done));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      ::close(fd);
      return make_error("cannot overwrite " + file.string() + ": " + std::strerror(errno));
    }
    done += static_cast<std::uint64_t>(w);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return make_error("cannot flush " + file.string() + ": " + std::strerror(errno));
  }
  if (::close(fd) != 0) return make_error("cannot close " + file.string() + ": " + std::strerror(errno));
  if (::unlink(file.c_str()) != 0)
    return make_error("cannot remove " + file.string() + ": " + std::strerror(errno));
  return done;
}

}  // namespace

Result<ResetReport> execute_factory_reset(const ResetPlan& plan) {
  if (sodium_init() < 0) return make_error("libsodium could not start");
  std::error_code ec;
  const fs::path dir = plan.data_dir;
  if (dir.empty() || dir == "/" || !fs::is_directory(fs::symlink_status(dir, ec)))
    return make_error("not a data folder: \"" + dir.string() + "\"");
  ResetReport report;
  // Deepest first, so that every folder is empty when it is removed.
  std::vector<fs::path> entries;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    entries.push_back(it->path());
  if (ec) return make_error("cannot list " + dir.string() + ": " + ec.message());
  std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
    return std::distance(a.begin(), a.end()) > std::distance(b.begin(), b.end());
  });
  std::vector<std::string> failures;
  for (const fs::path& entry : entries) {
    const fs::file_status st = fs::symlink_status(entry, ec);
    if (fs::is_regular_file(st)) {
      auto wiped = wipe_file(entry);
      if (!wiped) {
        failures.push_back(wiped.error().message);
        continue;
      }
      report.bytes_overwritten += *wiped;
      ++report.files_wiped;
    } else if (fs::is_directory(st)) {
      if (!fs::remove(entry, ec)) failures.push_back("cannot remove " + entry.string() + ": " + ec.message());
    } else {
      // Symbolic links, sockets, FIFOs: removed, never followed.
      if (!fs::remove(entry, ec)) failures.push_back("cannot remove " + entry.string() + ": " + ec.message());
    }
  }
  // The unlinks are on disk only once the folder is.
  if (auto synced = sync_folder(dir); !synced) failures.push_back(synced.error().message);
  if (!failures.empty()) {
    spdlog::error("factory reset: {} item(s) could not be wiped; first: {}", failures.size(),
                  failures.front());
    return make_error("factory reset incomplete: " + failures.front());
  }
  nlohmann::json record = {{"reset_at_unix", plan.now_unix},
                           {"technician", plan.technician},
                           {"override", plan.overridden},
                           {"unsent_captures_lost", plan.lost.unsent},
                           {"lost_tracking_codes", plan.lost.tracking_codes},
                           {"files_wiped", report.files_wiped}};
  report.record = dir / kResetRecordName;
  if (auto written = write_file_atomically(report.record, record.dump(2) + "\n"); !written)
    return written.error();
  spdlog::warn("factory reset done: {} file(s), {} byte(s) overwritten; {} unsent capture(s) lost",
               report.files_wiped, report.bytes_overwritten, plan.lost.unsent);
  return report;
}

}  // namespace pk::provisioning
