#pragma once
// The centre's public sealing key, which every capture is sealed to before it touches the
// disk. Enrollment writes it to <data_dir>/keys/centre-seal.pub (64 hex characters). Without
// it the terminal cannot take applications: it says so rather than store anything in clear.
#include <filesystem>

#include "domain/result.h"
#include "protocol/sealing.h"

namespace pk::kiosk {

[[nodiscard]] std::filesystem::path centre_key_path(const std::filesystem::path& data_dir);
Result<store::PublicKey> load_centre_key(const std::filesystem::path& file);
Result<void> save_centre_key(const std::filesystem::path& file, const store::PublicKey& key);

}  // namespace pk::kiosk
