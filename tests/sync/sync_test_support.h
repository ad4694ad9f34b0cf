#pragma once
// Shared by the sync and centre tests: a real centre (HTTPS, mutual TLS) on an ephemeral
// loopback port in a temporary data folder, a terminal enrolled with it through the real
// enrollment (provisioning::enroll), and a terminal store filled with sealed sample applications.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "centre/centre_server.h"
#include "domain/tracking_code.h"
#include "offline-store/store.h"
#include "protocol/encoding.h"
#include "sync/http_client.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::sync::test {

using store::test::TempDir;

// The terminal RunningCentre enrolls first: the centre gives it terminal number 1.
inline constexpr const char* kTestTerminal = "SKO-TEST-0001";
inline constexpr int kTestTerminalNumber = 1;

// A real tracking code (14 digits, check digits) of terminal `terminal_number`: the centre
// takes a submission only under a code of the certificate's own terminal number.
[[nodiscard]] std::string test_tracking_code(int64_t sequence, int terminal_number = kTestTerminalNumber,
                                             TrackingKind kind = TrackingKind::Application);

struct RunningCentre {
  // `adjust` may change the centre's configuration (quotas, limits) before it starts.
  explicit RunningCentre(const std::string& name,
                         const std::function<void(centre::CentreConfig&)>& adjust = {});
  TempDir dir;
  std::unique_ptr<centre::CentreServer> server;
  // The enrolled terminal's data folder (its keys/ hold the identity) and the HTTP options
  // that talk to this centre as that terminal: use them for every HttpClient and SyncOptions.
  std::filesystem::path terminal_dir;
  sync::HttpOptions http;
  // https://127.0.0.1:<port> of the centre, or of a proxy in front of it.
  [[nodiscard]] std::string url(int port = 0) const;
};

// Enrolls a terminal (data folder `terminal_dir`) with `centre` under `terminal_id` at
// `office`; returns its TLS options (empty with a test failure when enrollment fails).
[[nodiscard]] sync::TlsOptions enroll_terminal(centre::CentreServer& centre,
                                               const std::filesystem::path& terminal_dir,
                                               const std::string& terminal_id,
                                               const std::string& office = "A");

// Saves `count` applications of `pages` random pages each; returns their saved records.
[[nodiscard]] std::vector<store::SavedApplication> fill_store(store::Store& store, int count, int pages,
                                                              size_t page_size);

// The SHA-256 of each sealed page, by tracking code: what the centre must end up holding.
using PageDigests = std::map<std::string, std::vector<Digest>>;
// Saves `count` applications of `pages` random pages each into the store file and returns
// their pages' digests.
[[nodiscard]] PageDigests fill_store_file(const std::filesystem::path& store_file, int count, int pages,
                                          size_t page_size);
// Every application in `expected` is at the centre exactly once (no duplicate application or
// upload), each page byte-identical by SHA-256, and purged from the terminal's store.
void expect_each_at_centre_once(centre::CentreServer& centre, const std::filesystem::path& store_file,
                                const PageDigests& expected);

}  // namespace pk::sync::test

namespace pk::sync::test {

// Polls `condition` until it holds or `timeout` passes; returns whether it held. Used to
// await what another thread or process does (no fixed sleeps).
[[nodiscard]] bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

// Outbox entries not yet delivered, whether due or not, read through a fresh connection.
[[nodiscard]] std::vector<store::OutboxEntry> undelivered(const std::filesystem::path& store_file);

}  // namespace pk::sync::test
