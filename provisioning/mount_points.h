#pragma once
// The mount points listed in /proc/self/mounts (fstab(5) format: device, mount point, type,
// options, dump, pass, separated by spaces). The kernel escapes a space, a tab, a newline and a
// backslash in a field as a backslash and three octal digits (\040 is a space). A line whose
// mount point holds any other backslash sequence, or which has no mount point, is refused (not
// guessed, never thrown on) and counted, so the caller can log it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pk::provisioning {

// The most of /proc/self/mounts read: a terminal has a few dozen mounts of ~100 bytes each.
inline constexpr size_t kMaxMountTableBytes = 1024 * 1024;

struct MountPoints {
  std::vector<std::string> points;  // decoded, in the order of the table
  size_t refused_lines = 0;
};

[[nodiscard]] MountPoints parse_mount_points(std::string_view table);

// One field with its octal escapes decoded; nullopt when a backslash is not followed by three
// octal digits of a byte (\000 to \377).
[[nodiscard]] std::optional<std::string> decode_mount_field(std::string_view field);

}  // namespace pk::provisioning
