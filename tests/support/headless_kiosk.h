#pragma once
// One headless kiosk for the tests: the real App rendering in software (no window), with the
// shipped catalog, fonts and pictograms, the simulated devices of the default configuration and a
// data folder of its own beside the test binary. A test drives it as a finger would (frames,
// taps by widget id, digits on the keypad) and reads what the last frame drew: its pixels, or the
// boxes the widgets recorded. The App is given the time; a test moves its clock on by the Pace
// it sets, so minutes of idleness pass without a wait.
//
// A gtest fixture derives from ::testing::Test (or TestWithParam) and from HeadlessKiosk; the
// destructor closes the App before the folder is removed.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "kiosk/app.h"
#include "protocol/sealing.h"
#include "sla/ledger.h"
#include "ui/widgets.h"

namespace pk::kiosk::test {

// The centre's key on the terminal: a new key pair's public half saved as an enrolled kiosk
// has it (so an application can be saved; m_keys keeps the secret half), or the data folder as
// the test left it (no key, unless the test enrolled the terminal itself).
enum class CentreKey { SaveNew, AsFound };
// Whether the widgets record their boxes (ui/drawn_boxes.h) from the first frame on.
enum class Recording { Off, On };

// How far the kiosk's clock moves, in seconds: before each pair of frames, before a tap, and
// before each key typed with type_digits.
struct Pace {
  double frame = 1;
  double tap = 1;
  double key = 0.2;
};

class HeadlessKiosk {
 public:
  HeadlessKiosk() = default;
  HeadlessKiosk(const HeadlessKiosk&) = delete;
  HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;
  virtual ~HeadlessKiosk();

 protected:
  // The test's own folder, <prefix>_<pid>_<test name> (prefix: a path in the test binary's
  // folder, PK_TEST_BINARY_DIR, which is each test target's own): made empty the first time,
  // the same folder after, made again if a test removed it (a test that starts the kiosk again
  // keeps its data unless it removes them).
  const std::filesystem::path& folder(const std::filesystem::path& prefix);
  // The shipped defaults, the data folder in folder(prefix), the language and the panel size.
  Config kiosk_config(const std::filesystem::path& prefix, Language language = Language::Persian,
                      int width = 1920, int height = 1080);
  // The App on `config`, headless, with the centre's key as asked. No frame is drawn yet: a
  // test can store notices or change the App first.
  void open(const Config& config, CentreKey centre_key = CentreKey::SaveNew,
            Recording recording = Recording::Off);
  // open(), then the first two frames.
  void start(const Config& config, CentreKey centre_key = CentreKey::SaveNew,
             Recording recording = Recording::Off);

  // Two frames (the second lays out the widgets of the state the first left), m_pace.frame later.
  void frames();
  // Taps the widget `id` m_pace.tap later and draws frames; false (nothing drawn) when the last
  // frame has no such widget.
  [[nodiscard]] bool try_tap(const std::string& id);
  // try_tap(), failing the test when the widget is not there.
  void tap(const std::string& id);
  // ASCII digits typed on the on-screen keypad ("key/۰".."key/۹"), a key every m_pace.key, then frames.
  void type_digits(std::string_view digits);
  // From the welcome screen into technician mode, signed in as the kiosk's technician (ID 4321,
  // PIN 13579, set here), typed on the keypads as a technician would.
  void sign_in_technician();

  // The last frame's pixels, RGBA, row by row.
  [[nodiscard]] std::vector<uint8_t> last_frame() const;
  // How many pixels of `r` in the last frame `counts` (called with a pixel's RGBA bytes) takes.
  template <class Counts>
  [[nodiscard]] int pixels_in(const ui::Rect& r, Counts counts) const {
    const std::vector<uint8_t> px = last_frame();
    const int w = m_app->platform().width();
    int n = 0;
    for (int y = static_cast<int>(r.min.y); y < static_cast<int>(r.max.y); ++y)
      for (int x = static_cast<int>(r.min.x); x < static_cast<int>(r.max.x); ++x)
        if (counts(&px[(static_cast<size_t>(y) * w + x) * 4])) ++n;
    return n;
  }
  // Whether the last frame recorded a text box reading `text` exactly, or one containing `part`.
  [[nodiscard]] bool drawn_text(std::string_view text) const;
  [[nodiscard]] bool drawn_text_containing(std::string_view part) const;

  std::filesystem::path m_dir;
  store::KeyPair m_keys;
  std::unique_ptr<App> m_app;
  double m_now = 10;
  Pace m_pace;
};

// `count` planned outages announced an hour ago, the first from tomorrow for service 3, the
// others on the days after for services 3, 5, 7 and 9, in Persian and English (what the welcome
// screen and the layout walk show).
std::vector<sla::Notice> outage_notices(int count, int64_t now);

}  // namespace pk::kiosk::test
