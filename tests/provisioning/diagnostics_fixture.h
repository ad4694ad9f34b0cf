#pragma once
// The diagnostics tests' shared set-up: a real store full of citizens' captures (sealed, as the
// kiosk saves them), a real ledger, a configuration with secrets and a kiosk log that leaks in
// every shape the redaction must catch; and the check that a bundle's files hold none of it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "capture_fixture.h"
#include "provisioning/diagnostics.h"
#include "sla/time_source.h"

namespace pk::provisioning::test {

namespace fs = std::filesystem;

constexpr const char* kKeyMaterial = "MC4CAQAwBQYDK2VwBCIEIKEYMATERIALxyz0123456789abcdef";
constexpr const char* kPinHash = "$argon2id$v=19$m=65536,t=2,p=1$U0FMVFNBTFQ$SEFTSEhBU0hIQVNI";
constexpr const char* kSecrets[] = {"s3cretPass",
                                    "TOKVALUE123",
                                    "ENRTOKEN999",
                                    "13579",
                                    kKeyMaterial,
                                    kPinHash,
                                    "/var/lib/pishkhan/keys/terminal.key"};

class DiagnosticsFixture : public ::testing::Test {
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
    m_codes = save_captures(*m_store, keys->public_key, 1'790'000'000);
    ASSERT_EQ(m_codes.size(), citizens().size());
    auto pending = m_store->pending_outbox(10, 1'790'000'000);
    ASSERT_TRUE(pending);
    ASSERT_FALSE(pending->empty());
    const auto& first = citizens()[0];
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
    for (size_t i = 0; i < citizens().size(); ++i) {
      const Citizen& c = citizens()[i];
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

// Unpacks `archive` with the system's tar into `out`; returns each file's content by name.
inline std::map<std::string, std::string> unpack_with_tar(const fs::path& archive, const fs::path& out) {
  std::map<std::string, std::string> files;
  fs::create_directories(out);
  const std::string command = "tar -xf '" + archive.string() + "' -C '" + out.string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  for (const auto& entry : fs::recursive_directory_iterator(out))
    if (entry.is_regular_file()) files[entry.path().filename().string()] = read_file(entry.path());
  return files;
}

// No citizen's data (nor a recognisable part of it) and no secret in any file: grep every file
// for every value.
inline void expect_no_personal_data_or_secrets(const std::map<std::string, std::string>& files) {
  for (const auto& [name, content] : files) {
    for (const Citizen& c : citizens()) {
      for (const std::string& value : {c.name, c.name_fa, c.national_id, c.phone, c.address}) {
        EXPECT_EQ(content.find(value), std::string::npos) << name << " holds \"" << value << "\"";
      }
      const std::string surname = c.name.substr(c.name.find(' ') + 1);
      EXPECT_EQ(content.find(surname), std::string::npos) << name << " holds \"" << surname << "\"";
    }
    for (const char* secret : kSecrets)
      EXPECT_EQ(content.find(secret), std::string::npos) << name << ": " << secret;
  }
}

}  // namespace pk::provisioning::test
