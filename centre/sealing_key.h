#pragma once
// The centre's sealing key pair. Terminals seal every capture (personal data and pages) to its
// public half before anything touches their disks; only the centre, holding the secret half,
// can open them. Generated on first start, kept in the data folder with mode 0600.
#include <filesystem>

#include "domain/result.h"
#include "offline-store/sealing.h"

namespace pk::centre {

Result<store::KeyPair> load_or_create_sealing_key(const std::filesystem::path& file);

}  // namespace pk::centre
