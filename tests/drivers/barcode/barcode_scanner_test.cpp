// The barcode-scanner drivers without hardware: the simulated one, and the evdev one's errors.
#include <gtest/gtest.h>

#include <thread>

#include "drivers/barcode/evdev_scanner.h"
#include "drivers/barcode/sim_barcode_scanner.h"

namespace pk::barcode {
namespace {

using namespace std::chrono_literals;

TEST(SimBarcodeScanner, ScansInOrderAndTimesOut) {
  SimBarcodeScanner scanner;
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("SCAN 10012345678901"));
  ASSERT_TRUE(scanner.inject("SCAN PKSH1|A|passport"));
  EXPECT_EQ(scanner.read_code(10ms).value(), std::optional<std::string>("10012345678901"));
  EXPECT_EQ(scanner.read_code(10ms).value(), std::optional<std::string>("PKSH1|A|passport"));
  auto none = scanner.read_code(20ms);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none.value());
}

TEST(SimBarcodeScanner, WakesAWaitingReader) {
  SimBarcodeScanner scanner;
  ASSERT_TRUE(scanner.open());
  std::thread later([&] {
    std::this_thread::sleep_for(20ms);
    (void)scanner.inject("SCAN 42");
  });
  auto code = scanner.read_code(5s);
  later.join();
  ASSERT_TRUE(code);
  EXPECT_EQ(code.value(), std::optional<std::string>("42"));
}

TEST(SimBarcodeScanner, UnplugAndPlug) {
  SimBarcodeScanner scanner;
  int left = 0;
  scanner.on_hotplug(
      [&](HotplugEvent event, const DeviceInfo&) { left += event == HotplugEvent::Left ? 1 : 0; });
  ASSERT_TRUE(scanner.open());
  ASSERT_TRUE(scanner.inject("UNPLUG"));
  EXPECT_FALSE(scanner.read_code(10ms));
  EXPECT_FALSE(scanner.open());
  ASSERT_TRUE(scanner.inject("PLUG"));
  EXPECT_TRUE(scanner.open());
  EXPECT_EQ(left, 1);
  EXPECT_FALSE(scanner.inject("BEEP"));
}

TEST(EvdevScanner, MissingDeviceIsUnplugged) {
  auto scanner = EvdevScanner::create("evdev:/dev/input/by-id/no-such-scanner-event-kbd");
  ASSERT_TRUE(scanner);
  EXPECT_FALSE(scanner.value()->open());
  EXPECT_EQ(scanner.value()->state().connection, Connection::Unplugged);
  EXPECT_FALSE(scanner.value()->read_code(1ms));
  EXPECT_FALSE(EvdevScanner::create("evdev:"));
}

TEST(BarcodeScannerRegistry, KnowsSimAndEvdev) {
  const auto registry = make_barcode_scanner_registry();
  EXPECT_TRUE(registry.create("sim:"));
  EXPECT_TRUE(registry.create("evdev:/dev/input/event3"));
  EXPECT_FALSE(registry.create("hidpos:1"));
}

}  // namespace
}  // namespace pk::barcode
