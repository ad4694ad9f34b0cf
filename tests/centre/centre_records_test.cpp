// Enrollment records (codes, certificates, the fleet) and diagnostics bundles on each backend
// (SQLite files, PostgreSQL): the same answers from both, and on PostgreSQL the same rules when
// two centre instances race.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "protocol/enrollment_code.h"
#include "tests/centre/backend_fixture.h"

namespace pk::centre::test {
namespace {

constexpr int64_t kNow = 1'760'000'000;

IssuedCertificate certificate(const std::string& name) { return {"PEM " + name, "cert-" + name}; }

std::string reply_with(int number) { return "reply " + std::to_string(number); }

class EnrollmentRecords : public BackendTest {};

TEST_P(EnrollmentRecords, ACodeIsUsedOnceAndItsReplyKept) {
  auto store = open_enrollment();
  ASSERT_TRUE(store);
  auto code = store->issue_code("A", "SKO-0001", kNow, 3600);
  ASSERT_TRUE(code.ok()) << code.error().message;
  const std::string hash = enroll::enrollment_code_hash(code->code);
  auto fresh = store->check_code(hash, kNow);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(fresh->state, CodeState::Fresh);
  EXPECT_EQ(fresh->terminal_id, "SKO-0001");
  EXPECT_EQ(fresh->office, "A");
  EXPECT_EQ(fresh->expires_unix, kNow + 3600);

  auto reply = store->complete_enrollment(hash, "key-1", certificate("1"), kNow, reply_with);
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(*reply, "reply 1");
  auto used = store->check_code(hash, kNow);
  ASSERT_TRUE(used.ok());
  EXPECT_EQ(used->state, CodeState::Used);
  EXPECT_EQ(used->used_key_sha256, "key-1");
  EXPECT_EQ(used->used_cert_sha256, "cert-1");
  EXPECT_EQ(used->reply, "reply 1");
  auto again = store->complete_enrollment(hash, "key-2", certificate("2"), kNow, reply_with);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "enrollment code is no longer valid");

  auto authorised = store->authorise("cert-1");
  ASSERT_TRUE(authorised.ok());
  EXPECT_EQ(authorised->state, CertificateState::Active);
  EXPECT_EQ(authorised->terminal_id, "SKO-0001");
  auto unknown = store->authorise("cert-unknown");
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->state, CertificateState::Unknown);
  auto nothing = store->check_code(enroll::enrollment_code_hash("no such code"), kNow);
  ASSERT_TRUE(nothing.ok());
  EXPECT_EQ(nothing->state, CodeState::Unknown);
}

TEST_P(EnrollmentRecords, AnExpiredCodeCannotBeUsed) {
  auto store = open_enrollment();
  ASSERT_TRUE(store);
  auto code = store->issue_code("A", "SKO-0001", kNow, 60);
  ASSERT_TRUE(code.ok());
  const std::string hash = enroll::enrollment_code_hash(code->code);
  auto expired = store->check_code(hash, kNow + 60);
  ASSERT_TRUE(expired.ok());
  EXPECT_EQ(expired->state, CodeState::Expired);
  EXPECT_FALSE(store->complete_enrollment(hash, "key", certificate("1"), kNow + 60, reply_with).ok());
  EXPECT_FALSE(store->issue_code("A", "bad/id", kNow, 60).ok());
}

TEST_P(EnrollmentRecords, EnrollingAgainGivesAFreshNumberAndRevokesTheOldCertificate) {
  auto store = open_enrollment();
  ASSERT_TRUE(store);
  const auto enroll = [&](const std::string& terminal, const std::string& cert) {
    auto code = store->issue_code("A", terminal, kNow, 3600);
    EXPECT_TRUE(code.ok());
    auto reply = store->complete_enrollment(enroll::enrollment_code_hash(code->code), "key-" + cert,
                                            certificate(cert), kNow, reply_with);
    EXPECT_TRUE(reply.ok()) << (reply.ok() ? "" : reply.error().message);
    return reply ? *reply : std::string();
  };
  EXPECT_EQ(enroll("SKO-0001", "a"), "reply 1");
  EXPECT_EQ(enroll("SKO-0002", "b"), "reply 2");
  EXPECT_EQ(enroll("SKO-0001", "c"), "reply 3");  // number 1 is retired, never given again
  EXPECT_EQ(store->authorise("cert-a")->state, CertificateState::Revoked);
  EXPECT_EQ(store->authorise("cert-c")->state, CertificateState::Active);
  EXPECT_EQ(enroll("SKO-0003", "d"), "reply 4");
}

TEST_P(EnrollmentRecords, RevokingATerminalRefusesItsCertificatesAndVoidsItsCodes) {
  auto store = open_enrollment();
  ASSERT_TRUE(store);
  auto code = store->issue_code("A", "SKO-0001", kNow, 3600);
  ASSERT_TRUE(store
                  ->complete_enrollment(enroll::enrollment_code_hash(code->code), "k", certificate("1"), kNow,
                                        reply_with)
                  .ok());
  auto spare = store->issue_code("A", "SKO-0001", kNow, 3600);
  ASSERT_TRUE(spare.ok());
  auto revoked = store->revoke_terminal("SKO-0001", kNow + 10);
  ASSERT_TRUE(revoked.ok()) << revoked.error().message;
  EXPECT_EQ(*revoked, 1);
  EXPECT_EQ(store->authorise("cert-1")->state, CertificateState::Revoked);
  auto voided = store->check_code(enroll::enrollment_code_hash(spare->code), kNow + 10);
  ASSERT_TRUE(voided.ok());
  EXPECT_EQ(voided->state, CodeState::Expired);
  auto unknown = store->revoke_terminal("SKO-9999", kNow);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "no terminal SKO-9999 has enrolled with this centre");
}

TEST_P(EnrollmentRecords, TheFleetListsEachTerminalsLatestEnrollment) {
  auto store = open_enrollment();
  ASSERT_TRUE(store);
  auto none = store->terminals();
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_TRUE(none->empty());
  const auto enroll = [&](const std::string& office, const std::string& terminal, const std::string& cert,
                          int64_t at) {
    auto code = store->issue_code(office, terminal, at, 3600);
    ASSERT_TRUE(code.ok());
    ASSERT_TRUE(store
                    ->complete_enrollment(enroll::enrollment_code_hash(code->code), "k" + cert,
                                          certificate(cert), at, reply_with)
                    .ok());
  };
  constexpr int64_t kValidity = int64_t{kTerminalCertificateDays} * 24 * 60 * 60;
  enroll("B", "SKO-0002", "a", kNow);
  enroll("A", "SKO-0001", "b", kNow + 5);
  ASSERT_TRUE(store->revoke_terminal("SKO-0002", kNow + 10).ok());
  // Moved to another office and enrolled again: its new number, office and certificate.
  enroll("C", "SKO-0001", "c", kNow + 20);

  auto fleet = store->terminals();
  ASSERT_TRUE(fleet.ok()) << fleet.error().message;
  ASSERT_EQ(fleet->size(), 2u);
  const TerminalRecord& first = (*fleet)[0];
  EXPECT_EQ(first.terminal_id, "SKO-0001");
  EXPECT_EQ(first.office, "C");
  EXPECT_EQ(first.terminal_number, 3);
  EXPECT_EQ(first.enrolled_unix, kNow + 20);
  EXPECT_EQ(first.certificate_expires_unix, kNow + 20 + kValidity);
  EXPECT_EQ(first.state, CertificateState::Active);
  const TerminalRecord& second = (*fleet)[1];
  EXPECT_EQ(second.terminal_id, "SKO-0002");
  EXPECT_EQ(second.office, "B");
  EXPECT_EQ(second.terminal_number, 1);
  EXPECT_EQ(second.enrolled_unix, kNow);
  EXPECT_EQ(second.certificate_expires_unix, kNow + kValidity);
  EXPECT_EQ(second.state, CertificateState::Revoked);
}

TEST_P(EnrollmentRecords, TwoInstancesRacingForOneCodeUseItOnceAndNumbersStayUnique) {
  if (!postgres()) GTEST_SKIP() << "SQLite's records belong to one centre process";
  auto first = open_enrollment();
  auto second = open_enrollment();
  ASSERT_TRUE(first && second);
  // One code, eight tries from two instances at once: one enrollment.
  auto code = first->issue_code("A", "SKO-0001", kNow, 3600);
  ASSERT_TRUE(code.ok());
  const std::string hash = enroll::enrollment_code_hash(code->code);
  std::atomic<int> enrolled{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      EnrollmentStore& store = i % 2 == 0 ? *first : *second;
      if (store.complete_enrollment(hash, "key-" + std::to_string(i), certificate(std::to_string(i)), kNow,
                                    reply_with))
        ++enrolled;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(enrolled.load(), 1);
  // Sixteen codes for sixteen terminals, enrolled at once through both: sixteen numbers.
  std::vector<std::string> hashes;
  for (int i = 0; i < 16; ++i) {
    auto issued = second->issue_code("A", "SKO-1" + std::to_string(100 + i), kNow, 3600);
    ASSERT_TRUE(issued.ok());
    hashes.push_back(enroll::enrollment_code_hash(issued->code));
  }
  std::mutex replies_mutex;
  std::set<std::string> replies;
  racers.clear();
  for (int i = 0; i < 16; ++i)
    racers.emplace_back([&, i] {
      EnrollmentStore& store = i % 2 == 0 ? *first : *second;
      auto reply = store.complete_enrollment(hashes[i], "k" + std::to_string(i),
                                             certificate("n" + std::to_string(i)), kNow, reply_with);
      EXPECT_TRUE(reply.ok()) << (reply.ok() ? "" : reply.error().message);
      std::lock_guard lock(replies_mutex);
      if (reply) replies.insert(*reply);
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(replies.size(), 16u);
  EXPECT_EQ(replies.count("reply 1"), 0u);  // the first terminal holds it
  EXPECT_EQ(replies.count("reply 17"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, EnrollmentRecords, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

class DiagnosticsRecords : public BackendTest {};

TEST_P(DiagnosticsRecords, ABundleIsKeptOncePerTerminalAndReadBack) {
  auto store = open_diagnostics();
  ASSERT_TRUE(store);
  const std::string bundle(70'000, 'x');
  auto first = store->store("SKO-0001", bundle, kNow);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->receipt_id, "DG-000001");
  EXPECT_FALSE(first->replayed);
  EXPECT_EQ(first->bytes, 70'000);
  EXPECT_EQ(first->file.empty(), postgres());
  auto again = store->store("SKO-0001", bundle, kNow + 5);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->receipt_id, "DG-000001");
  EXPECT_EQ(again->received_unix, kNow);
  auto other = store->store("SKO-0002", bundle, kNow + 10);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->receipt_id, "DG-000002");
  EXPECT_FALSE(other->replayed);

  auto list = store->list();
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].receipt_id, "DG-000002");  // newest first
  EXPECT_EQ((*list)[1].terminal_id, "SKO-0001");
  auto bytes = store->read("DG-000002");
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, bundle);
  EXPECT_FALSE(store->read("DG-000009").ok());
  EXPECT_FALSE(store->read("nonsense").ok());
}

TEST_P(DiagnosticsRecords, TwoInstancesStoringTheSameBundleKeepItOnce) {
  if (!postgres()) GTEST_SKIP() << "SQLite's records belong to one centre process";
  auto first = open_diagnostics();
  auto second = open_diagnostics();
  ASSERT_TRUE(first && second);
  const std::string bundle(20'000, 'y');
  std::vector<std::string> receipts(8);
  std::vector<std::thread> racers;
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      auto receipt = (i % 2 == 0 ? *first : *second).store("SKO-0001", bundle, kNow);
      EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message);
      if (receipt) receipts[i] = receipt->receipt_id;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(std::set<std::string>(receipts.begin(), receipts.end()).size(), 1u);
  auto list = second->list();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiagnosticsRecords, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

}  // namespace
}  // namespace pk::centre::test
