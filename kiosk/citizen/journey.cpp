#include "kiosk/citizen/journey.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "domain/text_normalize.h"
#include "domain/utf8.h"

namespace pk::kiosk {

namespace {

enum class Do {
  Tap,            // tap the widget with this id
  Type,           // tap the keys of this text, one by one, on the on-screen keyboard
  TypeSavedCode,  // type the tracking code the kiosk just issued
  Query,          // set the search text as if typed on a physical Arabic keyboard
  StartClock,     // the person's time starts here (arg: what is timed)
  StopClock,      // ... and ends here: the journey logs it
};

struct Step {
  Do what;
  std::string_view arg;
  const char* shot = nullptr;  // screenshot name after the step
};

// A first-time user reading Persian, a foreign national with no Iranian SIM, looks for a
// residence-document service, applies with an Amayesh card (the step starts on it for this
// service) and an Afghan mobile number, scans the documents, submits and leaves with a
// tracking code; then checks its status; then reports a failed device; then a counter-only
// service, printing its slip; then the same kiosk in English, chosen on the welcome screen.
// The journey starts in the configured language (`--language prs|ps` runs it in Dari or
// Pashto; the search types Persian letters, which the Persian catalog of those sessions has).
constexpr std::string_view kFirstApplication =
    "a first-time applicant for service 3 (Amayesh card, Afghan mobile)";

std::vector<Step> citizen_journey(catalog::Language language) {
  // The search is typed on the keyboard of the session's language.
  const bool persian = is_rtl(language);  // Dari and Pashto sessions type on the Persian keyboard
  const std::string_view typed_search = persian ? "اقام" : "RESID";
  const std::string_view query = persian ? "مدارک اقامتي" : "residence doc";
  return {
      {Do::Tap, "", "01-welcome"},  // (no tap: the first screen)
      {Do::StartClock, kFirstApplication},
      {Do::Tap, "start", "02-services"},
      {Do::Tap, "office/A"},
      {Do::Tap, "search"},
      {Do::Type, typed_search, "03-keyboard"},
      {Do::Query, query, "04-search"},  // in Persian an Arabic ي: the search still finds it
      {Do::Tap, "service/3", "05-service-card"},
      {Do::Tap, "apply"},
      {Do::Type, "5012345678"},  // the Amayesh card's number
      {Do::Tap, "field/mobile"},
      {Do::Type, "+93701234567", "06-identify"},
      {Do::Tap, "next", "07-capture"},
      {Do::Tap, "scan"},
      {Do::Tap, "scan", "08-captured"},
      {Do::Tap, "next"},
      {Do::Tap, "scan"},
      {Do::Tap, "next"},
      {Do::Tap, "scan"},
      {Do::Tap, "next"},
      {Do::Tap, "consent", "09-review"},
      {Do::Tap, "submit", "10-saved"},
      {Do::StopClock, kFirstApplication},
      {Do::Tap, "finish"},
      {Do::Tap, "status"},
      {Do::TypeSavedCode, "", "11-status-entry"},
      {Do::Tap, "lookup", "12-status-result"},
      {Do::Tap, "finish"},
      {Do::Tap, "report"},
      {Do::Tap, "report/3"},
      {Do::Tap, "problem/device_fault", "13-report"},
      {Do::Tap, "send_report", "14-report-saved"},
      {Do::Tap, "finish"},
      {Do::Tap, "start"},
      {Do::Tap, "search"},
      {Do::Type, persian ? "۱۱" : "11"},  // a service number
      {Do::Tap, "service/11", "15-counter-only"},
      {Do::Tap, "print_slip", "15b-counter-slip-printed"},
      {Do::Tap, "finish_session"},
      {Do::Tap, "language/en", "16-welcome-en"},
      {Do::Tap, "start", "17-services-en"},
      {Do::Tap, "service/9", "18-service-card-en"},
  };
}

bool numeric_field(const CitizenState& s) {
  return s.field == Field::Mobile || s.field == Field::TrackingCode ||
         (s.field == Field::IdNumber && s.identity.kind != identity::IdKind::Passport);
}

}  // namespace

std::vector<std::string> keys_for(std::string_view text, bool numeric_pad) {
  // Key by key, with no whole copy of the text: it may be a citizen's national code (the
  // memory probe), and a copy would outlive the session.
  std::vector<std::string> keys;
  while (!text.empty()) {
    const utf8::Decoded one = utf8::decode_one(text);
    text.remove_prefix(one.length);
    char32_t cp = one.code_point;
    if (numeric_pad && cp >= U'0' && cp <= U'9') cp = U'۰' + (cp - U'0');
    std::string key = "key/";
    if (cp == U' ')
      key += "space";
    else
      utf8::append(key, cp);
    keys.push_back(std::move(key));
  }
  return keys;
}

namespace {

// Taps through `steps` from time `now`, writing the screenshots the steps name into `out_dir`
// (none when it is empty). Returns the clock after the last step.
Result<double> run_steps(App& app, const std::vector<Step>& steps, const std::filesystem::path& out_dir,
                         double now, const JourneyOptions& options = {}) {
  std::string last_code;
  double clock_started = now;
  double waited_for_centre = 0;  // the clock runs on while the centre acknowledges: not the person's time
  for (const Step& step : steps) {
    if (step.what == Do::StartClock || step.what == Do::StopClock) {
      // The journey's own clock: a second to take in each screen, 0.3 s a key.
      if (step.what == Do::StartClock) {
        clock_started = now;
        waited_for_centre = 0;
      }
      if (step.what == Do::StopClock)
        spdlog::info(
            "journey: {} took {:.1f} s of the person's time (scripted: 1 s a screen step, 0.3 s a key)",
            step.arg, now - clock_started - waited_for_centre);
      continue;
    }
    now += 1;
    std::vector<std::string> taps;
    switch (step.what) {
      case Do::Tap:
        if (!step.arg.empty()) taps.emplace_back(step.arg);
        break;
      case Do::Type:
        taps = keys_for(step.arg, numeric_field(app.flow().state()));
        break;
      case Do::TypeSavedCode:
        taps = keys_for(last_code, true);
        break;
      case Do::Query:
        app.flow().set_query(std::string(step.arg));
        break;
      case Do::StartClock:
      case Do::StopClock:
        break;
    }
    for (const std::string& id : taps) {
      // A service row below the list's edge (larger text shows fewer rows): the citizen finds
      // it by its number in the search box, as the welcome hint says.
      if (!app.target(id) && id.starts_with("service/") &&
          app.flow().state().screen == CitizenScreen::Browse) {
        app.flow().set_query(id.substr(std::string_view("service/").size()));
        app.render_frame(now + 0.05);
        app.render_frame(now + 0.1);
      }
      if (!app.tap(id, now)) return make_error("journey: no widget \"" + id + "\" on the screen");
      now += 0.3;
    }
    if (!app.flow().state().saved.tracking_digits.empty())
      last_code = app.flow().state().saved.tracking_digits;
    // A saved capture's picture says where it went: give the centre up to 3 s to acknowledge it.
    if (app.flow().state().screen == CitizenScreen::Saved && app.has_centre()) {
      for (int i = 0; i < 30 && !app.flow().state().saved.delivered; ++i) {
        now += 0.5;
        waited_for_centre += 0.5;
        if (!app.watch_saved_delivery(now)) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    // A citizen who reads large text taps A+ again once a new session has started at Normal.
    for (int tries = 0; tries < 3 && app.flow().state().text_size != options.text_size; ++tries) {
      app.render_frame(now + 0.05);
      if (!app.tap("text_size", now + 0.1)) return make_error("journey: no A+ button on the screen");
    }
    // Two more frames: the new screen lays out, then draws with everything in place.
    app.render_frame(now + 0.1);
    app.render_frame(now + 0.2);
    if (step.shot && !out_dir.empty()) {
      const std::filesystem::path file = out_dir / (std::string(step.shot) + ".png");
      auto written = app.screenshot(file);
      if (!written) return written.error();
      spdlog::info("journey: {}", file.string());
    }
    if (step.shot && options.on_screen)
      if (auto seen = options.on_screen(step.shot); !seen) return seen.error();
  }
  return now;
}

}  // namespace

Result<void> run_journey(App& app, const std::filesystem::path& out_dir, const JourneyOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return make_error(out_dir.string() + ": cannot create: " + ec.message());
  const double start = 1000;  // a fixed clock: the journey is the same every run
  // The welcome screen shows the outage notices the centre has published: the sync worker
  // fetches them on its own thread right after start, so the journey waits for that (bounded:
  // a centre that does not answer costs at most this), instead of racing it.
  constexpr double kWaitForCentre = 15;
  const auto asked = std::chrono::steady_clock::now();
  const App::FirstLedgerSync first = app.wait_for_first_ledger_sync(kWaitForCentre);
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
  if (first == App::FirstLedgerSync::Done)
    spdlog::info(
        "journey: first sync with the centre after {:.2f} s; {} outage notice(s) on the welcome screen",
        waited, app.notices_in(app.flow().language()).size());
  else if (first == App::FirstLedgerSync::TimedOut)
    spdlog::warn("journey: no ledger sync with the centre within {} s; the notices shown are the ledger's",
                 kWaitForCentre);
  app.render_frame(start);
  auto done = run_steps(app, citizen_journey(app.flow().language()), out_dir, start, options);
  if (!done) return done.error();
  return {};
}

Result<double> apply_as_citizen(App& app, std::string_view national_code, std::string_view mobile,
                                double now) {
  const std::vector<Step> steps = {
      {Do::Tap, "start"},
      {Do::Tap, "office/A"},
      {Do::Tap, "search"},
      {Do::Type, "اقام"},
      {Do::Tap, "service/3"},
      {Do::Tap, "apply"},
      {Do::Tap, "idkind/national"},
      {Do::Type, national_code},
      {Do::Tap, "field/mobile"},
      {Do::Type, mobile},
      {Do::Tap, "next"},
      {Do::Tap, "scan"},
      {Do::Tap, "next"},
      {Do::Tap, "scan"},
      {Do::Tap, "next"},
      {Do::Tap, "scan"},
      {Do::Tap, "next"},
      {Do::Tap, "consent"},
      {Do::Tap, "submit"},
  };
  app.render_frame(now);
  return run_steps(app, steps, {}, now);
}

}  // namespace pk::kiosk
