#include "protocol/diagnostics_bundle.h"

#include <algorithm>

namespace pk::centre {
namespace {

constexpr std::size_t kBlock = 512;

std::string_view field(std::string_view header, std::size_t at, std::size_t width) {
  return header.substr(at, width);
}

// A NUL-terminated text field (or one that fills its whole width).
std::string_view text_field(std::string_view header, std::size_t at, std::size_t width) {
  std::string_view f = field(header, at, width);
  return f.substr(0, std::min(f.find('\0'), f.size()));
}

// ustar numbers: octal digits, optionally led by spaces and ended by NUL or space. Base-256
// (GNU's high-bit form for huge sizes) is not ours, so it is refused like any other garbage.
bool octal_field(std::string_view f, std::uint64_t& value) {
  std::size_t i = 0;
  while (i < f.size() && f[i] == ' ') ++i;
  const std::size_t first = i;
  value = 0;
  for (; i < f.size() && f[i] >= '0' && f[i] <= '7'; ++i) {
    if (value > (std::uint64_t{1} << 60)) return false;
    value = value * 8 + static_cast<std::uint64_t>(f[i] - '0');
  }
  if (i == first) return false;
  for (; i < f.size(); ++i)
    if (f[i] != '\0' && f[i] != ' ') return false;
  return true;
}

bool all_zero(std::string_view block) {
  return std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; });
}

bool safe_folder(std::string_view name) {
  if (name.empty() || name.size() > 90 || name == "." || name == "..") return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// Printable ASCII only: a name is quoted in a refusal, which must stay readable in a log.
std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name.substr(0, 100)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out + "\"";
}

Error refuse(std::string why) { return make_error("not a diagnostics bundle: " + std::move(why)); }

}  // namespace

Result<CheckedBundle> check_diagnostics_bundle(std::string_view bytes) {
  if (bytes.size() % kBlock != 0 || bytes.size() < 3 * kBlock)
    return refuse("a tar archive is whole 512-byte blocks, at least three (this is " +
                  std::to_string(bytes.size()) + " bytes)");
  CheckedBundle bundle;
  std::array<bool, kDiagnosticsBundleFiles.size()> seen{};
  std::size_t at = 0;
  for (;;) {
    if (at + kBlock > bytes.size()) return refuse("the archive ends without its two empty end blocks");
    const std::string_view header = bytes.substr(at, kBlock);
    if (all_zero(header)) {
      // The end: at least one more empty block, and nothing after but zeros (tar pads records).
      if (at + 2 * kBlock > bytes.size() || !all_zero(bytes.substr(at + kBlock)))
        return refuse("data after the archive's end");
      break;
    }
    std::uint64_t recorded = 0;
    if (!octal_field(field(header, 148, 8), recorded)) return refuse("a header's checksum is not a number");
    unsigned sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i)
      sum += (i >= 148 && i < 156) ? static_cast<unsigned>(' ') : static_cast<unsigned char>(header[i]);
    if (sum != recorded) return refuse("a header's checksum is wrong (damaged or not tar)");
    if (field(header, 257, 6) != std::string_view("ustar\0", 6) || field(header, 263, 2) != "00")
      return refuse("not a POSIX ustar archive");
    if (!text_field(header, 345, 155).empty()) return refuse("a member uses a name prefix");
    const std::string_view name = text_field(header, 0, 100);
    const char type = header[156];
    std::uint64_t size = 0;
    if (!octal_field(field(header, 124, 12), size))
      return refuse("the size of " + quoted(name) + " is not a number");
    // Staff may unpack as root, and tar then keeps the modes: no set-id or sticky bits, and no
    // executable files (a set-uid binary named log.txt would be a way to root on their machine).
    std::uint64_t mode = 0;
    if (!octal_field(field(header, 100, 8), mode))
      return refuse("the mode of " + quoted(name) + " is not a number");
    if ((mode & 07000) != 0) return refuse(quoted(name) + " asks for set-id or sticky bits");
    if (bundle.folder.empty()) {
      // The first member: the bundle's folder.
      if (type != '5' || size != 0 || !name.ends_with('/') || !safe_folder(name.substr(0, name.size() - 1)))
        return refuse("the archive must start with its folder, found " + quoted(name));
      bundle.folder = std::string(name.substr(0, name.size() - 1));
      at += kBlock;
      continue;
    }
    if (type != '0' && type != '\0') return refuse(quoted(name) + " is not a plain file");
    if ((mode & 0111) != 0) return refuse(quoted(name) + " is executable");
    const std::string_view prefix = std::string_view(bundle.folder);
    if (!name.starts_with(prefix) || name.size() <= prefix.size() || name[prefix.size()] != '/')
      return refuse(quoted(name) + " is outside the bundle's folder");
    const std::string_view file = name.substr(prefix.size() + 1);
    const auto known = std::find(kDiagnosticsBundleFiles.begin(), kDiagnosticsBundleFiles.end(), file);
    if (known == kDiagnosticsBundleFiles.end())
      return refuse(quoted(name) + " is not one of the bundle's files");
    const auto index = static_cast<std::size_t>(known - kDiagnosticsBundleFiles.begin());
    if (seen[index]) return refuse(quoted(name) + " is in the archive twice");
    seen[index] = true;
    const std::uint64_t content = at + kBlock;
    const std::uint64_t padded = (size + kBlock - 1) / kBlock * kBlock;
    if (size > bytes.size() || content + padded > bytes.size())
      return refuse(quoted(name) + " runs past the end of the archive");
    bundle.members.push_back({std::string(file), content, size});
    at = static_cast<std::size_t>(content + padded);
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) return refuse(std::string(kDiagnosticsBundleFiles[i]) + " is missing");
  return bundle;
}

}  // namespace pk::centre
