// The terminal's sync in a process of its own, for the kill -9 test: opens the store, runs a
// SyncWorker (deliveries, statuses and the service-level ledger) against the centre until it
// is killed. Usage: sync_child STORE_FILE CENTRE_URL TERMINAL_ID [CERT KEY CA PIN]
// (the terminal's TLS identity from its enrollment, as sync::TlsOptions holds it).
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "sync/sync_worker.h"

int main(int argc, char** argv) {
  if (argc != 4 && argc != 8) {
    std::fprintf(stderr, "usage: sync_child STORE_FILE CENTRE_URL TERMINAL_ID [CERT KEY CA PIN]\n");
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);
  pk::sync::SyncOptions options;
  options.store_file = argv[1];
  options.centre_url = argv[2];
  options.terminal_id = argv[3];
  options.ledger = pk::sync::LedgerSync::On;
  if (argc == 8) options.http.tls = {argv[4], argv[5], argv[6], argv[7]};
  options.http.connect_timeout = std::chrono::milliseconds(1'000);
  options.http.total_timeout = std::chrono::milliseconds(3'000);
  options.tus.chunk_bytes = 2 * 1024;  // many requests per page: kills land mid-upload
  options.backoff = {std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  options.idle_wait = std::chrono::milliseconds(20);
  options.status_poll = std::chrono::milliseconds(50);
  options.ledger_every = std::chrono::milliseconds(100);
  options.status_window = std::chrono::hours(24 * 365 * 10);
  pk::sync::SyncWorker worker(options);
  if (auto started = worker.start(); !started) {
    std::fprintf(stderr, "sync_child: %s\n", started.error().message.c_str());
    return 1;
  }
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));  // until killed
}
