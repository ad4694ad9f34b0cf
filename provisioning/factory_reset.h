#pragma once
// Factory reset: a terminal leaving service (or changing hands) gives up nothing.
//
// Two steps, because the store must be closed in between:
//  1. authorize_factory_reset() with the store open: counts what has not reached the centre
//     (applications still Captured or Queued: the centre has not acknowledged them). With any,
//     the reset is refused, saying how many, unless the technician chose the explicit override
//     AND the count they were shown is still the count now (a capture that arrived since would
//     otherwise be lost without anyone having seen it). The PIN is checked again by the caller
//     (the technician desk) before it asks. The decision goes into the audit log and the
//     system log (journald, which lives outside the data folder).
//  2. execute_factory_reset() with every handle on the data folder closed: every regular file
//     below <data_dir> (keys/, the SQLite store and its WAL, receipts, catalog, accounts, logs,
//     configuration overrides) is overwritten with random bytes, fsynced and unlinked; the
//     folders are removed; symbolic links are removed, never followed.
//
// What survives, deliberately: <data_dir>/factory-reset.json, the audit record of the reset
// itself (when, which technician, whether the override was used, how many captures were lost
// and their tracking codes). It holds no personal data, and it is how the next enrollment (and
// the centre) learns that captures were lost. The configuration file outside the data folder
// (/etc/pishkhan) is kept: it describes the box's hardware, not anyone's data.
//
// Overwriting in place is what a file system allows; on flash (wear levelling) and on
// copy-on-write file systems old blocks may survive. That is acceptable here because the
// personal data and pages in the store were only ever held sealed to the centre's public key:
// the terminal never had the key that opens them, and its own keys are destroyed too.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/result.h"
#include "offline-store/store.h"

namespace pk::provisioning {

enum class ResetOverride : std::uint8_t { None, LoseUnsentCaptures };

struct ResetBacklog {
  std::int64_t unsent = 0;  // captured or queued: not acknowledged by the centre
  std::vector<std::string> tracking_codes;
};

[[nodiscard]] Result<ResetBacklog> reset_backlog(store::Store& store);

struct ResetRequest {
  std::string technician;  // whose PIN was checked again
  ResetOverride override_backlog = ResetOverride::None;
  std::int64_t accepted_loss = 0;  // the count the technician was shown and accepted
  std::int64_t now_unix = 0;
};

struct ResetPlan {
  std::filesystem::path data_dir;
  std::string technician;
  bool overridden = false;
  ResetBacklog lost;
  std::int64_t now_unix = 0;
};

// Refuses (with the count) while anything has not reached the centre, unless overridden with
// the current count. Writes the decision to the audit log.
[[nodiscard]] Result<ResetPlan> authorize_factory_reset(store::Store& store,
                                                        const std::filesystem::path& data_dir,
                                                        const ResetRequest& request);

struct ResetReport {
  int files_wiped = 0;
  std::uint64_t bytes_overwritten = 0;
  std::filesystem::path record;  // factory-reset.json
};

// Wipes the data folder (see above) and leaves only the reset record in it.
[[nodiscard]] Result<ResetReport> execute_factory_reset(const ResetPlan& plan);

inline constexpr std::string_view kResetRecordName = "factory-reset.json";

}  // namespace pk::provisioning
