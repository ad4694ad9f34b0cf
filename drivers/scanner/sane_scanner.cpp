#include "drivers/scanner/sane_scanner.h"

#include <sane/sane.h>

#include <algorithm>

#include "drivers/scanner/sane_options.h"
#include "drivers/scanner/sane_status_map.h"

namespace pk::scanner {
namespace {

// One row of SANE data to 8-bit samples. SANE lineart is 1 bit per pixel, most significant
// bit first, and 1 means black; 16-bit samples are in host order.
void convert_row(const std::uint8_t* in, int depth, int samples, std::uint8_t* out) {
  if (depth == 8) {
    std::copy_n(in, samples, out);
  } else if (depth == 16) {
    const auto* wide = reinterpret_cast<const std::uint16_t*>(in);  // NOLINT: SANE's own layout
    for (int i = 0; i < samples; ++i) out[i] = static_cast<std::uint8_t>(wide[i] >> 8);
  } else {
    for (int i = 0; i < samples; ++i) out[i] = (in[i / 8] & (0x80 >> (i % 8))) != 0 ? 0 : 255;
  }
}

}  // namespace

const DriverMetadata& SaneScanner::metadata() {
  static const DriverMetadata meta{"sane", "Document scanner through SANE", {}, Features{}};
  return meta;
}

Result<std::unique_ptr<SaneScanner>> SaneScanner::create(std::string_view connection) {
  if (!connection.starts_with("sane:"))
    return make_error("not a SANE scanner: \"" + std::string(connection) + "\"");
  return std::make_unique<SaneScanner>(std::string(connection.substr(5)));
}

SaneScanner::SaneScanner(std::string device_name) : m_device_name(std::move(device_name)) {
  m_info.backend = "sane";
  m_info.name = m_device_name.empty() ? "first SANE scanner" : m_device_name;
  m_info.connection = "sane:" + m_device_name;
}

SaneScanner::~SaneScanner() { close_handle(); }

void SaneScanner::cancel_device(SANE_Handle handle) {
  std::lock_guard lock(m_cancel_mutex);
  sane_cancel(handle);
}

void SaneScanner::close_handle() {
  if (SANE_Handle handle = m_handle.exchange(nullptr); handle != nullptr) {
    cancel_device(handle);
    sane_close(handle);
  }
  m_active = false;
  m_frame_started = false;
}

DeviceState SaneScanner::state() const { return m_link.state(); }

void SaneScanner::on_hotplug(HotplugCallback /*callback: SANE cannot tell*/) {}

ScannerStatus SaneScanner::status() const {
  std::lock_guard lock(m_state_mutex);
  return m_status;
}

Error SaneScanner::fail(SANE_Status status, std::string_view during) {
  const ScannerStatus why = map_sane_status(status);
  std::string message =
      std::string(describe(why)) + " (SANE: " + sane_strstatus(status) + ", " + std::string(during) + ")";
  if (SANE_Handle handle = m_handle.load(); handle != nullptr) cancel_device(handle);
  m_active = false;
  m_frame_started = false;
  {
    std::lock_guard lock(m_state_mutex);
    m_status = why;
    if (why == ScannerStatus::Unplugged)
      m_link.set(Connection::Unplugged, message);
    else
      m_link.set_last_error(message);
  }
  if (why == ScannerStatus::Unplugged) close_handle();  // open() reconnects once it is back
  return make_error(sane_error_kind(status), std::move(message));
}

Result<void> SaneScanner::open() {
  if (m_handle.load() != nullptr) return {};
  if (!m_runtime) {
    auto runtime = SaneRuntime::acquire();
    if (!runtime) return runtime.error();
    m_runtime = std::move(runtime).value();
  }
  std::string name = m_device_name;
  SANE_Handle handle = nullptr;
  SANE_Status opened = SANE_STATUS_GOOD;
  {
    std::lock_guard lock(m_runtime->mutex());
    if (name.empty()) {
      const SANE_Device** list = nullptr;
      if (sane_get_devices(&list, SANE_FALSE) == SANE_STATUS_GOOD && list != nullptr && list[0] != nullptr) {
        name = list[0]->name;
      } else {
        opened = SANE_STATUS_IO_ERROR;
      }
    }
    if (opened == SANE_STATUS_GOOD) opened = sane_open(name.c_str(), &handle);
  }
  if (opened != SANE_STATUS_GOOD) {
    // An unknown name (INVAL) is a scanner that is not there: the same to the operator.
    return fail(opened == SANE_STATUS_INVAL ? SANE_STATUS_IO_ERROR : opened, "opening \"" + name + "\"");
  }
  m_handle = handle;
  m_info.name = name;
  std::lock_guard lock(m_state_mutex);
  m_link.set_connection(Connection::Open);
  m_status = ScannerStatus::Ready;
  return {};
}

Result<void> SaneScanner::set_option(std::string_view name, std::string_view value) {
  SANE_Handle handle = m_handle.load();
  if (handle == nullptr) return make_error("SANE scanner is not open");
  return sane_options::set_text(handle, name, value);
}

Result<void> SaneScanner::start(const ScanSettings& settings) {
  SANE_Handle handle = m_handle.load();
  if (handle == nullptr) return make_error("SANE scanner is not open");
  if (m_active) cancel_device(handle);
  m_active = false;
  m_frame_started = false;
  m_cancelled = false;
  auto source = sane_options::set_source(handle, settings.source);
  if (!source) return source.error();
  auto mode = sane_options::set_mode(handle, settings.mode);
  if (!mode) return mode.error();
  m_threshold = settings.mode == ColorMode::BlackWhite && mode.value().empty();
  auto dpi = sane_options::set_resolution(handle, settings.dpi);
  if (!dpi) return dpi.error();
  m_dpi = dpi.value();
  m_source = settings.source;
  m_sequence = 0;
  if (const SANE_Status started = sane_start(handle); started != SANE_STATUS_GOOD) {
    return fail(started, "starting the batch");
  }
  m_active = true;
  m_frame_started = true;
  std::lock_guard lock(m_state_mutex);
  m_status = ScannerStatus::Ready;
  return {};
}

Result<std::optional<Page>> SaneScanner::next_page() {
  SANE_Handle handle = m_handle.load();
  if (!m_active || handle == nullptr) return make_error("no scan batch is running: call start() first");
  const auto finished = [&]() -> Result<std::optional<Page>> {
    cancel_device(handle);  // ends the batch; the feeder is empty or the operator cancelled
    m_active = false;
    m_frame_started = false;
    return std::optional<Page>{};
  };
  if (m_cancelled) return finished();
  if (!m_frame_started) {
    if (m_source == Source::Flatbed) return finished();
    const SANE_Status started = sane_start(handle);
    if (started == SANE_STATUS_NO_DOCS || started == SANE_STATUS_CANCELLED) return finished();
    if (started != SANE_STATUS_GOOD) return fail(started, "feeding page " + std::to_string(m_sequence + 1));
    if (m_cancelled) return finished();  // cancelled while the page was being fed
  }
  m_frame_started = false;
  auto page = read_page();
  if (!page) {
    if (m_cancelled) return finished();
    return page.error();
  }
  page->sequence = ++m_sequence;
  return std::optional<Page>{std::move(page).value()};
}

Result<Page> SaneScanner::read_page() {
  SANE_Handle handle = m_handle.load();
  SANE_Parameters p{};
  if (const SANE_Status got = sane_get_parameters(handle, &p); got != SANE_STATUS_GOOD) {
    return fail(got, "reading the page's parameters");
  }
  if ((p.format != SANE_FRAME_GRAY && p.format != SANE_FRAME_RGB) ||
      (p.depth != 1 && p.depth != 8 && p.depth != 16) || (p.depth == 1 && p.format != SANE_FRAME_GRAY) ||
      p.pixels_per_line <= 0 || p.bytes_per_line <= 0) {
    return fail(SANE_STATUS_UNSUPPORTED, "page format " + std::to_string(p.format) + " depth " +
                                             std::to_string(p.depth) +
                                             " (three-pass and unusual frames are not supported)");
  }
  std::vector<std::uint8_t> raw;
  if (p.lines > 0)
    raw.reserve(static_cast<std::size_t>(p.bytes_per_line) * static_cast<std::size_t>(p.lines));
  std::vector<std::uint8_t> chunk(256 * 1024);
  m_reading = true;
  struct ReadingGuard {
    std::atomic<bool>& flag;
    ~ReadingGuard() { flag = false; }
  } reading{m_reading};
  if (m_cancelled) return make_error("scan cancelled");
  for (;;) {
    SANE_Int length = 0;
    const SANE_Status read = sane_read(handle, chunk.data(), static_cast<SANE_Int>(chunk.size()), &length);
    if (read == SANE_STATUS_EOF) break;
    if (read != SANE_STATUS_GOOD) {
      if (m_cancelled) return make_error("scan cancelled");
      return fail(read, "reading page " + std::to_string(m_sequence + 1));
    }
    raw.insert(raw.end(), chunk.begin(), chunk.begin() + length);
  }
  // After a cancel some backends end the page with EOF: a cut-short page is not a page.
  if (m_cancelled) return make_error("scan cancelled");
  // Hand scanners announce lines = -1; the data tells. A short last row is dropped.
  const int lines = static_cast<int>(raw.size() / static_cast<std::size_t>(p.bytes_per_line));
  Page page;
  page.channels = p.format == SANE_FRAME_RGB ? 3 : 1;
  page.width = p.pixels_per_line;
  page.height = p.lines > 0 ? std::min(p.lines, lines) : lines;
  page.dpi = m_dpi;
  if (page.height <= 0) return fail(SANE_STATUS_IO_ERROR, "the page came with no image data");
  page.pixels.resize(page.expected_size());
  const int samples = page.width * page.channels;
  for (int y = 0; y < page.height; ++y) {
    convert_row(raw.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p.bytes_per_line),
                p.depth, samples,
                page.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(samples));
  }
  if (m_threshold) {
    for (auto& v : page.pixels) v = v < 128 ? 0 : 255;
  }
  return page;
}

void SaneScanner::cancel() {
  m_cancelled = true;
  // SANE allows sane_cancel() from another thread to stop a read in progress. Both flags are
  // sequentially consistent: either read_page() sees m_cancelled before it reads, or this
  // sees m_reading and cancels the read.
  if (SANE_Handle handle = m_handle.load(); handle != nullptr && m_reading) cancel_device(handle);
}

}  // namespace pk::scanner
