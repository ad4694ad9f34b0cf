#include "kiosk/operator/operator_journey.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <thread>
#include <vector>

#include "domain/text_normalize.h"
#include "domain/utf8.h"
#include "drivers/scanner/sim_scanner.h"
#include "kiosk/operator/operator_admin.h"
#include "kiosk/operator/operator_desk.h"

namespace pk::kiosk::op {

namespace {

// The stack a walk-in hands over: a cover sheet for the identity document, its page, a page
// fed upside down, a blank sheet caught in the stack, a cover sheet for the photo, the photo.
constexpr const char* kStack =
    "LOAD 6 qr:PKSH1|WALKIN|id_document text flip:text blank qr:PKSH1|WALKIN|photo photo";

class Script {
 public:
  Script(App& app, std::filesystem::path dir) : m_app(app), m_dir(std::move(dir)) {}

  Result<void> tap(const std::string& id) {
    m_now += 0.3;
    if (!m_app.tap(id, m_now)) return make_error("operator journey: no widget \"" + id + "\" on the screen");
    // One more frame: a screen the tap opened lays out its widgets.
    m_now += 0.05;
    m_app.render_frame(m_now);
    return {};
  }
  // Digits go in on the keypad, whose keys carry Persian digits.
  Result<void> type_digits(std::string_view digits) {
    for (char32_t cp : utf8::decode(to_persian_digits(digits))) {
      std::string key = "key/";
      utf8::append(key, cp);
      if (auto tapped = tap(key); !tapped) return tapped;
    }
    return {};
  }
  void settle() {
    m_now += 0.1;
    m_app.render_frame(m_now);
    m_now += 0.1;
    m_app.render_frame(m_now);
  }
  Result<void> shot(const char* name) {
    settle();
    const std::filesystem::path file = m_dir / (std::string(name) + ".png");
    auto written = m_app.screenshot(file);
    if (!written) return written.error();
    spdlog::info("operator journey: {}", file.string());
    return {};
  }
  // Frames at 60 per second of real time until `done` (or a time limit): the scanner and the
  // pipeline work on their own threads meanwhile.
  template <class Done>
  bool frames_until(Done done, double limit_seconds) {
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
      if (std::chrono::steady_clock::now() - start > std::chrono::duration<double>(limit_seconds))
        return false;
      m_now += 1.0 / 60;
      m_app.render_frame(m_now);
      std::this_thread::sleep_for(std::chrono::milliseconds(8));
    }
    return true;
  }

 private:
  App& m_app;
  std::filesystem::path m_dir;
  double m_now = 1000;
};

#define PK_TRY(expr)             \
  do {                           \
    if (auto r_ = (expr); !r_) { \
      return r_.error();         \
    }                            \
  } while (false)

}  // namespace

Result<void> run_operator_journey(App& app, const std::filesystem::path& out_dir,
                                  const OperatorJourneyOptions& o) {
  OperatorDesk* desk = app.operator_desk();
  if (!desk) return make_error("the operator journey needs counter mode (--mode counter)");
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return make_error(out_dir.string() + ": cannot create: " + ec.message());
  PK_TRY(add_operator(desk->accounts(), app.store(), o.operator_id, o.pin,
                      static_cast<int64_t>(std::time(nullptr))));

  Script s(app, out_dir);
  s.settle();
  PK_TRY(s.shot("op-01-login"));
  PK_TRY(s.type_digits(o.operator_id));
  PK_TRY(s.tap("field/pin"));
  PK_TRY(s.type_digits("1357"));  // a wrong PIN first
  PK_TRY(s.tap("login"));
  PK_TRY(s.shot("op-02-wrong-pin"));
  PK_TRY(s.type_digits(o.pin));
  PK_TRY(s.shot("op-03-pin-masked"));
  PK_TRY(s.tap("login"));
  PK_TRY(s.shot("op-04-home"));
  PK_TRY(s.tap("new"));
  PK_TRY(s.shot("op-05-services"));
  PK_TRY(s.tap("service/11"));  // counter-only
  PK_TRY(s.type_digits(o.national_code));
  PK_TRY(s.shot("op-06-identity"));
  PK_TRY(s.tap("next"));
  PK_TRY(s.shot("op-07-batch-scan"));

  auto* sim = dynamic_cast<scanner::SimScanner*>(app.scanner());
  if (!sim)
    return make_error("the operator journey needs the simulated scanner (devices.scanner = \"simulated\")");
  PK_TRY(sim->inject(kStack));
  PK_TRY(s.tap("scan"));
  const auto& state = desk->flow().state();
  // A picture mid-scan when the pages are slow enough to catch one; the scan goes on regardless.
  if (s.frames_until([&] { return state.pages.size() >= 3 || !state.scanning; }, 30) && state.scanning)
    PK_TRY(s.shot("op-08-scanning"));
  if (!s.frames_until([&] { return !state.scanning; }, 60))
    return make_error("operator journey: the scan never ended");
  PK_TRY(s.shot("op-09-scanned"));
  PK_TRY(s.tap("review"));
  PK_TRY(s.shot("op-10-review"));
  PK_TRY(s.tap("page/3"));  // fed upside down
  PK_TRY(s.tap("rotate"));
  PK_TRY(s.shot("op-11-rotated"));
  PK_TRY(s.tap("page/4"));  // the blank sheet
  PK_TRY(s.tap("delete"));
  PK_TRY(s.shot("op-12-blank-deleted"));
  PK_TRY(s.tap("submit"));
  PK_TRY(s.shot("op-13-receipt"));
  PK_TRY(s.tap("finish"));
  PK_TRY(s.tap("outbox"));
  PK_TRY(s.shot("op-14-outbox"));
  PK_TRY(s.tap("back"));
  PK_TRY(s.shot("op-15-home-after"));
  return {};
}

}  // namespace pk::kiosk::op
