#include "provisioning/mount_points.h"

namespace pk::provisioning {
namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// The next field of `line` from `at` (fields are separated by spaces or tabs).
std::string_view next_field(std::string_view line, size_t& at) {
  const size_t start = line.find_first_not_of(" \t", at);
  if (start == std::string_view::npos) {
    at = line.size();
    return {};
  }
  size_t end = line.find_first_of(" \t", start);
  if (end == std::string_view::npos) end = line.size();
  at = end;
  return line.substr(start, end - start);
}

}  // namespace

std::optional<std::string> decode_mount_field(std::string_view field) {
  std::string decoded;
  decoded.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      decoded += field[i];
      continue;
    }
    // Exactly three octal digits, the first at most 3: a byte, as the kernel writes it.
    if (field.size() - i < 4) return std::nullopt;
    const char a = field[i + 1], b = field[i + 2], c = field[i + 3];
    if (!is_octal(a) || !is_octal(b) || !is_octal(c) || a > '3') return std::nullopt;
    decoded += static_cast<char>((a - '0') * 64 + (b - '0') * 8 + (c - '0'));
    i += 3;
  }
  return decoded;
}

MountPoints parse_mount_points(std::string_view table) {
  MountPoints out;
  while (!table.empty()) {
    const size_t newline = table.find('\n');
    const std::string_view line = table.substr(0, newline);
    table = newline == std::string_view::npos ? std::string_view{} : table.substr(newline + 1);
    size_t at = 0;
    const std::string_view device = next_field(line, at);
    if (device.empty()) continue;  // an empty line
    const std::string_view point = next_field(line, at);
    std::optional<std::string> decoded = point.empty() ? std::nullopt : decode_mount_field(point);
    if (!decoded) {
      ++out.refused_lines;
      continue;
    }
    out.points.push_back(std::move(*decoded));
  }
  return out;
}

}  // namespace pk::provisioning
