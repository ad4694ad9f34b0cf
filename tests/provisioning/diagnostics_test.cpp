// The diagnostics bundle against a real store full of citizens' captures, a real ledger, a
// configuration with secrets and a kiosk log that leaks: the exported tar (unpacked by the
// system's own tar) holds what a technician needs and none of the personal data or secrets.
#include "provisioning/diagnostics.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "capture_fixture.h"
#include "sla/time_source.h"

namespace fs = std::filesystem;
using namespace pk::provisioning;

namespace {

using pk::provisioning::test::read_file;

constexpr const char* kKeyMaterial = "MC4CAQAwBQYDK2VwBCIEIKEYMATERIALxyz0123456789abcdef";
constexpr const char* kPinHash = "$argon2id$v=19$m=65536,t=2,p=1$U0FMVFNBTFQ$SEFTSEhBU0hIQVNI";
constexpr const char* kSecrets[] = {"s3cretPass",
                                    "TOKVALUE123",
                                    "ENRTOKEN999",
                                    "13579",
                                    kKeyMaterial,
                                    kPinHash,
                                    "/var/lib/pishkhan/keys/terminal.key"};

class Diagnostics : public ::testing::Test {
 protected:
  void SetUp() override {
    m_root = fs::path(PK_TEST_BINARY_DIR) / ("diagnostics_" + std::to_string(::getpid()));
    fs::remove_all(m_root);
    m_data = m_root / "var";
    fs::create_directories(m_data / "keys");
    fs::create_directories(m_root / "usb");
    std::ofstream(m_data / "keys" / "terminal.key") << "-----BEGIN PRIVATE KEY-----\n"
                                                    << kKeyMaterial << "\n";
    std::ofstream(m_data / "technicians.json") << "{\"4321\": \"" << kPinHash << "\"}\n";
    ASSERT_TRUE(pk::store::init_sodium());
    auto keys = pk::store::generate_key_pair();
    ASSERT_TRUE(keys);
    auto store = pk::store::Store::open(m_data / "pishkhan.db");
    ASSERT_TRUE(store) << store.error().message;
    m_store = std::move(store.value());
    m_codes = test::save_captures(*m_store, keys->public_key, 1'790'000'000);
    ASSERT_EQ(m_codes.size(), test::citizens().size());
    auto pending = m_store->pending_outbox(10, 1'790'000'000);
    ASSERT_TRUE(pending);
    ASSERT_FALSE(pending->empty());
    const auto& first = test::citizens()[0];
    ASSERT_TRUE(m_store->record_attempt((*pending)[0].id,
                                        "HTTP 503 from centre while sending national_id=" + first.national_id,
                                        1'790'000'060));
    auto ledger = pk::sla::Ledger::open(m_data / "pishkhan.db", m_time);
    ASSERT_TRUE(ledger) << ledger.error().message;
    m_ledger = std::move(ledger.value());

    m_config = m_root / "pishkhan.toml";
    std::ofstream(m_config)
        << "[terminal]\nid = \"SKO-TEST-0007\"\nnumber = 7\n"
           "[centre]\nurl = \"https://kiosk:s3cretPass@centre.example/api?token=TOKVALUE123\"\n"
           "enrollment_token = \"ENRTOKEN999\"\n"
           "[paths]\ndata_dir = \"var\"\nterminal_key = \"/var/lib/pishkhan/keys/terminal.key\"\n"
           "[technician]\ndefault_pin = \"13579\"\n";
    // A log that leaks, in every shape the redaction must catch.
    m_log = m_root / "kiosk.log";
    std::ofstream log(m_log);
    for (size_t i = 0; i < test::citizens().size(); ++i) {
      const test::Citizen& c = test::citizens()[i];
      log << "[2026-11-25 10:00:0" << i << ".000] [info] saved " << m_codes[i] << "\n";
      log << "[2026-11-25 10:00:0" << i << ".100] [debug] identify name=" << c.name
          << ", national_id=" << c.national_id << ", phone=" << c.phone << ", address=" << c.address << "\n";
      log << "[2026-11-25 10:00:0" << i << ".200] [warn] citizen " << c.name << " typed " << c.phone
          << " and " << c.national_id << " (" << c.name_fa << ")\n";
      log << "[2026-11-25 10:00:0" << i << ".300] [warn] failure report text: " << c.name_fa << " از "
          << c.address << "\n";
    }
  }
  void TearDown() override {
    m_ledger.reset();
    m_store.reset();
    fs::remove_all(m_root);
  }

  DiagnosticsSources sources() {
    DiagnosticsSources s;
    s.config_file = m_config;
    s.data_dir = m_data;
    s.store = m_store.get();
    s.ledger = m_ledger.get();
    s.services = {1, 2, 3};
    DiscoveryOptions discovery;
    discovery.sim_printer_dir = m_data / "receipts";
    discovery.real_backends = false;
    s.devices = discover_devices(discovery);
    s.self_tests.push_back(
        SelfTestResult{DeviceRole::Scanner, "sim:", TestOutcome::Passed, "page 1654 x 2339", {}});
    s.log_files = {m_root / "missing.log", m_log};
    s.terminal_id = "SKO-TEST-0007";
    s.now_unix = 1'790'000'100;
    return s;
  }

  fs::path m_root, m_data, m_config, m_log;
  pk::sla::SystemTimeSource m_time;
  std::unique_ptr<pk::store::Store> m_store;
  std::unique_ptr<pk::sla::Ledger> m_ledger;
  std::vector<std::string> m_codes;
};

}  // namespace

TEST_F(Diagnostics, ExportedBundleHoldsWhatItShouldAndNoPersonalDataOrSecrets) {
  const Bundle bundle = collect_diagnostics(sources());
  auto exported = export_bundle(bundle, m_root / "usb", "SKO-TEST-0007", 1'790'000'100);
  ASSERT_TRUE(exported) << exported.error().message;
  EXPECT_EQ(exported->extension(), ".tar");

  // Unpacked by the system's tar: the archive is one a technician's laptop can open.
  const fs::path out = m_root / "unpacked";
  fs::create_directories(out);
  const std::string command = "tar -xf '" + exported->string() + "' -C '" + out.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(out))
    if (entry.is_regular_file()) files[entry.path().filename().string()] = read_file(entry.path());
  for (const char* name : {"README.txt", "versions.txt", "config.toml", "devices.txt", "store.txt",
                           "outbox.txt", "service_levels.txt", "log.txt"})
    ASSERT_TRUE(files.contains(name)) << name;

  // What it should contain.
  EXPECT_NE(files["versions.txt"].find("sqlite: 3."), std::string::npos) << files["versions.txt"];
  EXPECT_NE(files["versions.txt"].find(product_version()), std::string::npos);
  EXPECT_NE(files["config.toml"].find("SKO-TEST-0007"), std::string::npos) << files["config.toml"];
  EXPECT_NE(files["config.toml"].find("https://centre.example/api"), std::string::npos)
      << files["config.toml"];
  EXPECT_NE(files["devices.txt"].find("Simulated card reader"), std::string::npos);
  EXPECT_NE(files["devices.txt"].find("self-test scanner sim:: passed"), std::string::npos)
      << files["devices.txt"];
  EXPECT_NE(files["store.txt"].find("schema version: " + std::to_string(m_store->schema_version())),
            std::string::npos);
  EXPECT_NE(files["outbox.txt"].find("waiting to be sent: 2"), std::string::npos) << files["outbox.txt"];
  EXPECT_NE(files["outbox.txt"].find("HTTP 503 from centre"), std::string::npos) << files["outbox.txt"];
  EXPECT_NE(files["service_levels.txt"].find("service |"), std::string::npos) << files["service_levels.txt"];
  for (const std::string& code : m_codes)
    EXPECT_NE(files["log.txt"].find(code), std::string::npos) << "tracking codes are kept";
  EXPECT_EQ(bundle.summary.pending_outbox, 2);
  EXPECT_EQ(bundle.summary.log_lines, 8);

  // What it must never contain: grep every file for every value.
  for (const auto& [name, content] : files) {
    for (const test::Citizen& c : test::citizens()) {
      for (const std::string& value : {c.name, c.name_fa, c.national_id, c.phone, c.address}) {
        EXPECT_EQ(content.find(value), std::string::npos) << name << " holds \"" << value << "\"";
      }
      // Nor a recognisable part of them.
      const std::string surname = c.name.substr(c.name.find(' ') + 1);
      EXPECT_EQ(content.find(surname), std::string::npos) << name << " holds \"" << surname << "\"";
    }
    for (const char* secret : kSecrets)
      EXPECT_EQ(content.find(secret), std::string::npos) << name << ": " << secret;
  }
}

TEST_F(Diagnostics, ExportDestinationsAreMountedMediaThenConfiguredFolders) {
  const fs::path mounts = m_root / "mounts";
  std::ofstream(mounts) << "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/kiosk/USB\\040STICK vfat rw 0 0\n"
                           "/dev/sdc1 /run/media/tech/DATA exfat rw 0 0\ntmpfs /run tmpfs rw 0 0\n";
  const auto list = export_destinations({m_root / "usb", m_root / "absent"}, mounts);
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[0], "/media/kiosk/USB STICK");
  EXPECT_EQ(list[1], "/run/media/tech/DATA");
  EXPECT_EQ(list[2], m_root / "usb");
  EXPECT_FALSE(export_bundle(collect_diagnostics(sources()), m_root / "absent", "T", 0));
}

TEST_F(Diagnostics, BrokenConfigurationIsNotCopied) {
  const std::string text = redact_config("[centre]\nurl = \"https://x?token=ABCSECRET\"\npin = \n");
  EXPECT_NE(text.find("not valid TOML"), std::string::npos);
  EXPECT_EQ(text.find("ABCSECRET"), std::string::npos);
}
