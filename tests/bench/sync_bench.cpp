// Sync benchmarks (issue 8): the reference centre on loopback, the real tus and centre clients.
//  - upload throughput through a 2 MB/s token-bucket link (the fault proxy's rate limit), as a
//    fraction of the link rate (target: at least 90 %);
//  - bytes sent again after a cut at a random byte of an upload (target: at most one chunk);
//  - submissions (one 16 KB page each, submitted and uploaded) the centre ingests per second.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <random>

#include "centre/centre_server.h"
#include "protocol/encoding.h"
#include "sync/centre_client.h"
#include "sync/tus_client.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync {
namespace {

using test::Fault;
using test::FaultKind;
using test::FaultProxy;

// The centre as the tests run it (tests/sync's fixture: HTTPS with a terminal enrolled), and
// the HTTP options that talk to it as that terminal.
struct Centre {
  explicit Centre(const std::string& name) : running(name) {
    if (!running.server) throw std::runtime_error("the centre did not start");
  }
  [[nodiscard]] std::string url(int port = 0) const { return running.url(port); }
  [[nodiscard]] int port() const { return running.server->port(); }
  test::RunningCentre running;
};

std::vector<uint8_t> random_bytes(size_t size, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<uint8_t> bytes(size);
  for (auto& b : bytes) b = static_cast<uint8_t>(random());
  return bytes;
}

// Submits one application of one page of `page`, returning the page's upload path.
std::string submit_one(CentreClient& client, const std::vector<uint8_t>& page, int n) {
  Submission submission;
  submission.tracking_code = "BENCH-" + std::to_string(n);
  submission.kind = "application";
  submission.service_number = 3;
  submission.channel = "kiosk";
  submission.terminal_id = "BENCH";
  submission.created_at_unix = 1'760'000'000;
  submission.sealed_personal_base64 = to_base64(std::span(page).first(16));
  submission.pages.push_back({"passport", 1, "image/jpeg", static_cast<int64_t>(page.size()),
                              static_cast<int64_t>(page.size()), to_hex(sha256(page))});
  auto accepted = client.submit(submission, "bench" + std::to_string(n));
  if (!accepted.ok()) throw std::runtime_error(accepted.error().message);
  return accepted->pages.at(0).upload_path;
}

void BM_UploadThroughputOnA2MBsLink(benchmark::State& state) {
  constexpr int64_t kLink = 2 * 1000 * 1000;
  Centre centre("bench-throughput");
  FaultProxy proxy(centre.port(), [] { return Fault{}; });
  proxy.set_rate_limit(kLink);
  HttpClient http(centre.running.http);
  const std::string url = centre.url(proxy.port());
  CentreClient client(http, url);
  TusClient tus(http, url, {.chunk_bytes = 1024 * 1024, .max_consecutive_failures = 3});
  const auto page = random_bytes(4 * 1024 * 1024, 1);
  int n = 0;
  int64_t bytes = 0;
  double seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = submit_one(client, page, n++);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    auto sent = tus.upload(path, page);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!sent) state.SkipWithError(sent.error().message.c_str());
    bytes += static_cast<int64_t>(page.size());
  }
  state.SetBytesProcessed(bytes);
  state.counters["link_rate_MBps"] = static_cast<double>(kLink) / 1e6;
  state.counters["goodput_MBps"] = static_cast<double>(bytes) / seconds / 1e6;
  state.counters["fraction_of_link"] = static_cast<double>(bytes) / seconds / static_cast<double>(kLink);
}
BENCHMARK(BM_UploadThroughputOnA2MBsLink)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BytesResentAfterACutAtARandomByte(benchmark::State& state) {
  Centre centre("bench-cut");
  std::mt19937 random(5);
  constexpr size_t kChunk = 256 * 1024;
  const auto page = random_bytes(2 * 1024 * 1024, 2);
  // The first connection of each round is cut at a random byte of what it carries up.
  std::atomic<bool> cut_next{false};
  std::atomic<size_t> cut_at{0};
  FaultProxy proxy(centre.port(), [&] {
    if (cut_next.exchange(false)) return Fault{FaultKind::CutRequest, cut_at.load(), {}};
    return Fault{};
  });
  const std::string url = centre.url(proxy.port());
  int n = 0;
  int64_t resent_total = 0;
  int64_t resent_max = 0;
  int rounds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    HttpClient setup_http(centre.running.http);
    CentreClient client(setup_http, url);
    const std::string path = submit_one(client, page, n++);
    cut_at = std::uniform_int_distribution<size_t>(1, page.size())(random);
    cut_next = true;
    state.ResumeTiming();
    HttpClient http(centre.running.http);  // a new connection: the one the proxy cuts
    TusClient tus(http, url, {.chunk_bytes = kChunk, .max_consecutive_failures = 3});
    auto sent = tus.upload(path, page);
    if (!sent) {
      state.SkipWithError(sent.error().message.c_str());
      break;
    }
    const int64_t resent = sent->bytes_sent - static_cast<int64_t>(page.size());
    resent_total += resent;
    resent_max = std::max(resent_max, resent);
    ++rounds;
  }
  state.counters["chunk_bytes"] = static_cast<double>(kChunk);
  state.counters["resent_bytes_mean"] = rounds > 0 ? static_cast<double>(resent_total) / rounds : 0;
  state.counters["resent_bytes_max"] = static_cast<double>(resent_max);
  state.counters["cuts"] = static_cast<double>(proxy.faults_fired());
}
BENCHMARK(BM_BytesResentAfterACutAtARandomByte)->Iterations(20)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CentreIngestsSubmissions(benchmark::State& state) {
  Centre centre("bench-ingest");
  HttpClient http(centre.running.http);
  CentreClient client(http, centre.url());
  TusClient tus(http, centre.url());
  const auto page = random_bytes(16 * 1024, 3);
  int n = 0;
  for (auto _ : state) {
    const std::string path = submit_one(client, page, n++);
    auto sent = tus.upload(path, page);
    if (!sent) state.SkipWithError(sent.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CentreIngestsSubmissions)->Iterations(500)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace pk::sync
