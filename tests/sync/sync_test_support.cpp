#include "tests/sync/sync_test_support.h"

#include <gtest/gtest.h>

#include <ctime>
#include <limits>
#include <thread>

#include "provisioning/enrollment.h"

namespace pk::sync::test {

RunningCentre::RunningCentre(const std::string& name,
                             const std::function<void(centre::CentreConfig&)>& adjust)
    : dir(name) {
  centre::CentreConfig config;
  config.data_dir = dir.path() / "centre";
  config.catalog_file = std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json";
  if (adjust) adjust(config);
  auto started = centre::CentreServer::start(config);
  if (!started) {
    ADD_FAILURE() << started.error().message;
    return;
  }
  server = std::move(started).value();
  terminal_dir = dir.path() / "terminal";
  http.tls = enroll_terminal(*server, terminal_dir, kTestTerminal);
}

std::string RunningCentre::url(int port) const {
  return "https://127.0.0.1:" + std::to_string(port != 0 ? port : (server ? server->port() : 0));
}

sync::TlsOptions enroll_terminal(centre::CentreServer& centre, const std::filesystem::path& terminal_dir,
                                 const std::string& terminal_id, const std::string& office) {
  auto code = centre.enrollment().issue_code(office, terminal_id, std::time(nullptr), 3600);
  if (!code) {
    ADD_FAILURE() << code.error().message;
    return {};
  }
  provisioning::EnrollOptions options;
  options.data_dir = terminal_dir;
  options.code = code->code;
  options.centre_url = centre.base_url();
  options.centre_pin = centre.certificate_authority().server_pin();
  const auto outcome = provisioning::enroll(options);
  if (!outcome.ok()) {
    ADD_FAILURE() << "enroll: " << outcome.message;
    return {};
  }
  return provisioning::tls_options(*outcome.identity);
}

std::string test_tracking_code(int64_t sequence, int terminal_number, TrackingKind kind) {
  auto code = make_tracking_code(kind, terminal_number, sequence);
  if (!code) {
    ADD_FAILURE() << code.error().message;
    return {};
  }
  return std::move(code).value().digits();
}

std::vector<store::SavedApplication> fill_store(store::Store& store, int count, int pages, size_t page_size) {
  std::vector<store::SavedApplication> saved;
  for (int i = 0; i < count; ++i) {
    // As the enrolled terminal makes them: its id, codes of its number.
    store::NewApplication application = store::test::sample_application(pages, page_size);
    application.terminal_id = kTestTerminal;
    auto result =
        store.save_application(application, [](int64_t sequence) { return test_tracking_code(sequence); });
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    if (result) saved.push_back(std::move(result).value());
  }
  return saved;
}

}  // namespace pk::sync::test

namespace pk::sync::test {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling interval, not a synchronisation
  }
  return condition();
}

std::vector<store::OutboxEntry> undelivered(const std::filesystem::path& store_file) {
  auto store = store::Store::open(store_file);
  if (!store) {
    ADD_FAILURE() << store.error().message;
    return {};
  }
  auto entries = (*store)->pending_outbox(100'000, std::numeric_limits<int64_t>::max());
  if (!entries) {
    ADD_FAILURE() << entries.error().message;
    return {};
  }
  return std::move(entries).value();
}

PageDigests fill_store_file(const std::filesystem::path& store_file, int count, int pages, size_t page_size) {
  PageDigests expected;
  auto store = store::Store::open(store_file);
  EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
  if (!store.ok()) return expected;
  for (const auto& saved : fill_store(**store, count, pages, page_size)) {
    auto record = (*store)->find_by_tracking_code(saved.tracking_code);
    for (const auto& document : (*record)->documents)
      expected[saved.tracking_code].push_back(sha256(*document.sealed_content));
  }
  return expected;
}

void expect_each_at_centre_once(centre::CentreServer& centre, const std::filesystem::path& store_file,
                                const PageDigests& expected) {
  int64_t pages = 0;
  for (const auto& entry : expected) pages += static_cast<int64_t>(entry.second.size());
  auto counts = centre.storage().counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->applications, static_cast<int64_t>(expected.size()));  // no duplicate
  EXPECT_EQ(counts->uploads, pages);
  EXPECT_EQ(counts->complete_uploads, pages);
  auto store = store::Store::open(store_file);
  ASSERT_TRUE(store.ok());
  for (const auto& [code, hashes] : expected) {
    auto status = centre.storage().status(kTestTerminal, code);
    ASSERT_TRUE(status.ok() && *status) << code;
    ASSERT_EQ((*status)->pages.size(), hashes.size());
    for (size_t i = 0; i < hashes.size(); ++i) {
      const std::string& path = (*status)->pages[i].upload_path;
      auto bytes = centre.storage().read_upload(path.substr(path.rfind('/') + 1));
      ASSERT_TRUE(bytes.ok());
      EXPECT_EQ(sha256(*bytes), hashes[i]) << code << " page " << i;
    }
    auto record = (*store)->find_by_tracking_code(code);
    EXPECT_EQ((*record)->state, store::ApplicationState::Purged) << code;
  }
}

}  // namespace pk::sync::test
