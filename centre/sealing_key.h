#pragma once
// The centre's sealing key pair. Terminals seal every capture (personal data and pages) to its
// public half before anything touches their disks; only the centre, holding the secret half,
// can open them. Lose it and every sealed capture is unreadable: centre/centre_keys.h decides
// when one may be made, and the README says how to back it up.
#include <filesystem>

#include "domain/result.h"
#include "protocol/sealing.h"

namespace pk::centre {

// Reads a sealing key file (64 hexadecimal characters and a newline). A missing, empty or
// malformed file is an error naming the file.
[[nodiscard]] Result<store::KeyPair> load_sealing_key(const std::filesystem::path& file);
// Makes a new key pair and writes it atomically (temporary file 0600, fsync, rename, folder
// fsync); refuses to replace a file that exists.
[[nodiscard]] Result<store::KeyPair> create_sealing_key(const std::filesystem::path& file);

}  // namespace pk::centre
