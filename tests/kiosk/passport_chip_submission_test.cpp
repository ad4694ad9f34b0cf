// The submission records what the passport chip's passive authentication found: the sealed
// personal part carries "passport_chip" when a chip was read, and nothing new otherwise (the
// centre's older readers see the same keys as before).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "domain/tracking_code.h"
#include "kiosk/citizen/citizen_submission.h"
#include "kiosk/config.h"
#include "protocol/sealing.h"

namespace pk::kiosk {
namespace {

namespace fs = std::filesystem;
using cardreader::icao::PassiveAuth;

class PassportChipSubmission : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("chip_submission_" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
    auto store = store::Store::open(m_dir / "store.db");
    ASSERT_TRUE(store) << store.error().message;
    m_store = std::move(store).value();
    auto keys = store::generate_key_pair();
    ASSERT_TRUE(keys);
    m_keys = std::move(keys.value());
  }
  void TearDown() override {
    m_store.reset();
    fs::remove_all(m_dir);
  }
  // Submits a passport application with `chip` and returns its personal part in the clear.
  std::string submitted(std::optional<PassiveAuth> chip) {
    CitizenState state;
    state.service = 3;
    state.consent = true;
    state.identity.kind = identity::IdKind::Passport;
    state.identity.number_normalised = "L898902C";
    state.identity.mobile_normalised = "09121234567";
    state.identity.chip = chip;
    const Config config = default_config(PK_SOURCE_DATA_DIR);
    const SubmissionContext ctx{
        .store = *m_store, .centre_key = m_keys.public_key, .config = config, .now_unix = 1'800'000'000};
    auto saved = submit_application(ctx, state);
    EXPECT_TRUE(saved) << saved.error().message;
    if (!saved) return {};
    auto record = m_store->find_by_tracking_code(saved->tracking_code);
    EXPECT_TRUE(record && record.value().has_value());
    if (!record || !record.value().has_value()) return {};
    auto personal = store::open_sealed(record.value()->sealed_personal, m_keys);
    EXPECT_TRUE(personal) << personal.error().message;
    return personal ? std::string(personal->bytes().begin(), personal->bytes().end()) : std::string();
  }

  fs::path m_dir;
  std::unique_ptr<store::Store> m_store;
  store::KeyPair m_keys;
};

TEST_F(PassportChipSubmission, RecordsAVerifiedChip) {
  const std::string clear = submitted(PassiveAuth::Verified);
  EXPECT_NE(clear.find(R"("passport_chip":"verified")"), std::string::npos) << clear;
}

TEST_F(PassportChipSubmission, RecordsAnUnverifiedChipWithWhy) {
  const std::string clear = submitted(PassiveAuth::SignatureInvalid);
  EXPECT_NE(clear.find(R"("passport_chip":"signature_invalid")"), std::string::npos) << clear;
}

TEST_F(PassportChipSubmission, NoChipReadAddsNoKey) {
  const std::string clear = submitted(std::nullopt);
  EXPECT_EQ(clear.find("passport_chip"), std::string::npos) << clear;
  EXPECT_NE(clear.find(R"("id_number":"L898902C")"), std::string::npos) << clear;
}

}  // namespace
}  // namespace pk::kiosk
