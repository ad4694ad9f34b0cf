#pragma once
// What the centre accepts at POST /v1/diagnostics: a terminal's diagnostics bundle exactly as
// provisioning/diagnostics.h writes it, a plain POSIX ustar archive of one folder holding the
// bundle's files, each once. Anything else (another archive format, links, devices, absolute or
// "../" names, an unknown or repeated member, set-id bits or executable files, a short or padded
// archive, a bad checksum) is refused with the first reason found, so centre staff never unpack
// something a terminal (or whoever holds its key) slipped in beside the expected files.
//
// Outside input: the body comes from a terminal over the network. The check reads only inside
// `bytes` and never allocates more than the member list; it is fuzzed (tests/fuzz).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::centre {

// The files of a bundle (provisioning::collect_diagnostics writes exactly these; a test holds
// the two lists equal).
inline constexpr std::array<std::string_view, 8> kDiagnosticsBundleFiles = {
    "README.txt", "versions.txt",       "config.toml", "devices.txt",
    "store.txt",  "service_levels.txt", "outbox.txt",  "log.txt"};

struct BundleMember {
  std::string name;          // without the folder, one of kDiagnosticsBundleFiles
  std::uint64_t offset = 0;  // of its content in the archive
  std::uint64_t size = 0;
};

struct CheckedBundle {
  std::string folder;                 // the archive's one top folder
  std::vector<BundleMember> members;  // in archive order
};

[[nodiscard]] Result<CheckedBundle> check_diagnostics_bundle(std::string_view bytes);

}  // namespace pk::centre
