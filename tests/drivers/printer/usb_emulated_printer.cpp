#include "tests/drivers/printer/usb_emulated_printer.h"

#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace pk::test {
namespace {

constexpr std::uint8_t kDle = 0x10;
constexpr std::uint8_t kEot = 0x04;
constexpr int kSetupSize = 8;

// The kernel's completion codes as libusb reads them from urb->status.
constexpr int kUrbStall = -EPIPE;
constexpr int kUrbDiscarded = -ENOENT;
constexpr int kUrbShutdown = -ESHUTDOWN;

// Owns one reference from umockdev_ioctl_data_resolve().
struct Resolved {
  UMockdevIoctlData* data = nullptr;
  Resolved(UMockdevIoctlData* parent, std::size_t offset, std::size_t length) {
    GError* error = nullptr;
    data = umockdev_ioctl_data_resolve(parent, offset, length, &error);
    if (error != nullptr) g_error_free(error);
  }
  ~Resolved() {
    if (data != nullptr) g_object_unref(data);
  }
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;
  explicit operator bool() const { return data != nullptr; }
};

const char* name_of(unsigned long request) {
  switch (request) {
    case USBDEVFS_GET_CAPABILITIES:
      return "GET_CAPABILITIES";
    case USBDEVFS_GETDRIVER:
      return "GETDRIVER";
    case USBDEVFS_IOCTL:
      return "IOCTL";
    case USBDEVFS_CLAIMINTERFACE:
      return "CLAIMINTERFACE";
    case USBDEVFS_RELEASEINTERFACE:
      return "RELEASEINTERFACE";
    case USBDEVFS_SETINTERFACE:
      return "SETINTERFACE";
    case USBDEVFS_SUBMITURB:
      return "SUBMITURB";
    case USBDEVFS_REAPURB:
      return "REAPURB";
    case USBDEVFS_REAPURBNDELAY:
      return "REAPURBNDELAY";
    case USBDEVFS_DISCARDURB:
      return "DISCARDURB";
    default:
      return "OTHER";
  }
}

}  // namespace

UsbEmulatedPrinter::UsbEmulatedPrinter(EmulatedPrinterOptions options)
    : m_options(std::move(options)), m_handler(umockdev_ioctl_base_new()) {
  if (m_options.usblp_bound) m_driver = "usblp";
  g_signal_connect(m_handler, "handle-ioctl", G_CALLBACK(&UsbEmulatedPrinter::on_ioctl), this);
}

UsbEmulatedPrinter::~UsbEmulatedPrinter() {
  g_signal_handlers_disconnect_by_data(m_handler, this);
  g_object_unref(m_handler);
}

void UsbEmulatedPrinter::set_paper(Paper paper) {
  std::lock_guard lock(m_mutex);
  m_paper = paper;
}

void UsbEmulatedPrinter::set_cover_open(bool open) {
  std::lock_guard lock(m_mutex);
  m_cover_open = open;
}

void UsbEmulatedPrinter::unplug_after(std::size_t bytes) {
  std::lock_guard lock(m_mutex);
  m_unplug_armed = true;
  m_unplug_budget = bytes;
}

void UsbEmulatedPrinter::unplug_now() {
  std::lock_guard lock(m_mutex);
  m_unplugged = true;
}

std::vector<std::uint8_t> UsbEmulatedPrinter::received() const {
  std::lock_guard lock(m_mutex);
  return m_received;
}

std::string UsbEmulatedPrinter::driver() const {
  std::lock_guard lock(m_mutex);
  return m_driver;
}

std::vector<std::string> UsbEmulatedPrinter::log() const {
  std::lock_guard lock(m_mutex);
  return m_log;
}

int UsbEmulatedPrinter::status_requests() const {
  std::lock_guard lock(m_mutex);
  return m_status_requests;
}

gboolean UsbEmulatedPrinter::on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client,
                                      gpointer self_pointer) {
  auto* self = static_cast<UsbEmulatedPrinter*>(self_pointer);
  std::lock_guard lock(self->m_mutex);
  self->handle(client);
  return TRUE;
}

// Epson's real-time status bytes (ESC/POS DLE EOT n). Bits 1 and 4 are always set.
std::uint8_t UsbEmulatedPrinter::status_byte(int n) const {
  const bool paper_out = m_paper == Paper::Out;
  const bool near_end = m_paper != Paper::Ok;
  switch (n) {
    case 1:  // printer: bit 3 offline
      return static_cast<std::uint8_t>(0x12 | ((m_cover_open || paper_out) ? 0x08 : 0));
    case 2:  // offline cause: bit 2 cover open, bit 5 stopped by paper end
      return static_cast<std::uint8_t>(0x12 | (m_cover_open ? 0x04 : 0) | (paper_out ? 0x20 : 0));
    case 3:  // error cause: none of the errors are emulated
      return 0x12;
    case 4:  // roll paper sensor: bits 2-3 near end, bits 5-6 end
      return static_cast<std::uint8_t>(0x12 | (near_end ? 0x0C : 0) | (paper_out ? 0x60 : 0));
    default:
      return 0x12;
  }
}

void UsbEmulatedPrinter::handle(UMockdevIoctlClient* client) {
  const unsigned long request = umockdev_ioctl_client_get_request(client);
  UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
  m_log.emplace_back(name_of(request));
  const bool reaping = request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY;
  if (m_unplugged || (m_unplugging && !reaping)) {
    umockdev_ioctl_client_complete(client, -1, ENODEV);
    return;
  }
  switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
      Resolved caps(arg, 0, sizeof(std::uint32_t));
      if (!caps) break;
      const std::uint32_t value = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM;
      std::memcpy(caps.data->data, &value, sizeof value);
      umockdev_ioctl_client_complete(client, 0, 0);
      return;
    }
    case USBDEVFS_GETDRIVER: {
      Resolved query(arg, 0, sizeof(usbdevfs_getdriver));
      if (!query) break;
      auto* getdriver = reinterpret_cast<usbdevfs_getdriver*>(query.data->data);
      if (getdriver->interface != m_options.interface_number || m_driver.empty()) {
        umockdev_ioctl_client_complete(client, -1, ENODATA);
        return;
      }
      std::snprintf(getdriver->driver, sizeof getdriver->driver, "%s", m_driver.c_str());
      umockdev_ioctl_client_complete(client, 0, 0);
      return;
    }
    case USBDEVFS_IOCTL: {
      Resolved command(arg, 0, sizeof(usbdevfs_ioctl));
      if (!command) break;
      const auto* ioctl = reinterpret_cast<const usbdevfs_ioctl*>(command.data->data);
      if (static_cast<unsigned>(ioctl->ifno) != m_options.interface_number) {
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return;
      }
      if (static_cast<unsigned long>(ioctl->ioctl_code) == USBDEVFS_DISCONNECT) {
        if (m_driver.empty() || m_driver == "usbfs") {
          umockdev_ioctl_client_complete(client, -1, ENODATA);
          return;
        }
        m_driver.clear();
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      }
      if (static_cast<unsigned long>(ioctl->ioctl_code) == USBDEVFS_CONNECT) {
        if (m_driver.empty()) m_driver = "usblp";
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      }
      umockdev_ioctl_client_complete(client, -1, ENOTTY);
      return;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE: {
      Resolved number(arg, 0, sizeof(unsigned int));
      if (!number) break;
      unsigned int iface = 0;
      std::memcpy(&iface, number.data->data, sizeof iface);
      if (iface != m_options.interface_number) {
        umockdev_ioctl_client_complete(client, -1, ENOENT);
        return;
      }
      if (request == USBDEVFS_CLAIMINTERFACE) {
        if (!m_driver.empty() && m_driver != "usbfs") {  // usblp holds it
          umockdev_ioctl_client_complete(client, -1, EBUSY);
          return;
        }
        m_driver = "usbfs";
      } else if (m_driver == "usbfs") {
        m_driver.clear();
      }
      umockdev_ioctl_client_complete(client, 0, 0);
      return;
    }
    case USBDEVFS_SETINTERFACE:
      umockdev_ioctl_client_complete(client, 0, 0);
      return;
    case USBDEVFS_SUBMITURB:
      submit(client, arg);
      return;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
      reap(client, arg);
      return;
    case USBDEVFS_DISCARDURB: {
      unsigned long urb = 0;
      std::memcpy(&urb, arg->data, sizeof urb);
      auto& pending = m_pending_in[client];
      const auto it =
          std::find_if(pending.begin(), pending.end(), [&](const PendingIn& p) { return p.urb == urb; });
      if (it == pending.end()) {
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return;
      }
      m_completed[client].push_back(Completed{urb, kUrbDiscarded, 0, {}, 0});
      pending.erase(it);
      umockdev_ioctl_client_complete(client, 0, 0);
      return;
    }
    default:
      break;
  }
  umockdev_ioctl_client_complete(client, -1, ENOTTY);
}

void UsbEmulatedPrinter::submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
  Resolved urb_data(arg, 0, sizeof(usbdevfs_urb));
  if (!urb_data) {
    umockdev_ioctl_client_complete(client, -1, EFAULT);
    return;
  }
  const auto urb = *reinterpret_cast<const usbdevfs_urb*>(urb_data.data->data);
  const unsigned long address = urb_data.data->client_addr;
  const bool in = (urb.endpoint & 0x80) != 0;

  if (urb.type == USBDEVFS_URB_TYPE_CONTROL) {
    Resolved buffer(urb_data.data, offsetof(usbdevfs_urb, buffer),
                    static_cast<std::size_t>(urb.buffer_length));
    if (!buffer || urb.buffer_length < kSetupSize) {
      umockdev_ioctl_client_complete(client, -1, EINVAL);
      return;
    }
    const std::uint8_t* setup = buffer.data->data;
    const int length = setup[6] | (setup[7] << 8);
    const unsigned w_index = static_cast<unsigned>(setup[4] | (setup[5] << 8));
    Completed done{address, kUrbStall, 0, {}, kSetupSize};
    // USB printer class, GET_DEVICE_ID: wIndex = interface << 8 | alternate setting.
    if (setup[0] == 0xA1 && setup[1] == 0 && (w_index >> 8) == m_options.interface_number &&
        !m_options.device_id.empty()) {
      std::vector<std::uint8_t> reply(2);
      const std::size_t total = m_options.device_id.size() + 2;
      reply[0] = static_cast<std::uint8_t>(total >> 8);
      reply[1] = static_cast<std::uint8_t>(total & 0xFF);
      reply.insert(reply.end(), m_options.device_id.begin(), m_options.device_id.end());
      reply.resize(std::min<std::size_t>(reply.size(), static_cast<std::size_t>(length)));
      done.status = 0;
      done.actual_length = static_cast<int>(reply.size());
      done.in_data = std::move(reply);
    }
    m_completed[client].push_back(std::move(done));
    umockdev_ioctl_client_complete(client, 0, 0);
    return;
  }
  if (urb.type != USBDEVFS_URB_TYPE_BULK ||
      (urb.endpoint != m_options.endpoint_out && urb.endpoint != m_options.endpoint_in)) {
    umockdev_ioctl_client_complete(client, -1, ENOENT);  // no such endpoint
    return;
  }
  if (in) {
    m_pending_in[client].push_back(PendingIn{address, urb.buffer_length});
    answer_pending_in();
    umockdev_ioctl_client_complete(client, 0, 0);
    return;
  }
  Resolved buffer(urb_data.data, offsetof(usbdevfs_urb, buffer), static_cast<std::size_t>(urb.buffer_length));
  if (!buffer && urb.buffer_length > 0) {
    umockdev_ioctl_client_complete(client, -1, EFAULT);
    return;
  }
  std::vector<std::uint8_t> bytes;
  if (urb.buffer_length > 0) bytes.assign(buffer.data->data, buffer.data->data + urb.buffer_length);
  if (m_unplug_armed && bytes.size() >= m_unplug_budget) {
    // The cable comes out in the middle of this URB. What went before is on the paper; the
    // host controller gives the URB back with -ESHUTDOWN, and once the client has reaped it
    // the device node answers ENODEV. (The kernel also raises POLLERR on the usbfs file, which
    // libusb relies on for URBs still in flight; umockdev's device node is a plain file, so
    // this emulation completes every URB instead of leaving one in flight.)
    const int accepted = static_cast<int>(m_unplug_budget);
    bytes.resize(m_unplug_budget);
    bulk_out(std::move(bytes));
    m_unplug_armed = false;
    m_unplugging = true;
    m_completed[client].push_back(Completed{address, kUrbShutdown, accepted, {}, 0});
    for (auto& [pending_client, pending] : m_pending_in) {
      for (const PendingIn& waiting : pending) {
        m_completed[pending_client].push_back(Completed{waiting.urb, kUrbShutdown, 0, {}, 0});
      }
      pending.clear();
    }
    umockdev_ioctl_client_complete(client, 0, 0);
    return;
  }
  if (m_unplug_armed) m_unplug_budget -= bytes.size();
  const int accepted = static_cast<int>(bytes.size());
  bulk_out(std::move(bytes));
  m_completed[client].push_back(Completed{address, 0, accepted, {}, 0});
  answer_pending_in();
  umockdev_ioctl_client_complete(client, 0, 0);
}

void UsbEmulatedPrinter::bulk_out(std::vector<std::uint8_t> bytes) {
  m_received.insert(m_received.end(), bytes.begin(), bytes.end());
  // A real-time request is answered as soon as it arrives, even in the middle of a job.
  for (; m_scanned + 2 < m_received.size(); ++m_scanned) {
    if (m_received[m_scanned] == kDle && m_received[m_scanned + 1] == kEot) {
      const int n = m_received[m_scanned + 2];
      if (n >= 1 && n <= 4) {
        m_replies.push_back(status_byte(n));
        ++m_status_requests;
      }
    }
  }
}

void UsbEmulatedPrinter::answer_pending_in() {
  for (auto& [client, pending] : m_pending_in) {
    while (!pending.empty() && !m_replies.empty()) {
      const PendingIn urb = pending.front();
      pending.pop_front();
      std::vector<std::uint8_t> data;
      while (!m_replies.empty() && static_cast<int>(data.size()) < urb.buffer_length) {
        data.push_back(m_replies.front());
        m_replies.pop_front();
      }
      const int length = static_cast<int>(data.size());
      m_completed[client].push_back(Completed{urb.urb, 0, length, std::move(data), 0});
    }
  }
}

void UsbEmulatedPrinter::reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
  auto& completed = m_completed[client];
  if (completed.empty()) {
    if (m_unplugging) {
      m_unplugged = true;
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return;
    }
    umockdev_ioctl_client_complete(client, -1, EAGAIN);
    return;
  }
  const Completed done = completed.front();
  completed.pop_front();
  // The argument points at the client's `struct usbdevfs_urb *`: store the URB's address in
  // it, then resolve the URB through it to fill in the result.
  Resolved slot(arg, 0, sizeof(void*));
  if (!slot) {
    umockdev_ioctl_client_complete(client, -1, EFAULT);
    return;
  }
  std::memcpy(slot.data->data, &done.urb, sizeof done.urb);
  Resolved urb_data(slot.data, 0, sizeof(usbdevfs_urb));
  if (!urb_data) {
    umockdev_ioctl_client_complete(client, -1, EFAULT);
    return;
  }
  auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data.data->data);
  urb->status = done.status;
  urb->actual_length = done.actual_length;
  urb->error_count = 0;
  if (!done.in_data.empty()) {
    Resolved buffer(urb_data.data, offsetof(usbdevfs_urb, buffer),
                    static_cast<std::size_t>(urb->buffer_length));
    if (buffer && done.in_offset + static_cast<int>(done.in_data.size()) <= buffer.data->data_len) {
      std::memcpy(buffer.data->data + done.in_offset, done.in_data.data(), done.in_data.size());
    }
  }
  umockdev_ioctl_client_complete(client, 0, 0);
}

}  // namespace pk::test
