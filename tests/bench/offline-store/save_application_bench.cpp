// How many applications per second the store commits durably, for the two shapes the kiosk
// produces: one large scanned page, and a counter batch of small pages. Pages are sealed before
// the timed loop: sealing has its own benchmark below.
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>

#include "offline-store/store.h"
#include "protocol/sealing.h"

namespace {

using namespace pk::store;

NewApplication make_application(const PublicKey& centre, int pages, size_t page_size) {
  NewApplication application;
  application.service_number = 3;
  application.terminal_id = "KSK7";
  application.created_at_unix = 1'732'500'000;
  const std::string personal = R"({"name":"Ahmad Rahimi","foreign_id":"123456789012"})";
  application.sealed_personal =
      seal(std::span(reinterpret_cast<const uint8_t*>(personal.data()), personal.size()), centre).value();
  for (int page_no = 1; page_no <= pages; ++page_no) {
    std::vector<uint8_t> page(page_size);
    (void)random_bytes(page);
    NewDocument document;
    document.doc_kind = "passport";
    document.page_no = page_no;
    document.mime = "image/jpeg";
    document.byte_size = static_cast<int64_t>(page_size);
    crypto_hash_sha256(document.sha256.data(), page.data(), page.size());
    document.sealed_content = seal(page, centre).value();
    application.documents.push_back(std::move(document));
  }
  return application;
}

void save_application_bench(benchmark::State& state) {
  const int pages = static_cast<int>(state.range(0));
  const auto page_size = static_cast<size_t>(state.range(1));
  const auto dir = std::filesystem::path(PK_BENCH_BINARY_DIR) / ("store-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto keys = generate_key_pair().value();
    const NewApplication application = make_application(keys.public_key, pages, page_size);
    auto store = Store::open(dir / "store.db");
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    auto code = [](int64_t sequence) { return "KSK7-" + std::to_string(sequence); };
    for (auto _ : state) {
      auto saved = (*store)->save_application(application, code);
      if (!saved) {
        state.SkipWithError(saved.error().message.c_str());
        break;
      }
      benchmark::DoNotOptimize(saved->id);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * pages * static_cast<int64_t>(page_size));
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(save_application_bench)
    ->ArgNames({"pages", "page_bytes"})
    ->Args({1, 200 * 1024})
    ->Args({10, 8 * 1024})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void seal_page_bench(benchmark::State& state) {
  auto keys = generate_key_pair().value();
  std::vector<uint8_t> page(static_cast<size_t>(state.range(0)));
  (void)random_bytes(page);
  for (auto _ : state) {
    auto sealed = seal(page, keys.public_key);
    benchmark::DoNotOptimize(sealed->data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(seal_page_bench)->Arg(200 * 1024)->Unit(benchmark::kMicrosecond);

}  // namespace
