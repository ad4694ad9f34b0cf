#include "kiosk/journey.h"

#include <spdlog/spdlog.h>

#include <string>

namespace pk::kiosk {

namespace {

struct Step {
  const char* tap;        // widget id to tap, or nullptr
  const char* query;      // search text to type, or nullptr (the on-screen keyboard's result)
  const char* shot;       // screenshot name after the step, or nullptr
};

// A citizen reading Persian looks for a residence-document service, opens its card, goes
// back; then a counter-only service; then the same in English.
constexpr Step kSteps[] = {
    {nullptr, nullptr, "01-welcome"},
    {"start", nullptr, "02-services"},
    {"office/A", nullptr, nullptr},
    {"search", nullptr, nullptr},
    {"key/ا", nullptr, nullptr},
    {"key/ق", nullptr, nullptr},
    {"key/ا", nullptr, nullptr},
    {"key/م", nullptr, "03-keyboard"},
    {nullptr, "مدارک اقامتي", "04-search"},  // as if typed on an Arabic keyboard (ي): still found
    {"service/3", nullptr, "05-service-card"},
    {"back", nullptr, nullptr},
    {nullptr, "", nullptr},
    {"office/all", nullptr, nullptr},
    {nullptr, "۱۱", nullptr},  // a service number in Persian digits
    {"service/11", nullptr, "06-counter-only"},
    {"back", nullptr, nullptr},
    {nullptr, "", nullptr},
    {"back", nullptr, nullptr},
    {"lang", nullptr, "07-welcome-en"},
    {"start", nullptr, "08-services-en"},
    {"service/9", nullptr, "09-service-card-en"},
};

}  // namespace

Result<void> run_journey(App& app, const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return make_error(out_dir.string() + ": cannot create: " + ec.message());

  double now = 1000;  // a fixed clock: the journey is the same every run
  app.render_frame(now);
  for (const Step& step : kSteps) {
    now += 1;
    if (step.tap && !app.tap(step.tap, now))
      return make_error(std::string("journey: no widget \"") + step.tap + "\" on the screen");
    if (step.query) app.flow().set_query(step.query);
    // Two more frames: the new screen lays out, then draws with everything in place.
    app.render_frame(now + 0.1);
    app.render_frame(now + 0.2);
    if (step.shot) {
      const std::filesystem::path file = out_dir / (std::string(step.shot) + ".png");
      auto written = app.screenshot(file);
      if (!written) return written.error();
      spdlog::info("journey: {}", file.string());
    }
  }
  return {};
}

}  // namespace pk::kiosk
