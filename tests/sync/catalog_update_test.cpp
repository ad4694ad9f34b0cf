// The sync worker keeps the terminal's catalog up to date (sync/catalog_update.h), against the
// real reference centre on loopback over mutual TLS: a catalog the centre publishes later is
// stored as the kiosk's last good catalog; a catalog signed with another key, or signed but not
// a catalog, is refused and the old one kept; an older catalog never replaces a newer one; an
// unchanged catalog costs a 304.
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/database.h"
#include "centre/signing_key.h"
#include "domain/catalog.h"
#include "drivers/cardreader/apps/icao/csca_master_list.h"
#include "protocol/encoding.h"
#include "provisioning/terminal_identity.h"
#include "sync/catalog_update.h"
#include "sync/centre_client.h"
#include "sync/csca_master_list_update.h"
#include "sync/sync_worker.h"
#include "tests/drivers/cardreader/test_pki.h"
#include "tests/sync/sync_test_support.h"

namespace pk::sync::test {
namespace {

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped catalog with another version: what a province publishes later (or earlier).
std::string shipped_with_version(int64_t version) {
  auto json = nlohmann::json::parse(read_all(std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json"));
  json["version"] = version;
  return json.dump(2);
}

// Published the way an operator would: a whole file renamed into place.
void publish(const std::filesystem::path& file, const std::string& text) {
  const auto part = file.string() + ".new";
  std::ofstream(part, std::ios::binary) << text;
  std::filesystem::rename(part, file);
}

// A centre serving a catalog file the test rewrites, with an enrolled terminal (which fetched
// the shipped catalog, version 1, at enrollment).
class CatalogCentre {
 public:
  explicit CatalogCentre(const std::string& name) : dir(name) {
    config.data_dir = dir.path() / "centre";
    config.catalog_file = dir.path() / "published.json";
    std::filesystem::copy_file(std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json",
                               config.catalog_file);
    start();
    terminal_dir = dir.path() / "terminal";
    http.tls = enroll_terminal(*server, terminal_dir, "SKO-CAT-0001");
    auto identity = provisioning::load_identity(terminal_dir);
    if (identity && identity->has_value()) catalog_key = (*identity)->catalog_public_key;
  }
  void start() {
    auto started = centre::CentreServer::start(config);
    if (!started) {
      ADD_FAILURE() << started.error().message;
      return;
    }
    server = std::move(started).value();
  }
  [[nodiscard]] SyncOptions sync_options() const {
    SyncOptions options;
    options.store_file = terminal_dir / "pishkhan.db";
    options.centre_url = server->base_url();
    options.http = http;
    options.idle_wait = std::chrono::milliseconds(50);
    options.catalog_file = last_good();
    options.catalog_public_key = catalog_key;
    options.catalog_every = std::chrono::milliseconds(50);
    return options;
  }
  [[nodiscard]] std::filesystem::path last_good() const {
    return terminal_dir / "catalog" / "last-good.json";
  }

  TempDir dir;
  centre::CentreConfig config;
  std::unique_ptr<centre::CentreServer> server;
  std::filesystem::path terminal_dir;
  HttpOptions http;
  std::string catalog_key;
};

int64_t version_of(const std::filesystem::path& file) {
  auto parsed = catalog::parse_catalog(read_all(file), file.string());
  return parsed ? parsed->version : -1;
}

TEST(CatalogUpdate, ANewerCatalogPublishedAtTheCentreIsStoredAsTheLastGoodOne) {
  CatalogCentre centre("catalog-newer");
  ASSERT_TRUE(centre.server);
  ASSERT_FALSE(centre.catalog_key.empty());
  ASSERT_EQ(version_of(centre.last_good()), 1) << "enrollment stored the shipped catalog";

  SyncWorker worker(centre.sync_options());
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
  EXPECT_EQ(worker.catalog_version_stored(), 0) << "the same version is not stored again";
  EXPECT_EQ(worker.counters().catalogs_stored, 0);

  const std::string newer = shipped_with_version(7);
  publish(centre.config.catalog_file, newer);
  ASSERT_TRUE(eventually([&] { return worker.catalog_version_stored() == 7; }, std::chrono::seconds(10)));
  worker.stop();
  EXPECT_EQ(read_all(centre.last_good()), newer) << "the centre's exact bytes";
  EXPECT_EQ(worker.counters().catalogs_stored, 1);
  struct stat info {};
  ASSERT_EQ(::stat(centre.last_good().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  for (const auto& entry : std::filesystem::directory_iterator(centre.last_good().parent_path()))
    EXPECT_EQ(entry.path(), centre.last_good()) << "no temporary file is left behind";
}

TEST(CatalogUpdate, ACatalogSignedWithAnotherKeyOrNotACatalogIsRefusedAndTheOldOneKept) {
  CatalogCentre centre("catalog-refused");
  ASSERT_TRUE(centre.server);
  const std::string before = read_all(centre.last_good());
  ASSERT_EQ(version_of(centre.last_good()), 1);

  // Signed by the centre's key, but not a catalog.
  publish(centre.config.catalog_file, "{\"schema\": 1, \"version\": 9, \"services\": \"none\"}");
  {
    SyncWorker worker(centre.sync_options());
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
    worker.stop();
    EXPECT_EQ(worker.counters().catalogs_stored, 0);
  }
  EXPECT_EQ(read_all(centre.last_good()), before);

  // A newer, valid catalog signed with a key the terminal was not given: the centre restarted
  // with a new catalog signing key (as a forged centre behind the same TLS would sign).
  // (A centre never makes a key again by itself: the key is replaced, and its record removed,
  // by hand, as a forger with the folder would.)
  centre.server.reset();
  std::filesystem::remove(centre.config.data_dir / "catalog_signing.key");
  std::filesystem::remove(centre.config.data_dir / "keys.json");
  ASSERT_TRUE(centre::SigningKey::create(centre.config.data_dir / "catalog_signing.key").ok());
  {
    // ... and the records' note of the centre's keys (else the centre refuses the new key).
    auto records = store::Database::open(centre.config.data_dir / "centre.sqlite", {});
    ASSERT_TRUE(records.ok());
    ASSERT_TRUE(records->exec("DELETE FROM centre_keys").ok());
  }
  publish(centre.config.catalog_file, shipped_with_version(9));
  centre.start();
  ASSERT_TRUE(centre.server);
  {
    SyncWorker worker(centre.sync_options());
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
    worker.stop();
    EXPECT_EQ(worker.counters().catalogs_stored, 0);
    EXPECT_EQ(worker.catalog_version_stored(), 0);
  }
  EXPECT_EQ(read_all(centre.last_good()), before);

  // The shared function says why.
  HttpClient client(centre.http);
  CentreClient api(client, centre.server->base_url());
  const auto refused = update_catalog(api, centre.catalog_key, centre.last_good());
  EXPECT_EQ(refused.result, CatalogUpdate::Failed);
  EXPECT_NE(refused.message.find("does not verify"), std::string::npos) << refused.message;
  EXPECT_TRUE(refused.etag.empty()) << "a refused catalog is fetched in full next time";
}

TEST(CatalogUpdate, AnOlderCatalogNeverReplacesANewerOne) {
  CatalogCentre centre("catalog-older");
  ASSERT_TRUE(centre.server);
  const std::string newer = shipped_with_version(5);
  publish(centre.last_good(), newer);  // the terminal has version 5; the centre serves 1
  SyncWorker worker(centre.sync_options());
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
  worker.stop();
  EXPECT_EQ(worker.counters().catalogs_stored, 0);
  EXPECT_EQ(read_all(centre.last_good()), newer);

  HttpClient client(centre.http);
  CentreClient api(client, centre.server->base_url());
  const auto kept = update_catalog(api, centre.catalog_key, centre.last_good());
  EXPECT_EQ(kept.result, CatalogUpdate::KeptNewer) << kept.message;
  EXPECT_EQ(kept.version, 1);
}

TEST(CatalogUpdate, AnUnchangedCatalogCostsA304) {
  CatalogCentre centre("catalog-etag");
  ASSERT_TRUE(centre.server);
  HttpClient client(centre.http);
  CentreClient api(client, centre.server->base_url());
  const auto first = update_catalog(api, centre.catalog_key, centre.last_good());
  ASSERT_EQ(first.result, CatalogUpdate::Unchanged) << first.message;
  ASSERT_FALSE(first.etag.empty());
  auto raw = client.send(
      {Method::Get, centre.server->base_url() + "/v1/catalog", {{"If-None-Match", first.etag}}, {}});
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->status, 304);
  EXPECT_TRUE(raw->body.empty());
  const auto again = update_catalog(api, centre.catalog_key, centre.last_good(), first.etag);
  EXPECT_EQ(again.result, CatalogUpdate::Unchanged);
  // A new catalog has another ETag: fetched in full and stored.
  publish(centre.config.catalog_file, shipped_with_version(2));
  const auto changed = update_catalog(api, centre.catalog_key, centre.last_good(), first.etag);
  EXPECT_EQ(changed.result, CatalogUpdate::Stored) << changed.message;
  EXPECT_NE(changed.etag, first.etag);
  EXPECT_EQ(version_of(centre.last_good()), 2);
}

// The CSCA master list travels like the catalog: the centre serves its file signed with the
// catalog key (404 while it has none), the worker stores a newer list that verifies and parses
// as the kiosk's last good one, and keeps it when the centre offers an older or broken one.
namespace master_list {

const MasterListCheck kParse = [](std::string_view text) -> Result<int64_t> {
  auto list = cardreader::icao::parse_master_list(text);
  if (!list) return list.error();
  return list->version();
};

SyncOptions with_master_list(const CatalogCentre& centre) {
  SyncOptions options = centre.sync_options();
  options.csca_master_list_file = centre.terminal_dir / "catalog" / "csca-master-list.pem";
  options.csca_master_list_check = kParse;
  return options;
}

}  // namespace master_list

TEST(CscaMasterListUpdate, APublishedListIsStoredANewerReplacesItAnOlderOrBrokenOneDoesNot) {
  CatalogCentre centre("master-list");
  ASSERT_TRUE(centre.server);
  const SyncOptions options = master_list::with_master_list(centre);
  const auto published = centre.config.data_dir / "csca-master-list.pem";
  const auto csca = cardreader::icao::test_pki::TestCsca::make("UT");
  // One CRL for every version: ECDSA signatures differ each time one is made.
  const std::string certificate = csca.certificate_pem();
  const std::string crl = csca.crl_pem({});
  const auto list = [&](int64_t version) {
    return cardreader::icao::test_pki::master_list_text(version, {certificate}, {crl});
  };
  {
    SyncWorker worker(options);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
    worker.stop();
    EXPECT_FALSE(std::filesystem::exists(options.csca_master_list_file)) << "the centre publishes none yet";
  }
  publish(published, list(2));
  {
    SyncWorker worker(options);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(
        eventually([&] { return worker.counters().master_lists_stored == 1; }, std::chrono::seconds(10)));
    worker.stop();
  }
  EXPECT_EQ(read_all(options.csca_master_list_file), list(2)) << "the centre's exact bytes";
  struct stat info {};
  ASSERT_EQ(::stat(options.csca_master_list_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  // Older, then signed but not a master list: both refused, version 2 stays.
  for (const std::string& offered :
       {list(1), std::string("pishkhan-csca-master-list 9\nno certificates\n")}) {
    publish(published, offered);
    SyncWorker worker(options);
    ASSERT_TRUE(worker.start().ok());
    ASSERT_TRUE(eventually([&] { return worker.counters().catalog_checks >= 2; }, std::chrono::seconds(10)));
    worker.stop();
    EXPECT_EQ(worker.counters().master_lists_stored, 0);
    EXPECT_EQ(read_all(options.csca_master_list_file), list(2));
  }

  publish(published, list(3));
  SyncWorker worker(options);
  ASSERT_TRUE(worker.start().ok());
  ASSERT_TRUE(
      eventually([&] { return worker.counters().master_lists_stored == 1; }, std::chrono::seconds(10)));
  worker.stop();
  EXPECT_EQ(read_all(options.csca_master_list_file), list(3));
}

TEST(CscaMasterListUpdate, AListWhoseSignatureDoesNotVerifyIsRefused) {
  CatalogCentre centre("master-list-forged");
  ASSERT_TRUE(centre.server);
  const auto csca = cardreader::icao::test_pki::TestCsca::make("UT");
  publish(centre.config.data_dir / "csca-master-list.pem",
          cardreader::icao::test_pki::master_list_text(1, {csca.certificate_pem()}, {csca.crl_pem({})}));
  HttpClient http(centre.http);
  CentreClient client(http, centre.server->base_url());
  // The terminal holding another key: what a forged centre's signature looks like to it.
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(public_key, secret_key);
  const std::string other_key = to_base64(std::span<const uint8_t>(public_key, sizeof public_key));
  const auto file = centre.terminal_dir / "catalog" / "csca-master-list.pem";
  const MasterListUpdateResult refused =
      update_csca_master_list(client, other_key, file, master_list::kParse);
  EXPECT_EQ(refused.result, MasterListUpdate::Failed) << refused.message;
  EXPECT_FALSE(std::filesystem::exists(file));
  const MasterListUpdateResult stored =
      update_csca_master_list(client, centre.catalog_key, file, master_list::kParse);
  EXPECT_EQ(stored.result, MasterListUpdate::Stored) << stored.message;
  EXPECT_EQ(stored.version, 1);
}

}  // namespace
}  // namespace pk::sync::test
