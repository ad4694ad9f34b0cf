#pragma once
// Shared by the sync and centre tests: a real centre on an ephemeral loopback port in a
// temporary data folder, and a terminal store filled with sealed sample applications.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "centre/centre_server.h"
#include "offline-store/store.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::sync::test {

using store::test::TempDir;

struct RunningCentre {
  explicit RunningCentre(const std::string& name);
  TempDir dir;
  std::unique_ptr<centre::CentreServer> server;
};

// Saves `count` applications of `pages` random pages each; returns their saved records.
[[nodiscard]] std::vector<store::SavedApplication> fill_store(store::Store& store, int count, int pages,
                                                              size_t page_size);

}  // namespace pk::sync::test

namespace pk::sync::test {

// Polls `condition` until it holds or `timeout` passes; returns whether it held. Used to
// await what another thread or process does (no fixed sleeps).
[[nodiscard]] bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

// Outbox entries not yet delivered, whether due or not, read through a fresh connection.
[[nodiscard]] std::vector<store::OutboxEntry> undelivered(const std::filesystem::path& store_file);

}  // namespace pk::sync::test
