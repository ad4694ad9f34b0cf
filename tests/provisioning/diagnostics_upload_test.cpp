// The diagnostics bundle sent to the real reference centre on loopback over mutual TLS: it
// arrives byte-identical and filed under the certificate's terminal, a retry gets the same
// receipt and stores nothing twice, a terminal that is not enrolled or was revoked is refused
// with its reason, and what the centre holds carries no citizen's data, no secret and not the
// terminal's own private key (the store behind the bundle is full of sealed captures).
#include "provisioning/diagnostics_upload.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <sstream>

#include "diagnostics_fixture.h"
#include "protocol/diagnostics_bundle.h"
#include "tests/sync/sync_test_support.h"

namespace fs = std::filesystem;
using namespace pk::provisioning;

namespace {

constexpr const char* kTerminal = "SKO-DIAG-0001";

class DiagnosticsUpload : public test::DiagnosticsFixture {
 protected:
  void SetUp() override {
    test::DiagnosticsFixture::SetUp();
    if (HasFatalFailure()) return;
    pk::centre::CentreConfig config;
    config.data_dir = m_root / "centre";
    config.catalog_file = fs::path(PK_SOURCE_DATA_DIR) / "catalog.json";
    config.revocation_check_interval = std::chrono::milliseconds(0);  // a revocation counts at once
    auto started = pk::centre::CentreServer::start(config);
    ASSERT_TRUE(started) << started.error().message;
    m_centre = std::move(started).value();
    // Enrolled for real into the data folder the bundle reads: its true private key is then on
    // disk beside the store, and must not travel.
    fs::remove(m_data / "keys" / "terminal.key");
    const pk::sync::TlsOptions tls = pk::sync::test::enroll_terminal(*m_centre, m_data, kTerminal);
    ASSERT_FALSE(tls.client_cert_file.empty());
    m_private_key = test::read_file(tls.client_key_file);
    ASSERT_NE(m_private_key.find("PRIVATE KEY"), std::string::npos);
  }
  void TearDown() override {
    m_centre.reset();
    test::DiagnosticsFixture::TearDown();
  }

  std::unique_ptr<pk::centre::CentreServer> m_centre;
  std::string m_private_key;
};

}  // namespace

TEST_F(DiagnosticsUpload, ArrivesByteIdenticalUnderTheCertificatesTerminalWithoutPersonalData) {
  const Bundle bundle = collect_diagnostics(sources());
  const UploadResult sent = upload_diagnostics(m_data, bundle, 1'790'000'100);
  ASSERT_EQ(sent.outcome, UploadOutcome::Sent) << sent.detail;
  EXPECT_EQ(sent.http_status, 201);
  EXPECT_FALSE(sent.receipt_id.empty());

  auto held = m_centre->diagnostics().list();
  ASSERT_TRUE(held) << held.error().message;
  ASSERT_EQ(held->size(), 1U);
  const pk::centre::DiagnosticsReceipt& at_centre = held->front();
  EXPECT_EQ(at_centre.receipt_id, sent.receipt_id);
  EXPECT_EQ(at_centre.terminal_id, kTerminal);
  EXPECT_EQ(at_centre.sha256_hex, sent.sha256_hex);
  EXPECT_EQ(at_centre.bytes, sent.bytes);
  EXPECT_NEAR(static_cast<double>(at_centre.received_unix), static_cast<double>(std::time(nullptr)), 60.0);
  // Byte for byte the archive the terminal makes of this bundle (the same tar as the USB export).
  const std::string stored = test::read_file(at_centre.file);
  EXPECT_EQ(stored, bundle_archive(bundle, kTerminal, 1'790'000'100));
  EXPECT_EQ(at_centre.file.parent_path().filename(), kTerminal);

  // Opened as centre staff would: the system's tar, then every file grepped.
  auto files = test::unpack_with_tar(at_centre.file, m_root / "at-centre");
  ASSERT_EQ(files.size(), pk::centre::kDiagnosticsBundleFiles.size());
  EXPECT_NE(files["outbox.txt"].find("waiting to be sent: 2"), std::string::npos) << files["outbox.txt"];
  test::expect_no_personal_data_or_secrets(files);
  for (const auto& [name, content] : files) {
    EXPECT_EQ(content.find("PRIVATE KEY"), std::string::npos) << name;
    // No line of the terminal's real key (the base64 body lines are long enough to be unique).
    std::istringstream key(m_private_key);
    for (std::string line; std::getline(key, line);) {
      if (line.size() > 40) {
        EXPECT_EQ(content.find(line), std::string::npos) << name << " holds the private key";
      }
    }
  }
}

// A retry after a lost reply sends the same bytes: the first receipt comes back, no second copy.
TEST_F(DiagnosticsUpload, ARetryIsIdempotent) {
  const Bundle bundle = collect_diagnostics(sources());
  const UploadResult first = upload_diagnostics(m_data, bundle, 1'790'000'100);
  ASSERT_TRUE(first.ok()) << first.detail;
  const UploadResult again = upload_diagnostics(m_data, bundle, 1'790'000'100);
  ASSERT_TRUE(again.ok()) << again.detail;
  EXPECT_EQ(again.receipt_id, first.receipt_id);
  EXPECT_EQ(again.http_status, 200);
  auto held = m_centre->diagnostics().list();
  ASSERT_TRUE(held);
  EXPECT_EQ(held->size(), 1U);
  int tars = 0;
  for (const auto& entry : fs::recursive_directory_iterator(m_root / "centre" / "diagnostics"))
    tars += entry.path().extension() == ".tar";
  EXPECT_EQ(tars, 1);

  // A later bundle (another time in its folder name) is a new one.
  const UploadResult later = upload_diagnostics(m_data, bundle, 1'790'000'200);
  ASSERT_TRUE(later.ok()) << later.detail;
  EXPECT_NE(later.receipt_id, first.receipt_id);
  EXPECT_EQ(m_centre->diagnostics().list()->size(), 2U);
}

TEST_F(DiagnosticsUpload, ATerminalThatIsNotEnrolledSaysSo) {
  const UploadResult result =
      upload_diagnostics(m_root / "never-enrolled", collect_diagnostics(sources()), 0);
  EXPECT_EQ(result.outcome, UploadOutcome::NotEnrolled);
  EXPECT_NE(result.detail.find("never-enrolled"), std::string::npos) << result.detail;
  EXPECT_TRUE(m_centre->diagnostics().list()->empty());
}

TEST_F(DiagnosticsUpload, ARevokedTerminalIsRefusedWithTheCentresReason) {
  ASSERT_TRUE(m_centre->enrollment().revoke_terminal(kTerminal, std::time(nullptr)));
  const UploadResult result = upload_diagnostics(m_data, collect_diagnostics(sources()), 1'790'000'100);
  EXPECT_EQ(result.outcome, UploadOutcome::Refused);
  EXPECT_EQ(result.http_status, 403);
  EXPECT_NE(result.detail.find("revoked"), std::string::npos) << result.detail;
  EXPECT_TRUE(m_centre->diagnostics().list()->empty());
}

TEST_F(DiagnosticsUpload, AnUnreachableCentreIsSaidToBeUnreachable) {
  m_centre->stop();
  pk::sync::HttpOptions quick;
  quick.connect_timeout = std::chrono::milliseconds(2'000);
  quick.total_timeout = std::chrono::milliseconds(5'000);
  const UploadResult result =
      upload_diagnostics(m_data, collect_diagnostics(sources()), 1'790'000'100, quick);
  EXPECT_EQ(result.outcome, UploadOutcome::Unreachable);
  EXPECT_EQ(result.http_status, 0);
  EXPECT_FALSE(result.detail.empty());
}

// The centre's list of expected files is the list the terminal writes.
TEST_F(DiagnosticsUpload, TheCentreExpectsExactlyTheFilesTheTerminalWrites) {
  const Bundle bundle = collect_diagnostics(sources());
  ASSERT_EQ(bundle.files.size(), pk::centre::kDiagnosticsBundleFiles.size());
  for (const BundleFile& file : bundle.files)
    EXPECT_NE(std::find(pk::centre::kDiagnosticsBundleFiles.begin(),
                        pk::centre::kDiagnosticsBundleFiles.end(), file.name),
              pk::centre::kDiagnosticsBundleFiles.end())
        << file.name;
  auto checked = pk::centre::check_diagnostics_bundle(bundle_archive(bundle, kTerminal, 1'790'000'100));
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->folder, "pishkhan-diagnostics-SKO-DIAG-0001-20260921-141500");
}
