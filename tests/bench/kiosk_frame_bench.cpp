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
