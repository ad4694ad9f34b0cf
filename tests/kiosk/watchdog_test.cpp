// The systemd notifier against a real NOTIFY_SOCKET (a datagram socket this test binds, as
// systemd does), the crash-loop counter on a real file, and the service screen rendered.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/crash_loop.h"
#include "kiosk/service_screen.h"
#include "kiosk/watchdog.h"

namespace fs = std::filesystem;
using pk::kiosk::CrashLoop;
using pk::kiosk::StartVerdict;
using pk::kiosk::Watchdog;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / "watchdog_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// systemd's side: a bound AF_UNIX datagram socket; NOTIFY_SOCKET points at it.
class NotifySocket {
 public:
  explicit NotifySocket(const fs::path& path) : m_path(path) {
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string p = path.string();
    EXPECT_LT(p.size(), sizeof addr.sun_path);
    p.copy(addr.sun_path, sizeof addr.sun_path - 1);
    EXPECT_EQ(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << p;
    timeval timeout{0, 200 * 1000};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~NotifySocket() {
    ::close(m_fd);
    fs::remove(m_path);
  }
  // The next datagram, or nothing within 200 ms.
  std::optional<std::string> receive() const {
    char buffer[4096];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<size_t>(n));
  }

 private:
  fs::path m_path;
  int m_fd = -1;
};

// Sets environment variables for one test and puts the old values back.
class ScopedEnv {
 public:
  void set(const char* name, std::optional<std::string> value) {
    const char* old = std::getenv(name);
    m_saved.push_back({name, old ? std::optional<std::string>(old) : std::nullopt});
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it) {
      if (it->second)
        ::setenv(it->first, it->second->c_str(), 1);
      else
        ::unsetenv(it->first);
    }
  }

 private:
  std::vector<std::pair<const char*, std::optional<std::string>>> m_saved;
};

// Short: sun_path holds 108 bytes, and the build tree can be deep.
fs::path socket_path(const std::string& name) {
  return fs::temp_directory_path() / ("pk-notify-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST(Watchdog, ReadyAfterFirstFrameThenPingsAtHalfTheInterval) {
  const NotifySocket systemd(socket_path("ready"));
  ScopedEnv env;
  env.set("NOTIFY_SOCKET", socket_path("ready").string());
  env.set("WATCHDOG_USEC", "2000000");  // 2 s: pings at most every second
  env.set("WATCHDOG_PID", std::to_string(::getpid()));
  {
    Watchdog watchdog = Watchdog::from_environment();
    EXPECT_TRUE(watchdog.notifying());
    EXPECT_EQ(watchdog.watchdog_usec(), 2000000u);
    EXPECT_EQ(systemd.receive(), std::nullopt) << "nothing before the first frame";

    watchdog.alive(100.0);
    EXPECT_EQ(systemd.receive(), std::optional<std::string>("READY=1\nWATCHDOG=1"));
    watchdog.alive(100.4);
    watchdog.alive(100.9);
    EXPECT_EQ(systemd.receive(), std::nullopt) << "rate-limited to half of WATCHDOG_USEC";
    watchdog.alive(101.0);
    EXPECT_EQ(systemd.receive(), std::optional<std::string>("WATCHDOG=1"));
    watchdog.alive(101.5);
    EXPECT_EQ(systemd.receive(), std::nullopt);
    watchdog.alive(102.2);
    EXPECT_EQ(systemd.receive(), std::optional<std::string>("WATCHDOG=1"));

    watchdog.status("kiosk ready for citizens");
    EXPECT_EQ(systemd.receive(), std::optional<std::string>("STATUS=kiosk ready for citizens"));
    watchdog.status("kiosk ready for citizens");
    EXPECT_EQ(systemd.receive(), std::nullopt) << "an unchanged status is not resent";
  }
  EXPECT_EQ(systemd.receive(), std::optional<std::string>("STOPPING=1"));
}

TEST(Watchdog, AcceptsTheCompositorsPidAndIgnoresAnotherProcesssWatchdog) {
  const NotifySocket systemd(socket_path("pid"));
  ScopedEnv env;
  env.set("NOTIFY_SOCKET", socket_path("pid").string());
  env.set("WATCHDOG_USEC", "30000000");
  env.set("WATCHDOG_PID", std::to_string(::getppid()));  // cage, our parent, is the unit's main pid
  EXPECT_EQ(Watchdog::from_environment().watchdog_usec(), 30000000u);
  env.set("WATCHDOG_PID", "1");  // some other process's watchdog: not ours to feed
  Watchdog other = Watchdog::from_environment();
  EXPECT_EQ(other.watchdog_usec(), 0u);
  // Readiness is still told, without pings.
  (void)systemd.receive();
  other.alive(5.0);
  EXPECT_EQ(systemd.receive(), std::optional<std::string>("READY=1"));
  other.alive(500.0);
  EXPECT_EQ(systemd.receive(), std::nullopt);
}

TEST(Watchdog, DoesNothingWithoutNotifySocket) {
  const NotifySocket systemd(socket_path("none"));
  ScopedEnv env;
  env.set("NOTIFY_SOCKET", std::nullopt);
  env.set("WATCHDOG_USEC", "2000000");
  {
    Watchdog watchdog = Watchdog::from_environment();
    EXPECT_FALSE(watchdog.notifying());
    EXPECT_EQ(watchdog.watchdog_usec(), 0u);
    watchdog.alive(1.0);
    watchdog.alive(10.0);
    watchdog.status("anything");
  }
  EXPECT_EQ(systemd.receive(), std::nullopt);
}

TEST(CrashLoop, UncleanStartsWithinTheWindowTripItAndACleanExitResets) {
  const fs::path file = fresh_dir("trip") / "unclean-starts";
  const int64_t t = 1'750'000'000;
  {
    CrashLoop guard(file);
    EXPECT_EQ(guard.start(t), StartVerdict::Normal);
    EXPECT_TRUE(guard.recent_unclean().empty());
  }
  // Three crashes in a row (no clean_exit): the fourth start sees three and trips.
  for (int i = 1; i <= 2; ++i) {
    CrashLoop guard(file);
    EXPECT_EQ(guard.start(t + 10 * i), StartVerdict::Normal) << i;
    EXPECT_EQ(guard.recent_unclean().size(), static_cast<size_t>(i));
  }
  CrashLoop looping(file);
  EXPECT_EQ(looping.start(t + 30), StartVerdict::CrashLoop);
  EXPECT_EQ(looping.recent_unclean(), (std::vector<int64_t>{t, t + 10, t + 20}));

  // A clean exit (a technician's restart, a reboot) starts afresh.
  looping.clean_exit();
  EXPECT_FALSE(fs::exists(file));
  CrashLoop after(file);
  EXPECT_EQ(after.start(t + 40), StartVerdict::Normal);
  EXPECT_TRUE(after.recent_unclean().empty());
}

TEST(CrashLoop, OldCrashesAndTornLinesDoNotCount) {
  const fs::path file = fresh_dir("window") / "unclean-starts";
  const int64_t t = 1'750'000'000;
  {
    std::ofstream out(file);
    out << t << "\n" << t + 1 << "\n" << t + 2 << "\n12x\n\n-5\n" << t + 3;  // last line torn: no newline
  }
  CrashLoop late(file);
  // Eleven minutes later all four are outside the ten-minute window.
  EXPECT_EQ(late.start(t + 11 * 60), StartVerdict::Normal);
  EXPECT_TRUE(late.recent_unclean().empty());
  // ... and were dropped from the file, which now holds only this start.
  std::ifstream in(file);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  EXPECT_EQ(lines, (std::vector<std::string>{std::to_string(t + 11 * 60)}));

  CrashLoop soon(file, {.threshold = 1, .window = std::chrono::seconds(60)});
  EXPECT_EQ(soon.start(t + 11 * 60 + 30), StartVerdict::CrashLoop);
}

TEST(CrashLoop, AnUnwritableDataFolderNeverStopsTheKiosk) {
  const fs::path dir = fresh_dir("unwritable");
  std::ofstream(dir / "not-a-dir") << "a file where the data folder should be";
  CrashLoop guard(dir / "not-a-dir" / "unclean-starts");
  EXPECT_EQ(guard.start(1'750'000'000), StartVerdict::Normal);
  guard.clean_exit();
}

TEST(ServiceScreen, RendersHeadlessInPersianAndEnglish) {
  auto screen =
      pk::kiosk::ServiceScreen::create({.terminal_id = "SKO-BIR-0001", .unclean_starts = 3},
                                       {.mode = pk::ui::DisplayMode::Headless, .width = 1280, .height = 720});
  ASSERT_TRUE(screen) << screen.error().message;
  (*screen)->render_frame(0);
  (*screen)->render_frame(0.1);
  const fs::path png = fresh_dir("screen") / "service-screen.png";
  ASSERT_TRUE((*screen)->screenshot(png));
  // Text was drawn: a headless frame of only the background and the bands compresses to a
  // few kilobytes, two languages of text to much more.
  EXPECT_GT(fs::file_size(png), 20'000u);
}

// On a counter terminal the person in front of the screen is the operator: "go to the counter"
// would send them to themselves. Their screen asks for the technician instead, in both
// languages, and is drawn with that text.
TEST(ServiceScreen, OnACounterTerminalTheOperatorIsToldToCallTheTechnician) {
  using pk::kiosk::TerminalMode;
  const pk::kiosk::Text& counter = pk::kiosk::service_hint(TerminalMode::Counter);
  const pk::kiosk::Text& kiosk = pk::kiosk::service_hint(TerminalMode::Citizen);
  EXPECT_NE(std::string_view(kiosk.in(pk::Language::English)).find("go to the counter"),
            std::string_view::npos);
  EXPECT_EQ(std::string_view(counter.in(pk::Language::English)).find("go to the counter"),
            std::string_view::npos);
  EXPECT_EQ(std::string_view(counter.in(pk::Language::Persian)).find("به باجه مراجعه"),
            std::string_view::npos);
  EXPECT_NE(std::string_view(counter.in(pk::Language::English)).find("technician"), std::string_view::npos);
  EXPECT_NE(std::string_view(counter.in(pk::Language::Persian)).find("کارشناس فنی"), std::string_view::npos);

  const fs::path dir = fresh_dir("screen-counter");
  std::string frames[2];
  for (TerminalMode mode : {TerminalMode::Citizen, TerminalMode::Counter}) {
    auto screen = pk::kiosk::ServiceScreen::create(
        {.terminal_id = "SKO-BIR-0002", .unclean_starts = 3, .mode = mode},
        {.mode = pk::ui::DisplayMode::Headless, .width = 1280, .height = 720});
    ASSERT_TRUE(screen) << screen.error().message;
    (*screen)->render_frame(0);
    (*screen)->render_frame(0.1);
    const bool counter_mode = mode == TerminalMode::Counter;
    ASSERT_TRUE((*screen)->screenshot(dir / (counter_mode ? "counter.png" : "kiosk.png")));
    std::ifstream png(dir / (counter_mode ? "counter.png" : "kiosk.png"), std::ios::binary);
    frames[counter_mode ? 1 : 0].assign(std::istreambuf_iterator<char>(png), {});
  }
  EXPECT_FALSE(frames[1].empty());
  EXPECT_NE(frames[0], frames[1]) << "the counter's screen shows other words";
}
