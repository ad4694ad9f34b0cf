// Text engine speed: shaping and layout of a 200-character Persian paragraph from
// scratch (first frame, or a changed string) against the cached lookup every later frame
// pays, and a frame's worth of catalog titles.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "ui/text/text_engine.h"

namespace {

// 200 code points: a service description with a number and an English word.
const std::string kParagraph =
    "اعطای تابعیت، موضوع ماده واحده تعیین تکلیف فرزندان حاصل از ازدواج مردان خارجی با زنان ایرانی. مدارک لازم: کارت آمایش، گذرنامه (Passport) و ۲ قطعه عکس؛ هزینه ۱۲۵۰۰۰ ریال است و رسید چاپ می‌شود. با تشکر.";

pk::ui::TextEngine& engine() {
  static std::unique_ptr<pk::ui::TextEngine> instance = [] {
    auto created = pk::ui::TextEngine::create(pk::ui::FontPaths::debian_noto());
    if (!created) {
      std::fprintf(stderr, "%s\n", created.error().message.c_str());
      std::abort();
    }
    return std::move(created).value();
  }();
  return *instance;
}

pk::ui::TextStyle paragraph_style() {
  pk::ui::TextStyle style;
  style.max_width = 640;
  return style;
}

void BM_LayoutUncached(benchmark::State& state) {
  const pk::ui::TextStyle style = paragraph_style();
  for (auto _ : state) benchmark::DoNotOptimize(engine().layout_uncached(kParagraph, style));
  state.counters["codepoints"] = static_cast<double>(engine().layout(kParagraph, style).text.size());
  state.counters["lines"] = engine().layout(kParagraph, style).line_count();
}
BENCHMARK(BM_LayoutUncached)->Unit(benchmark::kMicrosecond);

void BM_LayoutCached(benchmark::State& state) {
  const pk::ui::TextStyle style = paragraph_style();
  (void)engine().layout(kParagraph, style);
  for (auto _ : state) benchmark::DoNotOptimize(&engine().layout(kParagraph, style));
}
BENCHMARK(BM_LayoutCached)->Unit(benchmark::kMicrosecond);

// The text work of one catalog screen after the first frame: 21 service titles, cached.
void BM_CatalogFrameCached(benchmark::State& state) {
  std::vector<std::string> titles;
  for (int i = 1; i <= 21; ++i)
    titles.push_back("خدمت شماره " + std::to_string(i) + ": تمدید و تعویض مدارک اقامتی اتباع خارجی");
  pk::ui::TextStyle style;
  style.max_width = 900;
  style.max_lines = 2;
  for (const std::string& title : titles) (void)engine().layout(title, style);
  for (auto _ : state) {
    for (const std::string& title : titles) benchmark::DoNotOptimize(&engine().layout(title, style));
  }
}
BENCHMARK(BM_CatalogFrameCached)->Unit(benchmark::kMicrosecond);

}  // namespace
