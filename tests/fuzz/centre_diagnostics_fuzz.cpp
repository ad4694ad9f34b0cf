// Fuzz target: the body of POST /v1/diagnostics, which the centre reads from a terminal (or
// from whoever holds a terminal's key) before it stores anything. Must refuse, never crash, and
// what it accepts must lie inside the body: every member within it, named as the bundle's files.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/diagnostics_bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto checked = pk::centre::check_diagnostics_bundle(body);
  if (!checked) return 0;
  if (checked->members.size() != pk::centre::kDiagnosticsBundleFiles.size()) std::abort();
  for (const auto& member : checked->members) {
    if (member.offset > size || member.size > size - member.offset) std::abort();
    if (std::find(pk::centre::kDiagnosticsBundleFiles.begin(), pk::centre::kDiagnosticsBundleFiles.end(),
                  member.name) == pk::centre::kDiagnosticsBundleFiles.end())
      std::abort();
  }
  if (checked->folder.empty() || checked->folder.find('/') != std::string::npos ||
      checked->folder.find("..") == 0)
    std::abort();
  return 0;
}
