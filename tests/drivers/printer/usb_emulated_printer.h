#pragma once
// A USB receipt printer emulated at the usbdevfs ioctl level inside a umockdev testbed.
//
// Why not only a recorded `.ioctl` file: umockdev's ioctl-tree replay (0.17) answers
// USBDEVFS_GETDRIVER always with ENODATA and USBDEVFS_IOCTL (driver disconnect) always with
// ENOTTY, so "usblp holds the interface" cannot be expressed; it copies data back only for IN
// endpoints, so a control IN transfer (GET_DEVICE_ID on endpoint 0) cannot be replayed; it
// needs every OUT URB byte for byte in advance and keeps one URB in flight. A printer whose
// paper runs out or that is unplugged half-way through a job is a state machine, so this is
// the smallest faithful alternative: a UMockdevIoctlBase "handle-ioctl" handler that answers
// what the Linux kernel's usbdevfs answers (devio.c) for the ioctls libusb 1.0 issues:
//   GET_CAPABILITIES, GETDRIVER, IOCTL(DISCONNECT/CONNECT), CLAIM/RELEASEINTERFACE,
//   SETINTERFACE, SUBMITURB (bulk and control), REAPURB/REAPURBNDELAY, DISCARDURB;
// ENODEV for everything once unplugged; ENOTTY for anything else. The printer side answers
// GET_DEVICE_ID, keeps every bulk-OUT byte and answers DLE EOT n on bulk IN like an Epson TM.
// The ordered `.ioctl` replay is still used where it can express the dialogue (status bytes,
// usb_umockdev_test.cpp).
#include <umockdev.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace pk::test {

struct EmulatedPrinterOptions {
  std::string device_id;  // IEEE 1284 text; empty: GET_DEVICE_ID stalls
  std::uint8_t endpoint_out = 0x01;
  std::uint8_t endpoint_in = 0x82;
  unsigned interface_number = 0;
  bool usblp_bound = false;  // the kernel's usblp driver holds the interface
};

enum class Paper : std::uint8_t { Ok, NearEnd, Out };

class UsbEmulatedPrinter {
 public:
  explicit UsbEmulatedPrinter(EmulatedPrinterOptions options);
  ~UsbEmulatedPrinter();
  UsbEmulatedPrinter(const UsbEmulatedPrinter&) = delete;
  UsbEmulatedPrinter& operator=(const UsbEmulatedPrinter&) = delete;

  [[nodiscard]] UMockdevIoctlBase* handler() const { return m_handler; }

  void set_paper(Paper paper);
  void set_cover_open(bool open);
  // The device vanishes once `bytes` more bulk-OUT bytes have arrived: the URB in flight and
  // any waiting IN URB complete with -ESHUTDOWN, then every ioctl fails with ENODEV, as after a
  // real unplug. The bytes up to that point are kept.
  void unplug_after(std::size_t bytes);
  void unplug_now();

  [[nodiscard]] std::vector<std::uint8_t> received() const;  // every bulk-OUT byte, in order
  [[nodiscard]] std::string driver() const;                  // "usblp", "usbfs" (claimed) or ""
  [[nodiscard]] std::vector<std::string> log() const;        // ioctls as handled, in order
  [[nodiscard]] int status_requests() const;                 // DLE EOT n seen on bulk OUT

 private:
  struct Completed {
    unsigned long urb = 0;  // the URB's address in the client
    int status = 0;
    int actual_length = 0;
    std::vector<std::uint8_t> in_data;  // copied into the URB's buffer at `in_offset`
    int in_offset = 0;
  };
  struct PendingIn {
    unsigned long urb = 0;
    int buffer_length = 0;
  };

  static gboolean on_ioctl(UMockdevIoctlBase* base, UMockdevIoctlClient* client, gpointer self);
  void handle(UMockdevIoctlClient* client);  // m_mutex held
  void submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg);
  void reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg);
  void bulk_out(std::vector<std::uint8_t> bytes);
  void answer_pending_in();
  [[nodiscard]] std::uint8_t status_byte(int n) const;

  EmulatedPrinterOptions m_options;
  UMockdevIoctlBase* m_handler = nullptr;
  mutable std::mutex m_mutex;
  std::string m_driver;
  bool m_unplugged = false;
  bool m_unplugging = false;  // URBs given back with -ESHUTDOWN wait to be reaped
  std::size_t m_unplug_budget = 0;
  bool m_unplug_armed = false;
  Paper m_paper = Paper::Ok;
  bool m_cover_open = false;
  std::vector<std::uint8_t> m_received;
  std::size_t m_scanned = 0;  // m_received is scanned for DLE EOT up to here
  std::deque<std::uint8_t> m_replies;
  std::map<UMockdevIoctlClient*, std::deque<Completed>> m_completed;
  std::map<UMockdevIoctlClient*, std::deque<PendingIn>> m_pending_in;
  std::vector<std::string> m_log;
  int m_status_requests = 0;
};

}  // namespace pk::test
