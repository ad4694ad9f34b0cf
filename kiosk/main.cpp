// pishkhan-kiosk: the kiosk and counter terminal application.
// Exit codes: 0 normal, 1 runtime failure, 2 bad configuration or command line.
// This file reads the command line and starts the terminal; the one-shot forms (--add-operator,
// --enroll, --status-check) are kiosk/kiosk_commands.h.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/private_files.h"
#include "domain/tracking_code.h"
#include "kiosk/app.h"
#include "kiosk/citizen/journey.h"
#include "kiosk/config.h"
#include "kiosk/crash_loop.h"
#include "kiosk/enrolled_identity.h"
#include "kiosk/kiosk_commands.h"
#include "kiosk/operator/operator_journey.h"
#include "kiosk/service_screen.h"
#include "kiosk/wipe_probe.h"

#ifndef PK_SOURCE_DATA_DIR
#define PK_SOURCE_DATA_DIR "data"
#endif

namespace {

// Resident memory, from the kernel: what the benchmark script reports.
long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      long kib = 0;
      status >> kib;
      return kib;
    }
    status.ignore(1 << 12, '\n');
  }
  return -1;
}

// Milliseconds since the launcher's timestamp (PK_LAUNCH_NS, CLOCK_REALTIME in ns), which
// counts exec and dynamic linking too; -1 when the launcher did not set it.
double ms_since_launch() {
  const char* launch = std::getenv("PK_LAUNCH_NS");
  if (!launch) return -1;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() -
                             std::atoll(launch)) /
         1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  // Before any file is made: the store, its WAL, keys and captures are the kiosk's alone.
  pk::make_new_files_private();
  // Logs go to stderr (journald keeps them on a kiosk); stdout carries only requested output.
  spdlog::set_default_logger(spdlog::stderr_color_mt("pishkhan"));
  CLI::App cli{"Pishkhan kiosk: citizen self-service and counter terminal"};
  std::string config_file;
  bool windowed = false;
  bool headless = false;
  std::string screenshot;
  std::string journey;
  int bench_frames = 0;
  std::string language;
  std::string text_size;
  std::string screen_size;
  std::string terminal_mode;
  std::string add_operator;
  std::string add_technician;
  bool service_screen = false;
  cli.add_option("-c,--config", config_file, "configuration file (TOML)")->check(CLI::ExistingFile);
  cli.add_flag("--windowed", windowed, "run in a window instead of full screen (development)");
  cli.add_flag("--headless", headless, "no display: render off-screen");
  auto* screenshot_flag =
      cli.add_option("--screenshot", screenshot, "render the first screen, write it as PNG and exit");
  auto* journey_flag = cli.add_option(
      "--journey", journey,
      "run the scripted journey (citizen, or operator with --mode counter), writing PNGs to this "
      "folder, and exit");
  auto* bench_flag = cli.add_option("--bench-frames", bench_frames,
                                    "render this many frames of the first screen, print timings, exit");
  std::string status_check;
  cli.add_option("--status-check", status_check,
                 "with --headless: after a status poll with the centre (at most 30 s), look up this tracking "
                 "code as a citizen types it, write the result screen to --screenshot, and exit")
      ->needs(screenshot_flag)
      ->excludes(bench_flag)
      ->excludes(journey_flag);
  bool wipe_probe = false;
  cli.add_flag(
         "--wipe-probe", wipe_probe,
         "with --headless: apply with the identity read from stdin (\"NATIONAL_CODE MOBILE\"), wait for "
         "the idle wipe, print \"wiped\" and stay idle until stdin closes (the memory test)")
      ->excludes(bench_flag)
      ->excludes(journey_flag)
      ->excludes(screenshot_flag);
  cli.add_option("--language", language, "fa, prs (Dari), ps (Pashto) or en: overrides ui.language")
      ->check(CLI::IsMember({"fa", "prs", "ps", "en"}));
  cli.add_option("--text-size", text_size,
                 "normal or large: the citizen screens start as after a tap on A+ (the journey taps it "
                 "again in each new session)")
      ->check(CLI::IsMember({"normal", "large"}));
  cli.add_option("--screen", screen_size, "WIDTHxHEIGHT, e.g. 1280x720: overrides ui.width and ui.height")
      ->check([](const std::string& v) {
        int w = 0, h = 0;
        char x = 0;
        return std::sscanf(v.c_str(), "%d%c%d", &w, &x, &h) == 3 && x == 'x' && w >= 320 && h >= 240
                   ? std::string()
                   : std::string("expected WIDTHxHEIGHT, at least 320x240");
      });
  cli.add_option("--mode", terminal_mode, "citizen or counter: overrides ui.mode")
      ->check(CLI::IsMember({"citizen", "counter"}));
  cli.add_option("--add-operator", add_operator,
                 "add a counter operator (personnel number) or reset their PIN; the PIN is read from stdin");
  cli.add_option("--add-technician", add_technician,
                 "add a technician (id) or reset their PIN; the PIN is read from stdin");
  std::string enroll_code;
  std::string enroll_url;
  std::string enroll_pin;
  auto* enroll_flag = cli.add_option("--enroll", enroll_code,
                                     "enroll this terminal with the centre using a one-time code, and exit");
  cli.add_option("--centre-url", enroll_url,
                 "with --enroll: the centre (https://host:port; default centre.url)")
      ->needs(enroll_flag);
  cli.add_option(
         "--centre-pin", enroll_pin,
         "with --enroll: the centre's pin, sha256//BASE64 (pishkhan-centre --print-pin; default centre.pin)")
      ->needs(enroll_flag);
  cli.add_flag(
      "--service-screen", service_screen,
      "show the 'service required' screen instead of the citizen screens (systemd's OnFailure unit)");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e);
    return code == 0 ? 0 : 2;
  }

  pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  if (!config_file.empty()) {
    auto loaded = pk::kiosk::load_config_file(config_file, config);
    if (!loaded) {
      spdlog::error("bad configuration: {}", loaded.error().message);
      if (!service_screen) return 2;  // the service screen needs nothing from the file
    } else {
      config = loaded.value();
    }
  }
  // The demo journey leaves its receipts beside its screenshots.
  if (!journey.empty() && config.printer == pk::kiosk::DeviceBackend::Simulated &&
      config.printer_connection.empty())
    config.printer_connection = "sim:" + (std::filesystem::path(journey) / "receipts").string();
  if (!language.empty()) config.language = pk::parse_language_code(language).value_or(pk::Language::Persian);
  if (!screen_size.empty()) {
    char x = 0;
    std::sscanf(screen_size.c_str(), "%d%c%d", &config.width, &x, &config.height);
  }
  if (!terminal_mode.empty())
    config.mode =
        terminal_mode == "counter" ? pk::kiosk::TerminalMode::Counter : pk::kiosk::TerminalMode::Citizen;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (auto private_folder = pk::make_private_folder(config.data_dir); !private_folder)
    spdlog::warn("{}", private_folder.error().message);
  if (!add_operator.empty()) return pk::kiosk::add_account_command(config, add_operator, "operator");
  if (!add_technician.empty()) return pk::kiosk::add_account_command(config, add_technician, "technician");
  if (!enroll_code.empty())
    return pk::kiosk::enroll_command(config, enroll_code, enroll_url.empty() ? config.centre_url : enroll_url,
                                     enroll_pin.empty() ? config.centre_pin : enroll_pin);
  pk::kiosk::apply_enrolled_identity(config);

  const pk::ui::DisplayMode mode = headless   ? pk::ui::DisplayMode::Headless
                                   : windowed ? pk::ui::DisplayMode::Windowed
                                              : pk::ui::DisplayMode::Fullscreen;
  if ((!screenshot.empty() || !journey.empty() || bench_frames > 0 || !status_check.empty() || wipe_probe) &&
      mode != pk::ui::DisplayMode::Headless) {
    spdlog::error("--screenshot, --journey, --bench-frames, --status-check and --wipe-probe need --headless");
    return 2;
  }
  // A code that is not a tracking code is refused before anything starts, as the keypad would.
  if (!status_check.empty()) {
    if (auto checked = pk::check_tracking_code(status_check); !checked) {
      spdlog::error("--status-check \"{}\": not a tracking code: {}", status_check,
                    pk::describe(checked.error(), pk::Language::English));
      return 2;
    }
    if (config.mode == pk::kiosk::TerminalMode::Counter) {
      spdlog::error("--status-check: the status check is a citizen screen; not with --mode counter");
      return 2;
    }
  }

  // A kiosk that keeps crashing shows the service screen instead of flapping (kiosk/crash_loop.h).
  pk::kiosk::CrashLoop crash_loop(config.data_dir / "unclean-starts");
  const bool crash_looping = mode != pk::ui::DisplayMode::Headless &&
                             crash_loop.start(std::time(nullptr)) == pk::kiosk::StartVerdict::CrashLoop;
  if (service_screen || crash_looping) {
    auto screen = pk::kiosk::ServiceScreen::create(
        {.terminal_id = config.terminal_id,
         .unclean_starts = static_cast<int>(crash_loop.recent_unclean().size()),
         .mode = config.mode},
        {.mode = mode, .width = config.width, .height = config.height});
    if (!screen) {
      spdlog::error("cannot show the service screen: {}", screen.error().message);
      return 1;
    }
    if (mode == pk::ui::DisplayMode::Headless) {
      (*screen)->render_frame(0);
      (*screen)->render_frame(0.1);
      auto written = screenshot.empty() ? pk::Result<void>{} : (*screen)->screenshot(screenshot);
      if (!written) spdlog::error("{}", written.error().message);
      return written ? 0 : 1;
    }
    const int code = (*screen)->run();
    if (code == 0) crash_loop.clean_exit();  // a technician's restart (or a reboot) tries again
    return code;
  }

  auto app = pk::kiosk::App::create(config, mode);
  if (!app) {
    spdlog::error("cannot start: {}", app.error().message);
    return 1;
  }
  if (mode != pk::ui::DisplayMode::Headless) {
    const int code = (*app)->run();
    if (code == 0) crash_loop.clean_exit();
    return code;
  }

  // --text-size large: the first screen as after a tap on A+ (screenshot, bench, journey).
  const pk::ui::TextSize text_size_wanted =
      text_size == "large" ? pk::ui::TextSize::Large : pk::ui::TextSize::Normal;
  while ((*app)->flow().state().text_size != text_size_wanted) (*app)->flow().next_text_size();
  (*app)->render_frame(0);
  const double first_frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("first frame: {:.1f} ms after main(), {:.1f} ms after launch; resident {} KiB", first_frame_ms,
               ms_since_launch(), resident_kib());

  if (bench_frames > 0) {
    std::clock_t cpu_start = std::clock();
    for (int i = 0; i < bench_frames; ++i) (*app)->render_frame(1 + i / 60.0);
    const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("frames=%d cpu_ms_per_frame=%.3f resident_kib=%ld\n", bench_frames, cpu_ms / bench_frames,
                resident_kib());
  }
  if (!status_check.empty()) return pk::kiosk::status_check_command(**app, status_check, screenshot);
  if (wipe_probe) return pk::kiosk::run_wipe_probe(**app);
  if (!screenshot.empty()) {
    (*app)->render_frame(0.1);  // a second frame: ImGui finishes layout on the first
    auto written = (*app)->screenshot(screenshot);
    if (!written) {
      spdlog::error("{}", written.error().message);
      return 1;
    }
  }
  if (!journey.empty()) {
    auto done =
        config.mode == pk::kiosk::TerminalMode::Counter
            ? pk::kiosk::op::run_operator_journey(**app, journey)
            : pk::kiosk::run_journey(**app, journey, {.text_size = text_size_wanted, .on_screen = {}});
    if (!done) {
      spdlog::error("{}", done.error().message);
      return 1;
    }
    // The demo ends when what it captured has reached the centre (or after 30 s of trying).
    if (!config.centre_url.empty()) {
      const int64_t pending = (*app)->wait_until_delivered(30);
      if (pending == 0)
        spdlog::info("journey: every capture reached the centre");
      else
        spdlog::warn("journey: {} capture(s) still waiting for the centre (kept in the outbox)", pending);
    }
  }
  return 0;
}
