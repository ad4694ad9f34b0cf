// How long a kiosk waits on the catalog: parsing the shipped file (at start-up and on every
// catalog update) and searching it (on every key press). Printed, never asserted.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "domain/catalog.h"
#include "domain/catalog_search.h"

namespace {

std::string read_catalog_file() {
  std::ifstream in(PK_SOURCE_DATA_DIR "/catalog.json", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void BM_ParseCatalog(benchmark::State& state) {
  const std::string text = read_catalog_file();
  for (auto _ : state) {
    auto catalog = pk::catalog::parse_catalog(text, "data/catalog.json");
    if (!catalog.ok()) {
      state.SkipWithError(catalog.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(catalog);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseCatalog);

void BM_SearchServices(benchmark::State& state, const char* query) {
  auto catalog = pk::catalog::parse_catalog(read_catalog_file(), "data/catalog.json");
  if (!catalog.ok()) {
    state.SkipWithError(catalog.error().message.c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(pk::catalog::search_services(catalog.value(), query));
}
BENCHMARK_CAPTURE(BM_SearchServices, empty, "");
BENCHMARK_CAPTURE(BM_SearchServices, number, "۱۹");
BENCHMARK_CAPTURE(BM_SearchServices, one_word, "ازدواج");
BENCHMARK_CAPTURE(BM_SearchServices, two_words_arabic_letters, "كارت شناسايي");
BENCHMARK_CAPTURE(BM_SearchServices, no_match, "پیتزا");

}  // namespace
