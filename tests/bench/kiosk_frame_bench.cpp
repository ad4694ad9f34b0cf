#include <benchmark/benchmark.h>

#include <filesystem>

#include "kiosk/app.h"

namespace {

std::unique_ptr<pk::kiosk::App> make_app() {
  pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  config.data_dir = std::filesystem::temp_directory_path() / "pishkhan-bench";
  auto app = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
  if (!app) std::abort();
  return std::move(app.value());
}

void run_frames(benchmark::State& state, pk::kiosk::App& app) {
  double now = 1;
  app.render_frame(now);  // first frame shapes and rasterises; the loop measures steady state
  for (auto _ : state) {
    now += 1.0 / 60;
    app.render_frame(now);
  }
}

void BM_WelcomeFrame(benchmark::State& state) {
  auto app = make_app();
  run_frames(state, *app);
}
BENCHMARK(BM_WelcomeFrame)->Unit(benchmark::kMillisecond);

void BM_ServiceListFrame(benchmark::State& state) {
  auto app = make_app();
  app->flow().start();
  run_frames(state, *app);
}
BENCHMARK(BM_ServiceListFrame)->Unit(benchmark::kMillisecond);

void BM_ServiceCardFrame(benchmark::State& state) {
  auto app = make_app();
  app->flow().start();
  app->flow().open_service(3);
  run_frames(state, *app);
}
BENCHMARK(BM_ServiceCardFrame)->Unit(benchmark::kMillisecond);

}  // namespace

// From the citizen's tap on "submit" to the tracking code on screen, with 10 scanned pages:
// sealing, the store's durable commit, the receipt (simulated printer) and the next frame.
// Target: under 200 ms on the kiosk.
#include "kiosk/centre_key.h"
#include "kiosk/citizen/capture.h"
#include "protocol/sealing.h"

namespace {

void BM_SubmitTenPagesToCodeOnScreen(benchmark::State& state) {
  pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
  config.data_dir = std::filesystem::temp_directory_path() / "pishkhan-bench-submit";
  std::filesystem::remove_all(config.data_dir);
  auto keys = pk::store::generate_key_pair();
  if (!keys || !pk::kiosk::save_centre_key(pk::kiosk::centre_key_path(config.data_dir), keys->public_key))
    std::abort();
  auto created = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
  if (!created) std::abort();
  pk::kiosk::App& app = **created;
  double now = 1;
  uint64_t preview = 1;
  for (auto _ : state) {
    state.PauseTiming();
    auto& flow = app.flow();
    flow.home();
    flow.start();
    flow.open_service(1);  // five documents: room for 10 pages with their spares
    flow.apply();
    // Service 1 asks foreign nationals for their Amayesh card by default: this applicant is an
    // Iranian with a national code (the document is the citizen's choice on the identify screen).
    if (!flow.set_id_kind(pk::identity::IdKind::NationalCode)) std::abort();
    flow.set_field_text(pk::kiosk::Field::IdNumber, "0012345679");
    flow.set_field_text(pk::kiosk::Field::Mobile, "09121234567");
    flow.identify_next();
    int pages = 0;
    const size_t documents = flow.state().documents.size();
    for (size_t doc = 0; doc < documents; ++doc) {
      while (pages < 10 && flow.can_scan()) {
        auto page = pk::kiosk::capture_page(*app.scanner(), preview++, pk::Language::Persian);
        if (!page) std::abort();
        flow.page_captured(std::move(page.value()));
        ++pages;
      }
      flow.capture_next();
    }
    if (pages != 10) std::abort();
    flow.set_consent(true);
    app.render_frame(now += 1);
    app.render_frame(now += 0.1);
    state.ResumeTiming();
    if (!app.tap("submit", now += 0.1)) std::abort();
    if (flow.state().screen != pk::kiosk::CitizenScreen::Saved) std::abort();
  }
  state.counters["pages"] = 10;
}
BENCHMARK(BM_SubmitTenPagesToCodeOnScreen)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
