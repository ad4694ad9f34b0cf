#pragma once
// Brings the terminal's CSCA master list (what passport chips are verified against; README
// "Passport chips") up to date from the centre, the way sync/catalog_update.h does the
// catalog: the file is replaced only by a list whose Ed25519 signature verifies with the
// centre's catalog key, that `check` accepts (it parses every certificate and CRL and returns
// the list's version), and whose version is newer than the file's; written atomically (0600).
// Anything else leaves the last good list in place and says why.
//
// `check` comes from the caller because the parser lives with the card reader
// (drivers/cardreader/apps/icao/csca_master_list.h), a folder sync/ does not include.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "sync/centre_client.h"

namespace pk::sync {

enum class MasterListUpdate {
  Stored,        // verified, accepted, newer than the terminal's (or it had none): written
  Unchanged,     // the terminal has this version already (or 304 Not Modified)
  KeptNewer,     // verified, but the terminal's is newer: kept that one
  NoneAtCentre,  // the centre publishes none (404): the terminal keeps what it has
  Failed,        // not fetched, or refused (signature, check, local write): the file is untouched
};

struct MasterListUpdateResult {
  MasterListUpdate result = MasterListUpdate::Failed;
  int64_t version = 0;  // of the centre's verified list
  std::string etag;     // to send next time; empty when none
  std::string message;  // for the technician and the log
};

// Parses a whole master list and returns its version, or says why it is not one.
using MasterListCheck = std::function<Result<int64_t>(std::string_view text)>;

[[nodiscard]] MasterListUpdateResult update_csca_master_list(CentreClient& centre,
                                                             std::string_view public_key_base64,
                                                             const std::filesystem::path& file,
                                                             const MasterListCheck& check,
                                                             std::string_view etag = {});

[[nodiscard]] std::string_view to_string(MasterListUpdate update);

}  // namespace pk::sync
