// /proc/self/mounts as the kernel writes it, and as a broken or hostile line could read: every
// bad escape is refused and counted, never thrown on, and the good lines around it still count.
#include "provisioning/mount_points.h"

#include <gtest/gtest.h>

#include <string>

namespace pk::provisioning {
namespace {

TEST(MountPoints, DecodesTheKernelsEscapes) {
  const auto table = parse_mount_points(
      "/dev/sda1 / ext4 rw,relatime 0 0\n"
      "/dev/sdb1 /media/kiosk/USB\\040STICK vfat rw 0 0\n"
      "/dev/sdc1 /media/a\\011tab\\012newline\\134backslash vfat rw 0 0\n"
      "\n"
      "tmpfs /run tmpfs rw 0 0");  // the last line has no newline
  ASSERT_EQ(table.points.size(), 4U);
  EXPECT_EQ(table.points[0], "/");
  EXPECT_EQ(table.points[1], "/media/kiosk/USB STICK");
  EXPECT_EQ(table.points[2], "/media/a\ttab\nnewline\\backslash");
  EXPECT_EQ(table.points[3], "/run");
  EXPECT_EQ(table.refused_lines, 0U);
}

TEST(MountPoints, RefusesEveryBadEscapeWithoutThrowing) {
  // std::stoi threw std::invalid_argument on the first, and read the others wrongly.
  for (const std::string bad : {"/media/x\\abc", "/media/x\\9", "/media/x\\08", "/media/x\\400",
                                "/media/x\\777", "/media/x\\04", "/media/x\\", "\\", "/media/\\1x2"}) {
    EXPECT_EQ(decode_mount_field(bad), std::nullopt) << bad;
    const auto table = parse_mount_points("/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 " + bad +
                                          " vfat rw 0 0\ntmpfs /run tmpfs rw 0 0\n");
    EXPECT_EQ(table.refused_lines, 1U) << bad;
    ASSERT_EQ(table.points.size(), 2U) << bad;
    EXPECT_EQ(table.points[1], "/run");
  }
}

TEST(MountPoints, TheLargestByteAndTheSmallestDecode) {
  EXPECT_EQ(decode_mount_field("\\377\\000"), std::string("\xff\0", 2));
}

TEST(MountPoints, ALineWithoutAMountPointIsRefused) {
  const auto table = parse_mount_points("/dev/sda1\n   \n/dev/sdb1 /media/k vfat rw 0 0\n");
  EXPECT_EQ(table.refused_lines, 1U);
  ASSERT_EQ(table.points.size(), 1U);
  EXPECT_EQ(table.points[0], "/media/k");
}

}  // namespace
}  // namespace pk::provisioning
