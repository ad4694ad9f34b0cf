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

#include "diagnostics_fixture.h"

namespace fs = std::filesystem;
using namespace pk::provisioning;

namespace {
class Diagnostics : public test::DiagnosticsFixture {};
}  // namespace

TEST_F(Diagnostics, ExportedBundleHoldsWhatItShouldAndNoPersonalDataOrSecrets) {
  const Bundle bundle = collect_diagnostics(sources());
  auto exported = export_bundle(bundle, m_root / "usb", "SKO-TEST-0007", 1'790'000'100);
  ASSERT_TRUE(exported) << exported.error().message;
  EXPECT_EQ(exported->extension(), ".tar");

  // Unpacked by the system's tar: the archive is one a technician's laptop can open.
  auto files = test::unpack_with_tar(*exported, m_root / "unpacked");
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
  test::expect_no_personal_data_or_secrets(files);
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
