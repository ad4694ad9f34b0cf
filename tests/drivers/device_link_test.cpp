// DeviceLink: the connection, last error and hotplug callback every driver shares.
#include "drivers/device_link.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace pk {
namespace {

TEST(DeviceLink, StartsClosedWithoutError) {
  const DeviceLink link;
  EXPECT_EQ(link.state().connection, Connection::Closed);
  EXPECT_EQ(link.state().last_error, "");
}

TEST(DeviceLink, SetsConnectionAndErrorTogetherOrApart) {
  DeviceLink link;
  link.set(Connection::Unplugged, "gone");
  EXPECT_EQ(link.state().connection, Connection::Unplugged);
  EXPECT_EQ(link.state().last_error, "gone");
  link.set_connection(Connection::Open);
  EXPECT_EQ(link.state().last_error, "gone");  // the error stays until something replaces it
  link.set_last_error("jammed");
  EXPECT_EQ(link.state().connection, Connection::Open);
  EXPECT_EQ(link.state().last_error, "jammed");
}

TEST(DeviceLink, ReplacesTheConnectionOnlyFromTheExpectedOne) {
  DeviceLink link;
  link.set_connection(Connection::Unplugged);
  EXPECT_FALSE(link.replace_connection(Connection::Open, Connection::Closed));
  EXPECT_EQ(link.connection(), Connection::Unplugged);  // a close() does not hide an unplug
  EXPECT_TRUE(link.replace_connection(Connection::Unplugged, Connection::Closed));
  EXPECT_EQ(link.connection(), Connection::Closed);
}

TEST(DeviceLink, NotifiesOutsideItsLockSoTheCallbackMayUseTheLink) {
  DeviceLink link;
  const DeviceInfo info{"sim", "Simulated", "", "sim:"};
  std::vector<std::pair<HotplugEvent, Connection>> seen;
  // The callback reads the state and replaces itself: under the link's lock, this would deadlock.
  link.set_hotplug([&](HotplugEvent event, const DeviceInfo& about) {
    EXPECT_EQ(about.connection, "sim:");
    seen.emplace_back(event, link.state().connection);
    link.set_hotplug({});
  });
  link.set_connection(Connection::Unplugged);
  link.notify(HotplugEvent::Left, info);
  link.notify(HotplugEvent::Arrived, info);  // nobody to tell any more
  ASSERT_EQ(seen.size(), 1U);
  EXPECT_EQ(seen[0].first, HotplugEvent::Left);
  EXPECT_EQ(seen[0].second, Connection::Unplugged);
}

}  // namespace
}  // namespace pk
