// Pipeline throughput on A4 gray pages (200 and 300 dpi), a realistic mix: text, photo,
// a cover sheet, blank duplex backs. The figure to read is pages_per_minute (target: well
// above 120, the fastest office scanner).
#include <benchmark/benchmark.h>

#include <chrono>
#include <thread>

#include "drivers/scanner/page_synth.h"
#include "imaging/page_codes.h"
#include "imaging/page_ops.h"
#include "imaging/page_pipeline.h"

namespace pk::scanner {
namespace {

using namespace pk::imaging;  // NOLINT(google-build-using-namespace): the pipeline under measure

std::vector<Page> stack_mix(int dpi) {
  std::vector<Page> pages;
  pages.push_back(render_sheet({SheetContent::Qr, "PKSH1|12345678901234|passport", SheetOrientation::Upright},
                               ColorMode::Gray, dpi, 1));
  pages.push_back(render_blank_back(ColorMode::Gray, dpi, 2));
  pages.push_back(render_sheet({}, ColorMode::Gray, dpi, 3));
  pages.push_back(render_blank_back(ColorMode::Gray, dpi, 4));
  pages.push_back(
      render_sheet({SheetContent::Photo, {}, SheetOrientation::Upright}, ColorMode::Gray, dpi, 5));
  pages.push_back(render_blank_back(ColorMode::Gray, dpi, 6));
  pages.push_back(render_sheet({}, ColorMode::Gray, dpi, 7));
  pages.push_back(render_sheet({}, ColorMode::Gray, dpi, 8));
  return pages;
}

void BM_PipelinePagesPerMinute(benchmark::State& state) {
  const int dpi = static_cast<int>(state.range(0));
  const auto mix = stack_mix(dpi);
  constexpr int kPages = 48;
  PipelineOptions options;
  options.workers = 2;
  options.max_pages_in_flight = 6;
  double seconds = 0;
  int total = 0;
  for (auto _ : state) {
    PagePipeline pipeline(options);
    const auto start = std::chrono::steady_clock::now();
    std::thread producer([&] {
      for (int i = 0; i < kPages; ++i) {
        Page page = mix[static_cast<std::size_t>(i) % mix.size()];
        page.sequence = i + 1;
        (void)pipeline.submit(std::move(page));
      }
      pipeline.close();
    });
    while (auto page = pipeline.next()) benchmark::DoNotOptimize(page->bytes.data());
    producer.join();
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    total += kPages;
  }
  state.counters["pages_per_minute"] = total / seconds * 60.0;
}
BENCHMARK(BM_PipelinePagesPerMinute)
    ->Arg(200)
    ->Arg(300)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

void BM_ProcessOnePage(benchmark::State& state) {
  const Page page = render_sheet({}, ColorMode::Gray, static_cast<int>(state.range(0)), 3);
  for (auto _ : state) benchmark::DoNotOptimize(process_page(page, PipelineOptions{}).bytes.size());
}
BENCHMARK(BM_ProcessOnePage)->Arg(200)->Arg(300)->Unit(benchmark::kMillisecond);

void BM_FindCodes(benchmark::State& state) {
  const Page page =
      state.range(0) == 1
          ? render_sheet({SheetContent::Qr, "PKSH1|12345678901234|passport", SheetOrientation::Upright},
                         ColorMode::Gray, 200, 1)
          : render_sheet({}, ColorMode::Gray, 200, 3);
  for (auto _ : state) benchmark::DoNotOptimize(imaging::find_codes(page).size());
}
BENCHMARK(BM_FindCodes)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_EncodeJpeg(benchmark::State& state) {
  const Page page = render_sheet({}, ColorMode::Gray, 200, 3);
  for (auto _ : state) benchmark::DoNotOptimize(encode_jpeg(page, 80).value().size());
}
BENCHMARK(BM_EncodeJpeg)->Unit(benchmark::kMillisecond);

void BM_IsBlank(benchmark::State& state) {
  const Page page = render_blank_back(ColorMode::Gray, 200, 2);
  for (auto _ : state) benchmark::DoNotOptimize(is_blank(page));
}
BENCHMARK(BM_IsBlank)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pk::scanner
