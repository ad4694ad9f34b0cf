// Time to lay out and render the Persian tracking receipt (issue 6 target: layout + encode
// under 15 ms), and the size of what is sent to the printer.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "receipts/receipt_render.h"
#include "receipts/templates.h"
#include "tests/receipts/receipts_bench_job.h"

namespace {

pk::receipts::Receipt tracking(pk::Language language) {
  auto code = pk::make_tracking_code(pk::TrackingKind::Application, 42, 1'234'567);
  auto receipt = pk::receipts::tracking_receipt(
      {.language = language,
       .office_name = language == pk::Language::Persian ? "دفتر امور اتباع و مهاجرین خارجی"
                                                        : "Bureau for Foreign Nationals",
       .terminal_number = 42,
       .service_number = 3,
       .service_title = language == pk::Language::Persian
                            ? "تمدید و تعویض مدارک اقامتی اتباع خارجی"
                            : "Extension and replacement of residence documents",
       .code = code.value(),
       .submitted_unix = 1'771'927'500,
       .fee_rials = 5'000'000,
       .handling_days = 30});
  if (!receipt) std::abort();
  return receipt.value();
}

pk::receipts::ReceiptRenderer& renderer() {
  static auto made = pk::receipts::ReceiptRenderer::create();
  if (!made) std::abort();
  return *made.value();
}

void render_and_encode(benchmark::State& state, pk::Language language, int width, pk::bench::Codes codes) {
  const auto receipt = tracking(language);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto rendered = renderer().render(receipt, {.width_dots = width});
    if (!rendered) std::abort();
    bytes = pk::bench::encoded_size(rendered.value(), codes);
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes_sent"] = static_cast<double>(bytes);
}

void BM_TrackingReceiptFa80RasterCodes(benchmark::State& state) {
  render_and_encode(state, pk::Language::Persian, 576, pk::bench::Codes::Raster);
}
void BM_TrackingReceiptFa80NativeCodes(benchmark::State& state) {
  render_and_encode(state, pk::Language::Persian, 576, pk::bench::Codes::Native);
}
void BM_TrackingReceiptFa58RasterCodes(benchmark::State& state) {
  render_and_encode(state, pk::Language::Persian, 384, pk::bench::Codes::Raster);
}
void BM_TrackingReceiptEn80RasterCodes(benchmark::State& state) {
  render_and_encode(state, pk::Language::English, 576, pk::bench::Codes::Raster);
}

void BM_RenderOnlyFa80(benchmark::State& state) {
  const auto receipt = tracking(pk::Language::Persian);
  for (auto _ : state) {
    auto rendered = renderer().render(receipt, {});
    benchmark::DoNotOptimize(rendered);
  }
}

BENCHMARK(BM_TrackingReceiptFa80RasterCodes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackingReceiptFa80NativeCodes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackingReceiptFa58RasterCodes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrackingReceiptEn80RasterCodes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderOnlyFa80)->Unit(benchmark::kMillisecond);

}  // namespace
