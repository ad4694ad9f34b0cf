#pragma once
// Versioned schema migrations. PRAGMA user_version holds the version a file is at; each step
// runs in its own transaction together with the user_version bump, so a power cut leaves the
// file at one version or the next, never between.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "base/database.h"
#include "domain/result.h"

namespace pk::store {

// PRAGMA application_id of every Pishkhan store: "PKSH". A file carrying another id belongs to
// some other program and is refused rather than modified.
inline constexpr int32_t kApplicationId = 0x504B5348;

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// Ordered by version, starting at 1, without gaps (checked at compile time in migrations.cpp).
[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int latest_schema_version();

// Looks at an existing file before anything may write to it. It is opened read-only and
// refused when it is not a SQLite file, carries a foreign application_id, was written by a newer
// schema than this firmware knows, or fails PRAGMA quick_check. A missing or empty file passes.
[[nodiscard]] Result<void> check_existing_file(const std::filesystem::path& file, const OpenOptions& options);

// Applies every migration newer than the file's user_version. Returns the version reached.
[[nodiscard]] Result<int> migrate(Database& db);

}  // namespace pk::store
