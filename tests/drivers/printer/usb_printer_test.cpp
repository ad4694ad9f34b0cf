// The USB backend without a device: id parsing, descriptor walking, discovery on a machine
// with no USB bus. Enumeration, transfers and unplug need an emulated device (umockdev).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "drivers/printer/ieee1284_id.h"
#include "drivers/printer/printer_registry.h"
#include "drivers/printer/usb_descriptors.h"
#include "drivers/printer/usb_printer.h"

namespace pk {
namespace {

TEST(Ieee1284Id, ParsesAnEpsonId) {
  const auto id = parse_ieee1284_id("MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;DES:TM-T20II;");
  EXPECT_EQ(id.manufacturer, "EPSON");
  EXPECT_EQ(id.model, "TM-T20II");
  EXPECT_EQ(id.description, "TM-T20II");
  EXPECT_EQ(id.command_sets, (std::vector<std::string>{"ESC/POS"}));
  EXPECT_TRUE(id.speaks("esc/pos"));
  EXPECT_FALSE(id.speaks("PCL"));
  EXPECT_EQ(id.fields.size(), 5U);
}

TEST(Ieee1284Id, LongKeysSpacesAndSeveralCommandSets) {
  const auto id = parse_ieee1284_id(
      " MANUFACTURER : Xprinter ; MODEL:XP-58IIH;COMMAND SET: ESC/POS , PCL;SN:X1;junk;:empty");
  EXPECT_EQ(id.manufacturer, "Xprinter");
  EXPECT_EQ(id.model, "XP-58IIH");
  EXPECT_EQ(id.command_sets, (std::vector<std::string>{"ESC/POS", "PCL"}));
  EXPECT_EQ(id.serial, "X1");
  EXPECT_EQ(id.fields.size(), 4U) << "text without a key is skipped";
}

TEST(Ieee1284Id, EmptyAndNoiseGiveEmptyFields) {
  EXPECT_TRUE(parse_ieee1284_id("").fields.empty());
  EXPECT_TRUE(parse_ieee1284_id(";;;").model.empty());
}

TEST(Ieee1284Id, LengthPrefixBigAndLittleEndian) {
  const std::string text = "MFG:EPSON;MDL:TM-T88V;";
  std::vector<std::uint8_t> big{0, static_cast<std::uint8_t>(text.size() + 2)};
  big.insert(big.end(), text.begin(), text.end());
  big.insert(big.end(), {'x', 'x'});  // trailing bytes beyond the length are not part of it
  EXPECT_EQ(*device_id_text(big), text);

  std::vector<std::uint8_t> little{static_cast<std::uint8_t>(text.size() + 2), 0};
  little.insert(little.end(), text.begin(), text.end());
  EXPECT_EQ(*device_id_text(little), text);

  EXPECT_FALSE(device_id_text(std::vector<std::uint8_t>{7}).ok());
  std::vector<std::uint8_t> lying{0xFF, 0xFF, 'M', 'F', 'G', ':', 'A', ';'};
  EXPECT_EQ(*device_id_text(lying), "MFG:A;") << "a length that fits neither way takes what arrived";
}

// Hand-built descriptors, the way libusb hands them out.
struct Descriptors {
  std::vector<libusb_endpoint_descriptor> endpoints;
  std::vector<libusb_interface_descriptor> alts;
  std::vector<libusb_interface> interfaces;
  libusb_config_descriptor config{};

  static libusb_endpoint_descriptor endpoint(std::uint8_t address, std::uint8_t type) {
    libusb_endpoint_descriptor ep{};
    ep.bEndpointAddress = address;
    ep.bmAttributes = type;
    return ep;
  }
  // Every interface gets its own range of `endpoints`; call finish() after the last.
  void add_interface(std::uint8_t number, std::uint8_t cls, std::uint8_t protocol,
                     std::vector<libusb_endpoint_descriptor> eps) {
    libusb_interface_descriptor alt{};
    alt.bInterfaceNumber = number;
    alt.bInterfaceClass = cls;
    alt.bInterfaceProtocol = protocol;
    alt.bNumEndpoints = static_cast<std::uint8_t>(eps.size());
    alt.endpoint =
        reinterpret_cast<const libusb_endpoint_descriptor*>(endpoints.size());  // index, fixed below
    endpoints.insert(endpoints.end(), eps.begin(), eps.end());
    alts.push_back(alt);
  }
  const libusb_config_descriptor& finish() {
    for (auto& alt : alts) alt.endpoint = endpoints.data() + reinterpret_cast<std::size_t>(alt.endpoint);
    interfaces.resize(alts.size());
    for (std::size_t i = 0; i < alts.size(); ++i) interfaces[i] = libusb_interface{&alts[i], 1};
    config.bNumInterfaces = static_cast<std::uint8_t>(interfaces.size());
    config.interface = interfaces.data();
    return config;
  }
};

TEST(UsbDescriptors, FindsBulkEndpointsOfTheBidirectionalPrinterInterface) {
  Descriptors d;
  d.add_interface(0, LIBUSB_CLASS_HID, 0, {Descriptors::endpoint(0x81, LIBUSB_TRANSFER_TYPE_INTERRUPT)});
  d.add_interface(1, kUsbClassPrinter, 1, {Descriptors::endpoint(0x03, LIBUSB_TRANSFER_TYPE_BULK)});
  d.add_interface(2, kUsbClassPrinter, 2,
                  {Descriptors::endpoint(0x83, LIBUSB_TRANSFER_TYPE_INTERRUPT),
                   Descriptors::endpoint(0x82, LIBUSB_TRANSFER_TYPE_BULK),
                   Descriptors::endpoint(0x01, LIBUSB_TRANSFER_TYPE_BULK)});
  const auto found = find_printer_interface(d.finish(), false);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->interface_number, 2);
  EXPECT_EQ(found->protocol, 2);
  EXPECT_EQ(found->endpoint_out, 0x01);
  EXPECT_EQ(found->endpoint_in, 0x82) << "the interrupt IN endpoint is not the data endpoint";
}

TEST(UsbDescriptors, VendorSpecificOnlyForDevicesInTheTable) {
  Descriptors d;
  d.add_interface(0, LIBUSB_CLASS_VENDOR_SPEC, 0xFF,
                  {Descriptors::endpoint(0x02, LIBUSB_TRANSFER_TYPE_BULK),
                   Descriptors::endpoint(0x81, LIBUSB_TRANSFER_TYPE_BULK)});
  const auto& config = d.finish();
  EXPECT_FALSE(find_printer_interface(config, false).has_value());
  const auto found = find_printer_interface(config, true);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->endpoint_out, 0x02);
  EXPECT_EQ(found->endpoint_in, 0x81);
}

TEST(UsbDescriptors, PrinterWithoutBulkOutIsNotUsable) {
  Descriptors d;
  d.add_interface(0, kUsbClassPrinter, 2, {Descriptors::endpoint(0x81, LIBUSB_TRANSFER_TYPE_BULK)});
  EXPECT_FALSE(find_printer_interface(d.finish(), true).has_value());
}

TEST(UsbPrinter, DiscoveryWithoutAUsbBusIsAnEmptyList) {
  if (std::filesystem::exists("/dev/bus/usb")) GTEST_SKIP() << "this machine has a USB bus";
  auto found = UsbPrinter::discover();
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_TRUE(found->empty());
  UsbPrinter printer(UsbPrinterConfig{});
  auto opened = printer.open();
  ASSERT_FALSE(opened.ok());
  EXPECT_FALSE(opened.error().message.empty());
  EXPECT_FALSE(printer.status().ok());
  EXPECT_FALSE(printer.print(PrintJob{}, Cut::Full).ok());
}

TEST(UsbPrinter, ConnectionStrings) {
  auto printer = UsbPrinter::create("usb:04b8:0e15");
  ASSERT_TRUE(printer.ok());
  EXPECT_EQ((*printer)->info().connection, "usb:04b8:0e15");
  EXPECT_TRUE(UsbPrinter::create("usb").ok());
  EXPECT_FALSE(UsbPrinter::create("usb:04b8").ok());
  EXPECT_FALSE(UsbPrinter::create("usb:zz:0e15").ok());
  EXPECT_FALSE(UsbPrinter::create("usb:04b8:0e15x").ok());
}

TEST(PrinterRegistry, CreatesByScheme) {
  const auto registry = make_printer_registry();
  ASSERT_EQ(registry.drivers().size(), 3U);
  auto sim = registry.create("sim:/tmp/pk-registry-test");
  ASSERT_TRUE(sim.ok());
  EXPECT_EQ((*sim)->info().backend, "sim");
  auto net = registry.create("tcp:10.0.0.5:9100");
  ASSERT_TRUE(net.ok());
  EXPECT_EQ((*net)->info().backend, "tcp");
  auto none = registry.create("lpt:1");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "no driver for device \"lpt:1\" (known: sim, tcp, usb)");
}

TEST(PrinterRegistry, UdevRulesComeFromTheUsbTables) {
  const auto registry = make_printer_registry();
  std::vector<const DriverMetadata*> drivers;
  for (const auto& entry : registry.drivers()) drivers.push_back(entry.metadata);
  const std::string rules = udev_rules(drivers, "pishkhan");
  for (const UsbId& id : UsbPrinter::metadata().usb_ids) {
    char vendor[8];
    std::snprintf(vendor, sizeof vendor, "%04x", id.vendor);
    EXPECT_NE(rules.find(std::string("ATTRS{idVendor}==\"") + vendor), std::string::npos);
  }
  EXPECT_NE(rules.find("0701"), std::string::npos) << "class-7 printers outside the table too";
  EXPECT_NE(rules.find("GROUP=\"pishkhan\""), std::string::npos);
  // udev ignores a rule with anything after its last key (a trailing "# comment" included).
  std::istringstream lines(rules);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    EXPECT_EQ(line.back(), '"') << "not a whole udev rule: " << line;
  }
}

}  // namespace
}  // namespace pk
