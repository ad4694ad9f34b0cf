#include "kiosk/wipe_probe.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <string_view>

#include "base/secure_wipe.h"
#include "kiosk/citizen/journey.h"

namespace pk::kiosk {

namespace {

// The line on stdin, read byte by byte up to the newline: no more is consumed, and nothing
// passes through a buffer the probe does not wipe. Returns its length, or -1.
ssize_t read_line(std::array<char, 64>& line) {
  size_t used = 0;
  while (used < line.size()) {
    const ssize_t got = ::read(STDIN_FILENO, &line[used], 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    if (line[used] == '\n') return static_cast<ssize_t>(used);
    ++used;
  }
  return -1;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Blocks until the other end closes stdin (the test, once it has read the memory).
void wait_for_stdin_to_close() {
  char ignored = 0;
  for (;;) {
    const ssize_t got = ::read(STDIN_FILENO, &ignored, 1);
    if (got == 0 || (got < 0 && errno != EINTR)) return;
  }
}

}  // namespace

int run_wipe_probe(App& app) {
  std::array<char, 64> line{};
  const ssize_t length = read_line(line);
  const std::string_view text(line.data(), length > 0 ? static_cast<size_t>(length) : 0);
  const size_t space = text.find(' ');
  const std::string_view national_code = text.substr(0, space);
  const std::string_view mobile =
      space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  if (!all_digits(national_code) || !all_digits(mobile)) {
    secure_wipe(line.data(), line.size());
    spdlog::error("--wipe-probe: standard input must be one line \"NATIONAL_CODE MOBILE\" of ASCII digits");
    return 2;
  }
  double now = 1000;
  auto applied = apply_as_citizen(app, national_code, mobile, now);
  secure_wipe(line.data(), line.size());
  if (!applied) {
    spdlog::error("--wipe-probe: {}", applied.error().message);
    return 1;
  }
  if (app.flow().state().screen != CitizenScreen::Saved) {
    spdlog::error("--wipe-probe: the application was not saved (screen {})",
                  static_cast<int>(app.flow().state().screen));
    return 1;
  }
  spdlog::info("--wipe-probe: application saved; the kiosk is left alone until its idle wipe");
  // The frame loop's work for each second nobody touches the screen: the session clock, then a
  // frame (the "more time?" countdown). An hour and a minute bound the longest idle timeout.
  now = *applied;
  bool wiped = false;
  for (int second = 0; second < 3660 && !wiped; ++second) {
    now += 1;
    wiped = app.tick_session(now);
    app.render_frame(now);
  }
  if (!wiped) {
    spdlog::error("--wipe-probe: the session was never wiped");
    return 1;
  }
  // The loop draws a few frames after a change, then waits for input.
  for (int frame = 1; frame <= 3; ++frame) app.render_frame(now + frame / 60.0);
  constexpr std::string_view kWiped = "wiped\n";
  if (::write(STDOUT_FILENO, kWiped.data(), kWiped.size()) != static_cast<ssize_t>(kWiped.size())) return 1;
  wait_for_stdin_to_close();
  return 0;
}

}  // namespace pk::kiosk
