#pragma once
// The centre's two long-lived secrets in its data folder, and the rule for making them:
//   sealing.key          X25519 secret (hex): opens every capture terminals sealed to the centre
//   catalog_signing.key  Ed25519 secret (64 bytes): signs the catalog terminals trust
// Both are made once, on the folder's first start, and recorded with their public halves in
// keys.json. From then on a missing, empty, damaged or different key is a refusal to start
// that names the file and says to restore it from the backup: never a silent new key, which
// would make every sealed capture unreadable and every terminal distrust the catalog.
// Files are 0600 and the folder 0700 whatever the umask; every write goes to a temporary file,
// is fsynced, renamed and the folder fsynced, so a power cut leaves the old state or the new.
// Two centre instances opening one folder at once are serialised by a lock file.
#include <filesystem>
#include <string>

#include "centre/signing_key.h"
#include "domain/result.h"
#include "protocol/sealing.h"

namespace pk::centre {

struct CentreKeys {
  SigningKey signing;
  store::KeyPair sealing;
};

[[nodiscard]] Result<CentreKeys> open_centre_keys(const std::filesystem::path& data_dir);

// Makes `folder` (and its parents) if missing and sets it to 0700.
[[nodiscard]] Result<void> make_private_folder(const std::filesystem::path& folder);

}  // namespace pk::centre
