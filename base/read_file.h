#pragma once
// The one way a whole small file is read into memory: refused, not truncated, when it is larger
// than the caller accepts (a key, a certificate, a JSON record, a catalog), with an Error that
// names the file and why.
#include <cstddef>
#include <filesystem>
#include <string>

#include "domain/result.h"

namespace pk {

inline constexpr size_t kSmallFileLimit = 64 * 1024;

[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& file,
                                            size_t max_bytes = kSmallFileLimit);

}  // namespace pk
