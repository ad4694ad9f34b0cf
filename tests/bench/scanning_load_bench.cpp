// The terminal under scanning load (issue 7). Figures are printed as counters, never asserted.
//
// BM_UiFrameWhileScanning: a headless App in counter mode; an operator logs in, opens an
// application and starts a batch of 40 sheets from the simulated ADF (A4 grey 200 dpi). While
// the scanner thread and the pipeline's workers run, the UI thread renders frames paced at
// 60 fps; the figure is the UI thread's own CPU time per frame (CLOCK_THREAD_CPUTIME_ID around
// render_frame): frame_cpu_ms_mean / frame_cpu_ms_max (target: well under 16.7 ms), with the
// wall time of the same calls beside it (wall includes waiting for a core the workers hold).
// idle_frame_cpu_ms_*: the same screen after the batch, nothing scanning - the frame's own cost
// (headless frames are rasterised in software, a pessimistic figure; see kiosk_frame_bench).
// The simulated feeder has no mechanical delay, so the scan runs far faster than a real ADF.
//
// BM_PeakMemory500Pages: 500 simulated A4 grey 200 dpi pages from the SimScanner through the
// PagePipeline (2 workers, the default bound of pages in flight); results are taken and dropped,
// so the figure is the pipeline's own memory, not the review list the counter would keep.
// rss_growth_mb_hwm: VmHWM after the stack minus VmRSS before (VmHWM reset via
// /proc/self/clear_refs; -1 when that was not permitted); rss_growth_mb_sampled: the highest
// VmRSS a 10 ms monitoring thread saw, minus VmRSS before (and the same after the first fifth
// of the stack, to show the growth stops); peak_pages_in_flight from PipelineStats.
#include <benchmark/benchmark.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "domain/text_normalize.h"
#include "domain/utf8.h"
#include "drivers/scanner/sim_scanner.h"
#include "imaging/page_pipeline.h"
#include "kiosk/app.h"
#include "kiosk/operator/operator_admin.h"
#include "kiosk/operator/operator_desk.h"

namespace {

namespace fs = std::filesystem;

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// A "VmRSS:" style line of /proc/self/status, in kB; -1 when absent.
long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(key) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
  return -1;
}

// Resets VmHWM to the current RSS; false when the kernel or permissions refuse it.
bool reset_hwm() {
  FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (!f) return false;
  const bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

// The counter terminal of tests/kiosk/operator/operator_desk_test.cpp, driven by widget taps.
class Counter {
 public:
  Counter() {
    m_dir = fs::temp_directory_path() / ("pishkhan-bench-scanning-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    pk::kiosk::Config config = pk::kiosk::default_config(PK_SOURCE_DATA_DIR);
    config.data_dir = m_dir / "var";
    config.mode = pk::kiosk::TerminalMode::Counter;
    auto app = pk::kiosk::App::create(config, pk::ui::DisplayMode::Headless);
    if (!app) fail("App::create: " + app.error().message);
    m_app = std::move(app.value());
    m_desk = m_app->operator_desk();
    if (!m_desk) fail("no operator desk in counter mode");
    if (!pk::kiosk::op::add_operator(m_desk->accounts(), m_app->store(), "1001", "246810", 1'800'000'000))
      fail("add_operator");
    frames();
  }
  ~Counter() {
    m_app.reset();
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
  }
  Counter(const Counter&) = delete;
  Counter& operator=(const Counter&) = delete;

  [[noreturn]] static void fail(const std::string& why) {
    std::fprintf(stderr, "scanning_load bench: %s\n", why.c_str());
    std::abort();
  }
  void frames() {
    m_now += 0.5;
    m_app->render_frame(m_now);
    m_app->render_frame(m_now + 0.1);
  }
  void tap(const std::string& id) {
    m_now += 0.3;
    if (!m_app->tap(id, m_now)) fail("no widget " + id);
    frames();
  }
  void type_digits(std::string_view digits) {
    for (char32_t cp : pk::utf8::decode(pk::to_persian_digits(digits))) {
      std::string key = "key/";
      pk::utf8::append(key, cp);
      tap(key);
    }
  }
  // Logged in, an application for service 11 open, on the batch-scan screen.
  void ready_to_scan() {
    tap("field/operator");
    type_digits("1001");
    tap("field/pin");
    type_digits("246810");
    tap("login");
    tap("new");
    tap("service/11");
    type_digits("0012345679");
    tap("next");
    if (state().screen != pk::kiosk::op::OperatorScreen::BatchScan) fail("not on the batch-scan screen");
  }
  const pk::kiosk::op::OperatorState& state() { return m_desk->flow().state(); }
  pk::scanner::SimScanner& sim() { return dynamic_cast<pk::scanner::SimScanner&>(*m_app->scanner()); }
  pk::kiosk::App& app() { return *m_app; }
  double& now() { return m_now; }

 private:
  fs::path m_dir;
  std::unique_ptr<pk::kiosk::App> m_app;
  pk::kiosk::op::OperatorDesk* m_desk = nullptr;
  double m_now = 10;
};

void BM_UiFrameWhileScanning(benchmark::State& state) {
  const int sheets = static_cast<int>(state.range(0));
  double cpu_sum = 0, cpu_max = 0, wall_sum = 0, wall_max = 0, idle_sum = 0, idle_max = 0;
  int frames = 0, idle_frames = 0, over_budget = 0;
  size_t pages = 0;
  double scan_seconds = 0;
  std::unique_ptr<Counter> terminal;  // torn down outside the timed part
  for (auto _ : state) {
    state.PauseTiming();
    terminal.reset();
    terminal = std::make_unique<Counter>();
    Counter& counter = *terminal;
    counter.ready_to_scan();
    // A realistic stack: cover sheets, text, a photo, blank backs.
    if (!counter.sim().inject("LOAD " + std::to_string(sheets) +
                              " qr:PKSH1|T|id_document text text blank text qr:PKSH1|T|photo photo blank"))
      Counter::fail("LOAD");
    counter.tap("scan");
    if (!counter.state().scanning) Counter::fail("the scan did not start");
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    auto next_frame = start;
    while (counter.state().scanning) {
      if (std::chrono::steady_clock::now() - start > std::chrono::minutes(5))
        Counter::fail("scan never ended");
      counter.now() += 1.0 / 60;
      const auto w0 = std::chrono::steady_clock::now();
      const double c0 = thread_cpu_ms();
      counter.app().render_frame(counter.now());
      const double cpu = thread_cpu_ms() - c0;
      const double wall =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
      cpu_sum += cpu;
      cpu_max = std::max(cpu_max, cpu);
      if (cpu > 1000.0 / 60) ++over_budget;
      wall_sum += wall;
      wall_max = std::max(wall_max, wall);
      ++frames;
      // Paced like a 60 Hz display: the rest of the frame is left to the scanner's threads.
      next_frame += std::chrono::microseconds(16'667);
      const auto after = std::chrono::steady_clock::now();
      if (next_frame > after)
        std::this_thread::sleep_until(next_frame);
      else
        next_frame = after;  // late: no catching up with a burst of frames
    }
    scan_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    pages += counter.state().pages.size();
    // Baseline: the same screen with the batch done (every thumbnail on it), nothing scanning.
    state.PauseTiming();
    for (int i = 0; i < 60; ++i) {
      counter.now() += 1.0 / 60;
      const double c0 = thread_cpu_ms();
      counter.app().render_frame(counter.now());
      const double cpu = thread_cpu_ms() - c0;
      idle_sum += cpu;
      idle_max = std::max(idle_max, cpu);
      ++idle_frames;
    }
    state.ResumeTiming();
  }
  terminal.reset();
  state.counters["frames"] = frames;
  state.counters["frame_cpu_ms_mean"] = frames ? cpu_sum / frames : 0;
  state.counters["frame_cpu_ms_max"] = cpu_max;
  state.counters["frame_wall_ms_mean"] = frames ? wall_sum / frames : 0;
  state.counters["frame_wall_ms_max"] = wall_max;
  state.counters["frames_over_16_7ms_cpu"] = over_budget;
  state.counters["idle_frame_cpu_ms_mean"] = idle_frames ? idle_sum / idle_frames : 0;
  state.counters["idle_frame_cpu_ms_max"] = idle_max;
  state.counters["pages"] = static_cast<double>(pages);
  state.counters["scan_s"] = scan_seconds;
}
BENCHMARK(BM_UiFrameWhileScanning)->Arg(40)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_PeakMemory500Pages(benchmark::State& state) {
  const int sheets = static_cast<int>(state.range(0));
  pk::imaging::PipelineOptions options;  // what the counter uses: 2 workers, 8 pages in flight
  long before_kb = 0, hwm_kb = -1, sampled_kb = 0, first_fifth_kb = 0;
  size_t output_bytes = 0;
  int taken = 0;
  pk::imaging::PipelineStats stats{};
  double seconds = 0;
  for (auto _ : state) {
    pk::scanner::SimScanner sim(42);
    if (!sim.inject("LOAD " + std::to_string(sheets) +
                    " qr:PKSH1|T|id_document text text blank text qr:PKSH1|T|photo photo blank") ||
        !sim.open() ||
        !sim.start({.source = pk::scanner::Source::Adf, .mode = pk::scanner::ColorMode::Gray, .dpi = 200}))
      Counter::fail("sim scanner");

    before_kb = status_kb("VmRSS");
    const bool hwm_reset = reset_hwm();
    std::atomic<bool> done{false};
    std::atomic<long> peak_kb{before_kb};
    std::thread monitor([&] {
      while (!done.load()) {
        const long rss = status_kb("VmRSS");
        if (rss > peak_kb.load()) peak_kb.store(rss);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });

    const auto start = std::chrono::steady_clock::now();
    {
      pk::imaging::PagePipeline pipeline(options);
      std::thread feeder([&] {
        for (;;) {
          auto page = sim.next_page();
          if (!page || !page.value()) break;
          if (!pipeline.submit(std::move(*page.value()))) break;
        }
        pipeline.close();
      });
      while (auto page = pipeline.next()) {
        output_bytes += page->bytes.size();
        ++taken;
        if (taken == sheets / 5) first_fifth_kb = peak_kb.load();
        benchmark::DoNotOptimize(page->bytes.data());
      }
      feeder.join();
      stats = pipeline.stats();
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    done.store(true);
    monitor.join();
    hwm_kb = hwm_reset ? status_kb("VmHWM") : -1;
    sampled_kb = peak_kb.load();
  }
  state.counters["pages"] = taken;
  state.counters["pages_per_minute"] = seconds > 0 ? taken / seconds * 60.0 : 0;
  state.counters["peak_pages_in_flight"] = stats.peak_in_flight;
  state.counters["max_pages_in_flight"] = options.max_pages_in_flight;
  state.counters["rss_before_mb"] = before_kb / 1024.0;
  state.counters["rss_growth_mb_hwm"] = hwm_kb < 0 ? -1.0 : (hwm_kb - before_kb) / 1024.0;
  state.counters["rss_growth_mb_sampled"] = (sampled_kb - before_kb) / 1024.0;
  // Bounded memory: the peak after the first fifth of the stack is already the peak at its end.
  state.counters["rss_growth_mb_sampled_first_fifth"] = (first_fifth_kb - before_kb) / 1024.0;
  state.counters["output_mb"] = static_cast<double>(output_bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_PeakMemory500Pages)->Arg(500)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace
