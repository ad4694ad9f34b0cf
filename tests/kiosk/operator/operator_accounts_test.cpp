// Operator accounts: argon2id hashes in a 0600 file written atomically, wrong PINs never log
// in, and the lockout after five failures survives a restart. A real file in the test folder.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/operator_accounts.h"

namespace fs = std::filesystem;
using namespace pk::kiosk::op;

namespace {

class OperatorAccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::path(PK_TEST_BINARY_DIR) / ("accounts_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  [[nodiscard]] fs::path file() const { return OperatorAccounts::default_path(m_dir); }
  std::unique_ptr<OperatorAccounts> open() {
    auto accounts = OperatorAccounts::open(file());
    EXPECT_TRUE(accounts) << accounts.error().message;
    return std::move(accounts.value());
  }
  std::string contents() const {
    std::ifstream in(file());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path m_dir;
  const int64_t m_t0 = 1'800'000'000;
};

}  // namespace

TEST_F(OperatorAccountsTest, PinIsStoredAsArgon2idHashInAFileOnlyTheOwnerReads) {
  auto accounts = open();
  ASSERT_TRUE(accounts->set_operator("1001", "246810", m_t0));
  const OperatorAccount* a = accounts->find("1001");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->pin_hash.rfind("$argon2id$", 0), 0u) << a->pin_hash;
  EXPECT_NE(a->pin_hash.find("m=65536"), std::string::npos) << "interactive memory limit (64 MiB)";

  struct stat st {};
  ASSERT_EQ(::stat(file().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  for (const auto& entry : fs::directory_iterator(m_dir))
    EXPECT_EQ(entry.path(), file()) << "the temporary was renamed into place";
  const std::string text = contents();
  EXPECT_NE(text.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(text.find("\"246810\""), std::string::npos) << "the PIN itself is never written";

  // Even when the file existed with looser permissions, a rewrite leaves it 0600.
  ASSERT_EQ(::chmod(file().c_str(), 0644), 0);
  ASSERT_TRUE(accounts->set_operator("1002", "1234", m_t0));
  ASSERT_EQ(::stat(file().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  // The same PIN for two operators gives two different hashes (a salt each).
  ASSERT_TRUE(accounts->set_operator("1003", "246810", m_t0));
  EXPECT_NE(accounts->find("1001")->pin_hash, accounts->find("1003")->pin_hash);
}

TEST_F(OperatorAccountsTest, RightPinLogsInWhateverTheDigits) {
  auto accounts = open();
  ASSERT_TRUE(accounts->set_operator("1001", "246810", m_t0));
  EXPECT_EQ(accounts->verify("1001", "246810", m_t0).outcome, LoginOutcome::Ok);
  EXPECT_EQ(accounts->verify("۱۰۰۱", "۲۴۶۸۱۰", m_t0).outcome, LoginOutcome::Ok) << "Persian digits";
  EXPECT_EQ(accounts->verify("1001", "٢٤٦٨١٠", m_t0).outcome, LoginOutcome::Ok) << "Arabic-Indic digits";
}

TEST_F(OperatorAccountsTest, AWrongPinNeverLogsIn) {
  auto accounts = open();
  ASSERT_TRUE(accounts->set_operator("1001", "246810", m_t0));
  ASSERT_TRUE(accounts->set_operator("1002", "135790", m_t0));
  for (const char* pin : {"", "24681", "2468100", "246811", "135790", "0246810", "abcd", "246810 "}) {
    SCOPED_TRACE(pin);
    const LoginResult r = accounts->verify("1001", pin, m_t0);
    // "246810 " normalises (spaces are dropped), so it is the right PIN: everything else is wrong.
    if (std::string(pin) == "246810 ") {
      EXPECT_EQ(r.outcome, LoginOutcome::Ok);
    } else {
      EXPECT_NE(r.outcome, LoginOutcome::Ok);
    }
    // Success resets the counter; keep below the lock for this test.
    if (r.outcome != LoginOutcome::Ok && r.attempts_left == 1) {
      ASSERT_EQ(accounts->verify("1001", "246810", m_t0).outcome, LoginOutcome::Ok);
    }
  }
  EXPECT_EQ(accounts->verify("9999", "246810", m_t0).outcome, LoginOutcome::WrongCredentials) << "unknown id";
  EXPECT_EQ(accounts->verify("", "246810", m_t0).outcome, LoginOutcome::WrongCredentials);
}

TEST_F(OperatorAccountsTest, FiveWrongPinsLockTheAccountForFiveMinutesEvenAcrossARestart) {
  {
    auto accounts = open();
    ASSERT_TRUE(accounts->set_operator("1001", "246810", m_t0));
    for (int i = 1; i <= 4; ++i) {
      const LoginResult r = accounts->verify("1001", "1111", m_t0 + i);
      EXPECT_EQ(r.outcome, LoginOutcome::WrongCredentials);
      EXPECT_EQ(r.attempts_left, kMaxFailures - i);
    }
  }
  {
    // A restart after four failures: the count was on disk, the fifth locks.
    auto accounts = open();
    EXPECT_EQ(accounts->find("1001")->failures, 4);
    const LoginResult r = accounts->verify("1001", "1111", m_t0 + 5);
    EXPECT_EQ(r.outcome, LoginOutcome::LockedOut);
    EXPECT_EQ(r.locked_until_unix, m_t0 + 5 + kLockoutSeconds);
    EXPECT_EQ(accounts->verify("1001", "246810", m_t0 + 6).outcome, LoginOutcome::LockedOut)
        << "the right PIN does not open a locked account";
  }
  {
    // Pulling the plug does not open the lock either.
    auto accounts = open();
    EXPECT_EQ(accounts->verify("1001", "246810", m_t0 + 5 + kLockoutSeconds - 1).outcome,
              LoginOutcome::LockedOut);
    EXPECT_EQ(accounts->verify("1001", "246810", m_t0 + 5 + kLockoutSeconds).outcome, LoginOutcome::Ok)
        << "five minutes later it opens";
    EXPECT_EQ(accounts->find("1001")->failures, 0);
  }
}

TEST_F(OperatorAccountsTest, ACorruptOrForeignFileIsRefusedNotReplaced) {
  {
    std::ofstream out(file());
    out << "{\"version\": 1, \"operators\": [{\"id\": \"1001\", \"pin_hash\": \"plaintext-1234\"}]}";
  }
  EXPECT_FALSE(OperatorAccounts::open(file())) << "a hash that is not argon2id";
  {
    std::ofstream out(file());
    out << "{ not json";
  }
  EXPECT_FALSE(OperatorAccounts::open(file()));
  EXPECT_EQ(contents(), "{ not json") << "left as it was, for a technician to look at";
}

// What a technician reads when the file is refused: the file, the operator's place in it, the
// field and what is wrong, as for every other file the terminal reads.
TEST_F(OperatorAccountsTest, ARefusedFileIsExplainedByFieldWithAKind) {
  const std::string hash = "\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"";
  const std::pair<std::string, std::string> cases[] = {
      {"{ not json", "line 1, column 4: JSON syntax error"},
      {R"({"version": 2, "operators": []})", "field \"version\": must be 1, not 2"},
      {R"({"version": 1})", "field \"operators\": is missing"},
      {R"({"version": 1, "operators": [], "extra": 1})", "field \"extra\": is not a field of this format"},
      {R"({"version": 1, "operators": [{"id": "12", "pin_hash": )" + hash + "}]}",
       "field \"operators[0].id\": must be a personnel number of 3 to 12 digits"},
      {R"({"version": 1, "operators": [{"id": "1001", "pin_hash": "1234"}]})",
       "field \"operators[0].pin_hash\": must be an argon2id hash"},
      {R"({"version": 1, "operators": [{"id": "1001", "pin_hash": )" + hash +
           R"(}, {"id": "1001", "pin_hash": )" + hash + "}]}",
       "field \"operators[1].id\": names an operator listed before"},
      {R"({"version": 1, "operators": [{"id": "1001", "pin_hash": )" + hash + R"(, "failures": -1}]})",
       "field \"operators[0].failures\": must be an integer between 0 and 5, not -1"},
  };
  for (const auto& [text, said] : cases) {
    {
      std::ofstream out(file(), std::ios::trunc);
      out << text;
    }
    auto accounts = OperatorAccounts::open(file());
    ASSERT_FALSE(accounts) << text;
    EXPECT_EQ(accounts.error().kind, pk::ErrorKind::Malformed) << text;
    EXPECT_NE(accounts.error().message.find(file().string()), std::string::npos) << accounts.error().message;
    EXPECT_NE(accounts.error().message.find(said), std::string::npos)
        << "for " << text << "\n said: " << accounts.error().message << "\n expected: " << said;
    EXPECT_EQ(contents(), text) << "left as it was";
  }
}

TEST_F(OperatorAccountsTest, AFileWrittenWithoutTheOptionalCountersIsRead) {
  {
    std::ofstream out(file());
    out << R"({"version": 1, "operators": [{"id": "1001", "pin_hash": "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"}]})";
  }
  auto accounts = open();
  ASSERT_NE(accounts->find("1001"), nullptr);
  EXPECT_EQ(accounts->find("1001")->failures, 0);
  EXPECT_EQ(accounts->find("1001")->locked_until_unix, 0);
}

TEST(OperatorIds, PersonnelNumbersAndPinsAreDigits) {
  EXPECT_EQ(normalise_operator_id("۱۰۰۱").value(), "1001");
  EXPECT_FALSE(normalise_operator_id("12"));
  EXPECT_FALSE(normalise_operator_id("op1"));
  EXPECT_FALSE(normalise_pin("123"));
  EXPECT_FALSE(normalise_pin("1234567890123"));
  EXPECT_EQ(normalise_pin("٠١٢٣").value(), "0123");
}
