// The USB printer backend (the real UsbPrinter over the real libusb) against printers emulated
// by umockdev: hand-written sysfs/udev descriptions in umockdev/*.umockdev and a usbdevfs
// emulation (usb_emulated_printer.h) or an ordered `.ioctl` replay behind the device node.
// The binary re-executes itself under libumockdev-preload.so when started without it.
#include <gtest/gtest.h>
#include <link.h>
#include <umockdev.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/png_io.h"
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/paper_render.h"
#include "drivers/printer/print_queue.h"
#include "drivers/printer/sim_printer.h"
#include "drivers/printer/usb_printer.h"
#include "drivers/printer/usb_printer_ids.h"
#include "receipts/receipt_print_job.h"
#include "tests/drivers/printer/usb_emulated_printer.h"
#include "tests/drivers/printer/usb_permission_probe.h"
#include "tests/receipts/raster_probe.h"
#include "tests/receipts/sample_receipts.h"

namespace pk {
namespace {

using namespace std::chrono_literals;
using test::EmulatedPrinterOptions;
using test::UsbEmulatedPrinter;

const std::filesystem::path kFixtures = std::filesystem::path(PK_TESTS_SOURCE_DIR) / "umockdev";

constexpr const char* kEpsonId = "MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;DES:EPSON TM-T20II Receipt;";
constexpr const char* kGenericId = "MANUFACTURER:Printer;COMMAND SET:ESC/POS;MODEL:POS-58;";

// One fixture device: its sysfs path and device node in the testbed.
struct Fixture {
  const char* file;
  const char* syspath;
  const char* devnode;
};
constexpr Fixture kTmT20{"tm-t20ii.umockdev", "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4",
                         "/dev/bus/usb/001/005"};
constexpr Fixture kKeyboard{"keyboard.umockdev", "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-5",
                            "/dev/bus/usb/001/006"};
constexpr Fixture kGeneric{"generic-class7.umockdev", "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-6",
                           "/dev/bus/usb/001/007"};
constexpr Fixture kPos58{"pos58-vendor.umockdev", "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-7",
                         "/dev/bus/usb/001/008"};
constexpr Fixture kUnknownVendor{"vendor-unknown.umockdev", "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-8",
                                 "/dev/bus/usb/001/009"};

EmulatedPrinterOptions epson(bool usblp_bound = false) {
  return EmulatedPrinterOptions{kEpsonId, 0x01, 0x82, 0, usblp_bound};
}

class UsbUmockdev : public ::testing::Test {
 protected:
  void SetUp() override {
    m_testbed = umockdev_testbed_new();
    ASSERT_TRUE(umockdev_in_mock_environment()) << "UMOCKDEV_DIR is set by the testbed";
  }
  void TearDown() override {
    if (m_testbed != nullptr) g_object_unref(m_testbed);
  }

  void add(const Fixture& fixture) {
    GError* error = nullptr;
    const auto path = kFixtures / fixture.file;
    const bool added = umockdev_testbed_add_from_file(m_testbed, path.c_str(), &error);
    ASSERT_TRUE(added) << path << ": " << (error != nullptr ? error->message : "?");
  }
  void attach(const Fixture& fixture, UsbEmulatedPrinter& printer) {
    GError* error = nullptr;
    const bool attached =
        umockdev_testbed_attach_ioctl(m_testbed, fixture.devnode, printer.handler(), &error);
    ASSERT_TRUE(attached) << fixture.devnode << ": " << (error != nullptr ? error->message : "?");
  }
  void plug(const Fixture& fixture, UsbEmulatedPrinter& printer) {
    add(fixture);
    attach(fixture, printer);
  }
  // The kernel announces the removal with a "remove" uevent; umockdev_testbed_remove_device()
  // alone sends none (umockdev 0.17), so the test sends it as the kernel would.
  void unplug(const Fixture& fixture) {
    umockdev_testbed_uevent(m_testbed, fixture.syspath, "remove");
    umockdev_testbed_detach_ioctl(m_testbed, fixture.devnode, nullptr);
    umockdev_testbed_remove_device(m_testbed, fixture.syspath);
  }

  UMockdevTestbed* m_testbed = nullptr;
};

std::unique_ptr<UsbPrinter> usb_printer(std::optional<UsbId> id = std::nullopt) {
  UsbPrinterConfig config;
  config.id = id;
  config.transfer_timeout = 3000ms;
  config.status_timeout = 1000ms;
  return std::make_unique<UsbPrinter>(config);
}

PrintJob small_job() {
  RasterImage image(kDots80mm, 24);
  for (int y = 0; y < 24; ++y) image.set_dot(y * 3, y, true);
  return PrintJob{{image, Feed{10}}};
}

// --- enumeration -------------------------------------------------------------------------

TEST_F(UsbUmockdev, DiscoveryFindsClassSevenAndTablePrintersAndIgnoresTheRest) {
  UsbEmulatedPrinter tm(epson());
  UsbEmulatedPrinter generic({kGenericId, 0x03, 0x81, 0, false});
  UsbEmulatedPrinter pos58({"", 0x02, 0x81, 0, false});
  UsbEmulatedPrinter keyboard({"", 0x00, 0x81, 0, false});
  UsbEmulatedPrinter logger({"", 0x02, 0x81, 0, false});
  plug(kTmT20, tm);
  plug(kKeyboard, keyboard);
  plug(kGeneric, generic);
  plug(kPos58, pos58);
  plug(kUnknownVendor, logger);

  auto found = UsbPrinter::discover();
  ASSERT_TRUE(found.ok()) << found.error().message;
  std::vector<std::string> connections;
  for (const DeviceInfo& info : *found) {
    connections.push_back(info.connection);
    EXPECT_EQ(info.backend, "usb");
  }
  std::sort(connections.begin(), connections.end());
  EXPECT_EQ(connections, (std::vector<std::string>{"usb:0416:5011", "usb:04b8:0e15", "usb:28e9:0289"}));
  for (const DeviceInfo& info : *found) {
    if (info.connection == "usb:04b8:0e15") {
      EXPECT_EQ(info.model, "TM-T20II");
      EXPECT_NE(info.name.find("EPSON TM-T20II"), std::string::npos) << info.name;
    }
    if (info.connection == "usb:28e9:0289") {
      EXPECT_EQ(info.model, "POS-58");
    }
    if (info.connection == "usb:0416:5011") {
      EXPECT_EQ(info.model, "") << "it has no device id";
    }
  }
  EXPECT_TRUE(keyboard.log().empty() || keyboard.log() == std::vector<std::string>{"GET_CAPABILITIES"})
      << "the keyboard is never claimed or written to";
}

TEST_F(UsbUmockdev, ConfiguredIdOpensThatPrinterAndUsesItsOwnEndpoints) {
  UsbEmulatedPrinter tm(epson());
  UsbEmulatedPrinter pos58({"", 0x02, 0x81, 0, false});
  plug(kTmT20, tm);
  plug(kPos58, pos58);

  auto printer = usb_printer(UsbId{0x0416, 0x5011});
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  EXPECT_EQ(printer->info().connection, "usb:0416:5011");
  ASSERT_TRUE(printer->print(small_job(), Cut::Full).ok()) << printer->state().last_error;
  EXPECT_FALSE(pos58.received().empty()) << "bulk OUT 0x02 of the vendor-specific interface";
  EXPECT_TRUE(tm.received().empty());
  auto status = printer->status();
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*status, PrinterStatus::Online) << "status answered on bulk IN 0x81";

  auto keyboard = usb_printer(UsbId{0x046d, 0xc31c});
  auto refused = keyboard->open();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "no USB printer 046d:c31c is connected");
}

TEST_F(UsbUmockdev, EndpointsComeFromTheDescriptors) {
  UsbEmulatedPrinter generic({kGenericId, 0x03, 0x81, 0, false});
  plug(kGeneric, generic);
  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  ASSERT_TRUE(printer->print(small_job(), Cut::None).ok()) << printer->state().last_error;
  auto expected = escpos::encode_job(small_job(), Cut::None);
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(generic.received(), *expected) << "every byte on bulk OUT 0x03, none elsewhere";
}

// --- IEEE 1284 device id ------------------------------------------------------------------

TEST_F(UsbUmockdev, DeviceIdGivesTheModel) {
  UsbEmulatedPrinter tm(epson());
  plug(kTmT20, tm);
  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  EXPECT_EQ(printer->info().model, "TM-T20II");
  EXPECT_EQ(printer->info().connection, "usb:04b8:0e15");
  EXPECT_EQ(printer->info().name.rfind("EPSON TM-T20II (USB 04b8:0e15 (bus 1 address 5))", 0), 0U)
      << printer->info().name;
  EXPECT_EQ(printer->state().connection, Connection::Open);
}

TEST_F(UsbUmockdev, APrinterWithoutADeviceIdStillOpens) {
  UsbEmulatedPrinter generic({"", 0x03, 0x81, 0, false});  // GET_DEVICE_ID stalls
  plug(kGeneric, generic);
  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  EXPECT_EQ(printer->info().model, "");
  EXPECT_EQ(printer->info().connection, "usb:28e9:0289");
}

// --- kernel driver ------------------------------------------------------------------------

TEST_F(UsbUmockdev, UsblpIsDetachedBeforeTheClaimAndGivenBackOnClose) {
  UsbEmulatedPrinter tm(epson(/*usblp_bound=*/true));
  plug(kTmT20, tm);
  {
    auto printer = usb_printer();
    ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
    EXPECT_EQ(tm.driver(), "usbfs") << "claimed by us";
    const auto log = tm.log();
    const auto at = [&](const char* name) {
      return std::find(log.begin(), log.end(), std::string(name)) - log.begin();
    };
    ASSERT_LT(at("IOCTL"), static_cast<long>(log.size())) << "USBDEVFS_DISCONNECT was sent";
    EXPECT_LT(at("GETDRIVER"), at("IOCTL"));
    EXPECT_LT(at("IOCTL"), at("CLAIMINTERFACE"));
    ASSERT_TRUE(printer->print(small_job(), Cut::Full).ok()) << printer->state().last_error;
  }
  EXPECT_EQ(tm.driver(), "usblp") << "the machine is left as we found it";
}

TEST_F(UsbUmockdev, WithoutUsblpNothingIsDetached) {
  UsbEmulatedPrinter tm(epson(false));
  plug(kTmT20, tm);
  {
    auto printer = usb_printer();
    ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  }
  const auto log = tm.log();
  EXPECT_EQ(std::count(log.begin(), log.end(), "IOCTL"), 0);
  EXPECT_EQ(tm.driver(), "") << "no usblp bound afterwards either";
}

TEST_F(UsbUmockdev, PermissionDeniedNamesTheUdevRule) {
  UsbEmulatedPrinter tm(epson());
  plug(kTmT20, tm);
  gchar* root = umockdev_testbed_get_root_dir(m_testbed);
  const std::filesystem::path devnode = std::filesystem::path(root) / "dev/bus/usb/001/005";
  g_free(root);
  auto message = test::open_without_permission(devnode);
  ASSERT_TRUE(message.ok()) << message.error().message;
  EXPECT_NE(message->find("Access denied"), std::string::npos) << *message;
  EXPECT_NE(message->find(std::string(kUdevRulePath)), std::string::npos) << *message;
  EXPECT_NE(message->find("04b8:0e15"), std::string::npos) << *message;
}

// --- printing -----------------------------------------------------------------------------

TEST_F(UsbUmockdev, AReceiptArrivesAsTheSimulatedPrinterPrintsIt) {
  UsbEmulatedPrinter tm(epson());
  plug(kTmT20, tm);
  const auto rendered =
      test::render_sample(test::SampleKind::Tracking, test::SampleLanguage::Persian, kDots80mm);
  const PrintJob job = receipts::build_print_job(rendered, UsbPrinter::metadata().features);

  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  ASSERT_TRUE(printer->print(job, Cut::Full).ok()) << printer->state().last_error;
  const auto usb_bytes = tm.received();

  const auto dir = std::filesystem::path(PK_TEST_BINARY_DIR) / "usb_umockdev" / "receipt";
  std::filesystem::remove_all(dir);
  auto sim = SimPrinter::create("sim:" + dir.string());
  ASSERT_TRUE(sim.ok());
  ASSERT_TRUE((*sim)->open().ok());
  ASSERT_TRUE((*sim)->print(job, Cut::Full).ok());

  std::ifstream in(dir / "job-0001.bin", std::ios::binary);
  const std::vector<std::uint8_t> sim_bytes((std::istreambuf_iterator<char>(in)),
                                            std::istreambuf_iterator<char>());
  EXPECT_EQ(usb_bytes.size(), sim_bytes.size());
  EXPECT_TRUE(usb_bytes == sim_bytes) << "the same ESC/POS stream";

  const auto decoded = escpos::decode(usb_bytes);
  EXPECT_TRUE(decoded.problems.empty()) << decoded.problems.front();
  EXPECT_EQ(decoded.cuts, (std::vector<Cut>{Cut::Full}));
  const pk::Paper paper = render_paper(decoded, kDots80mm);
  auto sim_paper = read_png((*sim)->last_receipt_png());
  ASSERT_TRUE(sim_paper.ok()) << sim_paper.error().message;
  EXPECT_TRUE(paper.image == *sim_paper) << "the same raster as the simulated printer";
  EXPECT_GT(paper.image.height(), 400);
  ASSERT_TRUE(write_png(dir / "usb-paper.png", paper.image).ok());
  const auto qr = test::decoded_texts(paper.image, "QRCode");
  EXPECT_EQ(qr, (std::vector<std::string>{test::sample_digits(test::SampleKind::Tracking)}));
}

// --- status -------------------------------------------------------------------------------

TEST_F(UsbUmockdev, StatusBytesOnBulkInBecomeStates) {
  UsbEmulatedPrinter tm(epson());
  plug(kTmT20, tm);
  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  const auto ask = [&] {
    auto status = printer->status();
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    return status.ok() ? *status : PrinterStatus::Error;
  };
  EXPECT_EQ(ask(), PrinterStatus::Online);
  tm.set_paper(test::Paper::NearEnd);
  EXPECT_EQ(ask(), PrinterStatus::PaperNearEnd);
  tm.set_paper(test::Paper::Out);
  EXPECT_EQ(ask(), PrinterStatus::PaperOut);
  tm.set_paper(test::Paper::Ok);
  tm.set_cover_open(true);
  EXPECT_EQ(ask(), PrinterStatus::CoverOpen);
  tm.set_paper(test::Paper::Out);
  EXPECT_EQ(ask(), PrinterStatus::CoverOpen) << "an open cover is the more specific cause";
  tm.set_cover_open(false);
  tm.set_paper(test::Paper::Ok);
  EXPECT_EQ(ask(), PrinterStatus::Online);
  EXPECT_EQ(tm.status_requests(), 6 * 4) << "DLE EOT 1..4 each time";
}

// The same dialogue as an ordered replay in umockdev's own `.ioctl` format: four DLE EOT n
// writes on bulk OUT 0x01, each answered on bulk IN 0x82 (paper out, then cover open).
TEST_F(UsbUmockdev, StatusFromARecordedIoctlScript) {
  add(kTmT20);
  GError* error = nullptr;
  const auto script = kFixtures / "tm-t20ii-status.ioctl";
  ASSERT_TRUE(umockdev_testbed_load_ioctl(m_testbed, kTmT20.devnode, script.c_str(), &error))
      << (error != nullptr ? error->message : "?");
  auto printer = usb_printer();
  ASSERT_TRUE(printer->open().ok()) << printer->state().last_error;
  EXPECT_EQ(printer->info().model, "") << "a control IN transfer cannot be replayed from an .ioctl tree";
  auto first = printer->status();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first, PrinterStatus::PaperOut);
  auto second = printer->status();
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second, PrinterStatus::CoverOpen);
}

// --- unplug -------------------------------------------------------------------------------

TEST_F(UsbUmockdev, UnplugMidJobKeepsTheJobAndReprintsAfterReplug) {
  const auto rendered =
      test::render_sample(test::SampleKind::Failure, test::SampleLanguage::Persian, kDots80mm);
  const PrintJob job = receipts::build_print_job(rendered, UsbPrinter::metadata().features);
  auto expected = escpos::encode_job(job, Cut::Full);
  ASSERT_TRUE(expected.ok());
  ASSERT_GT(expected->size(), 40'000U);

  auto first = std::make_unique<UsbEmulatedPrinter>(epson());
  first->unplug_after(40'000);
  plug(kTmT20, *first);
  auto printer = usb_printer();
  PrintQueue queue(*printer);
  const auto id = queue.submit(job, Cut::Full);

  const PumpReport torn = queue.pump();
  EXPECT_EQ(torn.printed, 0);
  EXPECT_EQ(torn.pending, 1U);
  EXPECT_TRUE(queue.contains(id));
  EXPECT_NE(torn.message.find("unplugged"), std::string::npos) << torn.message;
  EXPECT_EQ(printer->state().connection, Connection::Unplugged);
  const auto partial = first->received();
  ASSERT_LT(partial.size(), expected->size());
  const std::size_t status_bytes = 4 * 3;  // the DLE EOT 1..4 asked before the job
  ASSERT_GE(partial.size(), status_bytes);
  EXPECT_TRUE(std::equal(partial.begin() + status_bytes, partial.end(), expected->begin()))
      << "what reached the paper is the start of the receipt";

  unplug(kTmT20);
  const PumpReport away = queue.pump();
  EXPECT_EQ(away.printed, 0);
  EXPECT_EQ(away.pending, 1U);
  EXPECT_NE(away.message.find("no USB printer"), std::string::npos) << away.message;

  UsbEmulatedPrinter second(epson());
  plug(kTmT20, second);
  PumpReport back;
  // libusb learns about the new device from the udev event on its own thread.
  for (int attempt = 0; attempt < 50 && back.printed == 0; ++attempt) {
    back = queue.pump();
    if (back.printed == 0) std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(back.printed, 1) << back.message;
  EXPECT_EQ(back.pending, 0U);
  EXPECT_FALSE(queue.contains(id));
  const auto whole = second.received();
  ASSERT_GE(whole.size(), expected->size());
  // Status before and after the job; the job itself in between, whole.
  EXPECT_TRUE(std::search(whole.begin(), whole.end(), expected->begin(), expected->end()) != whole.end());
  first.reset();
}

// --- hot-plug -----------------------------------------------------------------------------

TEST_F(UsbUmockdev, HotplugNoticesArrivalAndRemoval) {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::pair<HotplugEvent, std::string>> events;
  auto printer = usb_printer();
  printer->on_hotplug([&](HotplugEvent event, const DeviceInfo& info) {
    std::lock_guard lock(mutex);
    events.emplace_back(event, info.connection);
    changed.notify_all();
  });
  const auto wait_for = [&](std::size_t count) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 5s, [&] { return events.size() >= count; });
  };

  UsbEmulatedPrinter keyboard({"", 0x00, 0x81, 0, false});
  plug(kKeyboard, keyboard);  // not a printer: no event
  UsbEmulatedPrinter tm(epson());
  plug(kTmT20, tm);
  ASSERT_TRUE(wait_for(1)) << "no arrival noticed";
  unplug(kTmT20);
  ASSERT_TRUE(wait_for(2)) << "no removal noticed";
  printer->on_hotplug(nullptr);
  std::lock_guard lock(mutex);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0], std::make_pair(HotplugEvent::Arrived, std::string("usb:04b8:0e15")));
  EXPECT_EQ(events[1], std::make_pair(HotplugEvent::Left, std::string("usb:04b8:0e15")));
}

TEST(UsbPrinterIds, TableIsWhatTheDriverAdvertises) {
  const auto advertised = UsbPrinter::metadata().usb_ids;
  ASSERT_EQ(advertised.size(), kUsbPrinterIds.size());
  for (std::size_t i = 0; i < advertised.size(); ++i) EXPECT_EQ(advertised[i], kUsbPrinterIds[i]);
  for (std::size_t i = 0; i < kUsbPrinterIds.size(); ++i) {
    for (std::size_t j = i + 1; j < kUsbPrinterIds.size(); ++j)
      EXPECT_FALSE(kUsbPrinterIds[i] == kUsbPrinterIds[j]);
  }
}

}  // namespace
}  // namespace pk

// The AddressSanitizer runtime this process was linked with, or "" in a build without it.
// ASan insists on coming first in the library list, so it must be preloaded ahead of umockdev.
static std::string sanitizer_runtime() {
  std::string found;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
        if (name.find("libasan.so") == std::string_view::npos) return 0;
        *static_cast<std::string*>(data) = std::string(name);
        return 1;
      },
      &found);
  return found;
}

int main(int argc, char** argv) {
  // umockdev's testbed only works with its preload library in the process from the start.
  const char* preload = std::getenv("LD_PRELOAD");
  if (preload == nullptr || std::string(preload).find("libumockdev-preload") == std::string::npos) {
    const std::string asan = sanitizer_runtime();
    std::string value = (asan.empty() ? "" : asan + ":") + PK_UMOCKDEV_PRELOAD;
    if (preload != nullptr && *preload != '\0') value += std::string(":") + preload;
    setenv("LD_PRELOAD", value.c_str(), 1);
    execv("/proc/self/exe", argv);
    std::perror("re-executing under libumockdev-preload.so");
    return 1;
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
