#pragma once
// Brings the terminal's copy of the centre's signed catalog (the kiosk's last good catalog,
// <data_dir>/catalog/last-good.json) up to date: the one fetch-verify-store path, used at
// enrollment (provisioning/enrollment.cpp) and by the sync worker's periodic check.
//
// What callers may rely on:
//  - The file is replaced only by a catalog whose Ed25519 signature verifies with the centre's
//    catalog key, that parses and validates, and whose version is newer than the file's; it is
//    written to a temporary file, fsynced and renamed (0600), so a power cut leaves the old or
//    the new one. Anything else (no reply, a bad signature, a bad catalog, an older version)
//    leaves the file as it was and says why in `message`.
//  - With `etag` from the last reply the centre may answer 304 Not Modified: nothing is
//    downloaded or verified, the result is Unchanged.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "sync/centre_client.h"

namespace pk::sync {

enum class CatalogUpdate {
  Stored,     // verified, newer than the terminal's (or it had none), written to the file
  Unchanged,  // the centre's catalog is the version the terminal has (or 304 Not Modified)
  KeptNewer,  // verified, but the terminal's catalog is newer: kept that one
  Failed,     // not fetched, or refused (signature, parse, local write): the file is untouched
};

struct CatalogUpdateResult {
  CatalogUpdate result = CatalogUpdate::Failed;
  int64_t version = 0;  // of the centre's verified catalog (Stored, Unchanged after a 200, KeptNewer)
  std::string etag;     // the centre's ETag of its catalog, to send next time; empty when none
  std::string message;  // for the technician and the log
};

// public_key_base64: the centre's catalog key (TerminalIdentity::catalog_public_key).
[[nodiscard]] CatalogUpdateResult update_catalog(CentreClient& centre, std::string_view public_key_base64,
                                                 const std::filesystem::path& catalog_file,
                                                 std::string_view etag = {});

[[nodiscard]] std::string_view to_string(CatalogUpdate update);

}  // namespace pk::sync
