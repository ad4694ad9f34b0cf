// Text engine speed: shaping and layout of a 200-character Persian paragraph from
// scratch (first frame, or a changed string) against the cached lookup every later frame
// pays, and a frame's worth of catalog titles; and, apart, the two Unicode segmentations a
// layout or an edit runs: line-break opportunities and grapheme boundaries.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "ui/text/graphemes.h"
#include "ui/text/line_breaker.h"
#include "ui/text/text_engine.h"
#include "ui/text/utf8_decode.h"

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

// Line-break opportunities of the paragraph and the greedy fill, as one uncached layout runs
// them (the advances are a stand-in: the search, not the shaping, is measured).
void BM_LineBreaks(benchmark::State& state) {
  const std::u32string text = pk::ui::decode_utf8(kParagraph).text;
  pk::ui::LineMeasure measure;
  measure.advances.assign(text.size(), 9.0F);
  measure.cluster_start.assign(text.size(), true);
  for (auto _ : state) benchmark::DoNotOptimize(pk::ui::LineBreaker(text, measure).break_lines(640));
}
BENCHMARK(BM_LineBreaks)->Unit(benchmark::kMicrosecond);

// Grapheme boundaries of the paragraph: a text field runs this on every edit and caret move.
void BM_GraphemeBoundaries(benchmark::State& state) {
  const std::u32string text = pk::ui::decode_utf8(kParagraph).text;
  for (auto _ : state) benchmark::DoNotOptimize(pk::ui::grapheme_boundaries(text));
}
BENCHMARK(BM_GraphemeBoundaries)->Unit(benchmark::kMicrosecond);

}  // namespace
