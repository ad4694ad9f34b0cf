#include "drivers/printer/sim_printer.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/png_io.h"
#include "drivers/printer/escpos_decoder.h"
#include "drivers/printer/paper_render.h"

namespace pk {
namespace {

std::string job_name(int number, bool complete) {
  char name[48];
  std::snprintf(name, sizeof name, "job-%04d%s", number, complete ? "" : "-interrupted");
  return name;
}

}  // namespace

const DriverMetadata& SimPrinter::metadata() {
  static const DriverMetadata meta{"sim",
                                   "Simulated receipt printer",
                                   {},
                                   Features{Feature::NativeQr, Feature::NativeCode128, Feature::Cutter,
                                            Feature::StatusReadback, Feature::Hotplug, Feature::Scripted}};
  return meta;
}

Result<std::unique_ptr<SimPrinter>> SimPrinter::create(std::string_view connection) {
  if (!connection.starts_with("sim:"))
    return make_error("not a simulated printer: \"" + std::string(connection) + "\"");
  std::string_view rest = connection.substr(4);
  SimPrinterConfig config;
  if (const auto query = rest.find("?width="); query != std::string_view::npos) {
    const std::string_view width = rest.substr(query + 7);
    const auto parsed = std::from_chars(width.data(), width.data() + width.size(), config.paper_width_dots);
    if (parsed.ec != std::errc{} || config.paper_width_dots < 8 || config.paper_width_dots > 4096) {
      return make_error("bad paper width in \"" + std::string(connection) + "\"");
    }
    rest = rest.substr(0, query);
  }
  if (rest.empty()) return make_error("simulated printer needs an output folder: \"sim:/path\"");
  config.output_dir = std::string(rest);
  config.control_file = config.output_dir / "control";
  return std::make_unique<SimPrinter>(std::move(config));
}

SimPrinter::SimPrinter(SimPrinterConfig config) : m_config(std::move(config)) {
  m_info.backend = "sim";
  m_info.model = "PK-SIM-" + std::to_string(m_config.paper_width_dots == kDots58mm ? 58 : 80);
  m_info.name = "Simulated receipt printer (" + std::to_string(m_config.paper_width_dots) + " dots)";
  m_info.connection =
      "sim:" + m_config.output_dir.string() + "?width=" + std::to_string(m_config.paper_width_dots);
}

DeviceState SimPrinter::state() const {
  // Under m_mutex too: print() marks the printer unplugged, saves what came out, and only then
  // says why; a state() in between must not show the new connection with the old error.
  std::lock_guard lock(m_mutex);
  return m_link.state();
}

void SimPrinter::on_hotplug(HotplugCallback callback) { m_link.set_hotplug(std::move(callback)); }

Result<void> SimPrinter::open() {
  std::lock_guard lock(m_mutex);
  if (m_link.connection() == Connection::Unplugged) {
    std::string message = "simulated printer is unplugged";
    m_link.set_last_error(message);
    return make_error(ErrorKind::NotFound, std::move(message));
  }
  std::error_code ec;
  std::filesystem::create_directories(m_config.output_dir, ec);
  if (ec) {
    std::string message = "cannot create " + m_config.output_dir.string() + ": " + ec.message();
    m_link.set_last_error(message);
    return make_error(ErrorKind::Io, std::move(message));
  }
  m_link.set_connection(Connection::Open);
  return {};
}

Result<void> SimPrinter::inject(std::string_view command) {
  bool plugged = false;
  bool unplugged = false;
  {
    std::lock_guard lock(m_mutex);
    const Connection before = m_link.connection();
    auto applied = apply(command);
    if (!applied) return applied;
    const Connection after = m_link.connection();
    unplugged = before != Connection::Unplugged && after == Connection::Unplugged;
    plugged = before == Connection::Unplugged && after != Connection::Unplugged;
  }
  if (unplugged) m_link.notify(HotplugEvent::Left, m_info);
  if (plugged) m_link.notify(HotplugEvent::Arrived, m_info);
  return {};
}

Result<void> SimPrinter::apply(std::string_view command) {
  while (!command.empty() && (command.back() == '\n' || command.back() == '\r' || command.back() == ' ')) {
    command.remove_suffix(1);
  }
  if (const auto after = command.find(" AFTER "); after != std::string_view::npos) {
    const std::string_view count = command.substr(after + 7);
    std::size_t bytes = 0;
    const auto parsed = std::from_chars(count.data(), count.data() + count.size(), bytes);
    if (parsed.ec != std::errc{} || parsed.ptr != count.data() + count.size()) {
      return make_error("bad byte count in \"" + std::string(command) + "\"");
    }
    const std::string_view what = command.substr(0, after);
    if (what.find(" AFTER ") != std::string_view::npos) return make_error("nested AFTER");
    // Check the command now, not when it strikes.
    if (what != "PAPER_OUT" && what != "COVER_OPEN" && what != "ERROR" && what != "UNPLUG") {
      return make_error("only PAPER_OUT, COVER_OPEN, ERROR and UNPLUG can strike mid-job, not \"" +
                        std::string(what) + "\"");
    }
    m_pending = Pending{std::string(what), bytes};
    return {};
  }
  if (command == "PAPER_OUT") {
    m_paper = PaperLevel::Out;
  } else if (command == "PAPER_NEAR_END") {
    m_paper = PaperLevel::NearEnd;
  } else if (command == "PAPER_OK") {
    m_paper = PaperLevel::Ok;
  } else if (command == "COVER_OPEN") {
    m_cover_open = true;
  } else if (command == "COVER_CLOSE") {
    m_cover_open = false;
  } else if (command == "ERROR") {
    m_error = true;
  } else if (command == "ERROR_CLEAR") {
    m_error = false;
  } else if (command == "UNPLUG") {
    m_link.set_connection(Connection::Unplugged);
  } else if (command == "PLUG") {
    // Like a real device coming back: it must be opened again.
    m_link.replace_connection(Connection::Unplugged, Connection::Closed);
  } else {
    return make_error("unknown simulated printer command \"" + std::string(command) + "\"");
  }
  return {};
}

void SimPrinter::poll_control_file() {
  if (m_config.control_file.empty()) return;
  std::ifstream in(m_config.control_file);
  if (!in) return;
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  in.close();
  std::error_code ec;
  std::filesystem::remove(m_config.control_file, ec);
  for (const std::string& command : lines) {
    if (auto done = inject(command); !done) {
      std::lock_guard lock(m_mutex);
      m_link.set_last_error(done.error().message);
    }
  }
}

PrinterStatus SimPrinter::current() const {
  if (m_cover_open) return PrinterStatus::CoverOpen;
  if (m_paper == PaperLevel::Out) return PrinterStatus::PaperOut;
  if (m_error) return PrinterStatus::Error;
  if (m_paper == PaperLevel::NearEnd) return PrinterStatus::PaperNearEnd;
  return PrinterStatus::Online;
}

Result<PrinterStatus> SimPrinter::status() {
  poll_control_file();
  std::lock_guard lock(m_mutex);
  const Connection connection = m_link.connection();
  if (connection == Connection::Unplugged)
    return make_error(ErrorKind::NotFound, "simulated printer is unplugged");
  if (connection != Connection::Open) return make_error("simulated printer is not open");
  return current();
}

Result<void> SimPrinter::save(std::span<const std::uint8_t> bytes, bool complete) {
  const std::filesystem::path base = m_config.output_dir / job_name(m_job_number, complete);
  {
    std::ofstream out(base.string() + ".bin", std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) return make_error("cannot write " + base.string() + ".bin");
  }
  const Paper paper = render_paper(escpos::decode(bytes), m_config.paper_width_dots);
  if (paper.image.empty()) return {};  // nothing came out: a stream with no dots
  const std::filesystem::path png = base.string() + ".png";
  if (auto written = write_png(png, paper.image); !written) return written;
  if (complete) m_last_png = png;
  return {};
}

Result<void> SimPrinter::print(const PrintJob& job, Cut cut) {
  poll_control_file();
  auto encoded = escpos::encode_job(job, cut, m_config.encode);
  if (!encoded) return encoded.error();
  const escpos::Bytes& bytes = encoded.value();

  bool unplugged_now = false;
  Result<void> outcome;
  {
    std::lock_guard lock(m_mutex);
    if (const Connection connection = m_link.connection(); connection != Connection::Open) {
      if (connection == Connection::Unplugged)
        return make_error(ErrorKind::NotFound, "simulated printer is unplugged");
      return make_error("simulated printer is not open");
    }
    if (!can_print(current())) return make_error(error_kind_of(current()), std::string(describe(current())));
    ++m_job_number;
    if (m_pending && m_pending->after_bytes < bytes.size()) {
      // The fault strikes part way: what was sent so far is what came out.
      const Pending pending = *m_pending;
      m_pending.reset();
      (void)apply(pending.command);
      ++m_interrupted;
      if (auto saved = save(std::span(bytes).first(pending.after_bytes), false); !saved) return saved;
      if (pending.command == "UNPLUG") {
        unplugged_now = true;
        std::string message = "simulated printer was unplugged after " + std::to_string(pending.after_bytes) +
                              " of " + std::to_string(bytes.size()) + " bytes";
        m_link.set_last_error(message);
        outcome = make_error(ErrorKind::NotFound, std::move(message));
      }
      // Paper out, cover open, error: the printer took every byte into its buffer and
      // stopped printing, exactly what a host sees; only the status afterwards tells.
    } else {
      if (m_pending) m_pending->after_bytes -= bytes.size();
      if (auto saved = save(bytes, true); !saved) return saved;
      ++m_completed;
    }
  }
  if (unplugged_now) m_link.notify(HotplugEvent::Left, m_info);
  return outcome;
}

int SimPrinter::jobs_completed() const {
  std::lock_guard lock(m_mutex);
  return m_completed;
}

int SimPrinter::jobs_interrupted() const {
  std::lock_guard lock(m_mutex);
  return m_interrupted;
}

std::filesystem::path SimPrinter::last_receipt_png() const {
  std::lock_guard lock(m_mutex);
  return m_last_png;
}

}  // namespace pk
