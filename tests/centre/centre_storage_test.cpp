// CentreStorage on each backend (SQLite + files, PostgreSQL): submissions by idempotency key,
// uploads and their offsets, the whole-page checksum, statuses, notices, ledgers, heartbeats and
// usage, and every row kept to its terminal. On PostgreSQL also two storage objects on one
// database, as two centre instances: each sees the other's uploads, and racing appends and
// submissions take effect once.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "tests/centre/backend_fixture.h"

namespace pk::centre::test {
namespace {

using sync::CentreStatus;

class CentreStorageTest : public BackendTest {};

TEST_P(CentreStorageTest, TheSameKeyAndBodyGetTheFirstReplyAndAreStoredOnce) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto s = submission("KSK7-1", {bytes_of(100, 1), bytes_of(50, 2)});
  auto first = storage->submit("T1", "key-1", body_sha(s), s);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->outcome, SubmitOutcome::Created);
  auto again = storage->submit("T1", "key-1", body_sha(s), s);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, SubmitOutcome::Replayed);
  EXPECT_EQ(again->reply_json, first->reply_json);
  auto reply = sync::parse_application_status(first->reply_json);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->status, CentreStatus::Receiving);
  ASSERT_EQ(reply->pages.size(), 2u);
  EXPECT_EQ(reply->pages[1].sealed_size, 50);
  auto counts = storage->counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->applications, 1);
  EXPECT_EQ(counts->uploads, 2);
  EXPECT_EQ(counts->complete_uploads, 0);
  // No pages: received at once.
  const auto empty = submission("KSK7-2", {});
  auto stored = storage->submit("T1", "key-2", body_sha(empty), empty);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(sync::parse_application_status(stored->reply_json)->status, CentreStatus::Received);
}

TEST_P(CentreStorageTest, AKeyReusedOrATrackingCodeTakenIsRefused) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto s = submission("KSK7-1", {bytes_of(10, 1)});
  ASSERT_EQ(storage->submit("T1", "key-1", body_sha(s), s)->outcome, SubmitOutcome::Created);
  const auto other = submission("KSK7-2", {bytes_of(10, 2)});
  EXPECT_EQ(storage->submit("T1", "key-1", body_sha(other), other)->outcome, SubmitOutcome::KeyReused);
  // Another key for the same tracking code: the same body is the same submission (a damaged
  // key), another body is refused.
  auto damaged = storage->submit("T1", "key-damaged", body_sha(s), s);
  ASSERT_TRUE(damaged.ok());
  EXPECT_EQ(damaged->outcome, SubmitOutcome::Replayed);
  auto changed = submission("KSK7-1", {bytes_of(11, 1)});
  EXPECT_EQ(storage->submit("T1", "key-3", body_sha(changed), changed)->outcome,
            SubmitOutcome::TrackingCodeTaken);
  EXPECT_EQ(storage->counts()->applications, 1);
}

TEST_P(CentreStorageTest, KeysArePerTerminalAndTrackingCodesAcrossTheCentre) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto s1 = submission("KSK7-1", {bytes_of(10, 1)});
  const auto s2 = submission("KSK8-1", {bytes_of(10, 2)});
  ASSERT_EQ(storage->submit("T1", "key-1", body_sha(s1), s1)->outcome, SubmitOutcome::Created);
  // Another terminal may use the same key.
  ASSERT_EQ(storage->submit("T2", "key-1", body_sha(s2), s2)->outcome, SubmitOutcome::Created);
  // ... but not another terminal's tracking code, not even with the same body: it gets no
  // reply of T1's.
  auto taken = storage->submit("T2", "key-2", body_sha(s1), s1);
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(taken->outcome, SubmitOutcome::TrackingCodeTaken);
  EXPECT_TRUE(taken->reply_json.empty());
  EXPECT_EQ(storage->counts()->applications, 2);
}

TEST_P(CentreStorageTest, AnotherTerminalsApplicationAndUploadsAreInvisible) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto page = bytes_of(40, 3);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page}));
  ASSERT_EQ(pages.size(), 1u);
  const std::string id = upload_id(pages[0]);

  auto mine = storage->status("T1", "KSK7-1");
  ASSERT_TRUE(mine.ok());
  ASSERT_TRUE(*mine);
  EXPECT_EQ((*mine)->pages.size(), 1u);
  auto theirs = storage->status("T2", "KSK7-1");
  ASSERT_TRUE(theirs.ok());
  EXPECT_FALSE(*theirs);
  EXPECT_FALSE(*storage->status("T1", "KSK7-404"));

  EXPECT_FALSE(*storage->find_upload("T2", id));
  auto append = storage->append("T2", id, 0, page);
  ASSERT_TRUE(append.ok());
  EXPECT_EQ(append->outcome, AppendOutcome::NotFound);
  EXPECT_EQ((*storage->find_upload("T1", id))->offset, 0);

  auto standalone = storage->create_upload("T1", 10, "filename ZmlsZQ==");
  ASSERT_TRUE(standalone.ok());
  EXPECT_FALSE(*storage->find_upload("T2", standalone->id));
  EXPECT_FALSE(*storage->remove_upload("T2", standalone->id));
  EXPECT_TRUE(*storage->find_upload("T1", standalone->id));
}

TEST_P(CentreStorageTest, PagesUploadInChunksAtTheRightOffsetOnly) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto page0 = bytes_of(10'000, 4);
  const auto page1 = bytes_of(3'000, 5);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page0, page1}));
  ASSERT_EQ(pages.size(), 2u);
  const std::string id0 = upload_id(pages[0]);
  const std::string id1 = upload_id(pages[1]);

  auto first = storage->append("T1", id0, 0, std::span(page0).first(4'000));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->outcome, AppendOutcome::Appended);
  EXPECT_EQ(first->offset, 4'000);
  // A chunk sent again at its old offset, or ahead of the offset: refused, with the offset.
  auto stale = storage->append("T1", id0, 0, std::span(page0).first(4'000));
  EXPECT_EQ(stale->outcome, AppendOutcome::OffsetMismatch);
  EXPECT_EQ(stale->offset, 4'000);
  auto ahead = storage->append("T1", id0, 5'000, std::span(page0).subspan(5'000, 10));
  EXPECT_EQ(ahead->outcome, AppendOutcome::OffsetMismatch);
  auto too_long = storage->append("T1", id0, 4'000, bytes_of(6'001, 0));
  EXPECT_EQ(too_long->outcome, AppendOutcome::TooLong);
  EXPECT_EQ(too_long->offset, 4'000);
  auto found = storage->find_upload("T1", id0);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->offset, 4'000);
  EXPECT_EQ((*found)->length, 10'000);
  EXPECT_FALSE((*found)->complete);
  EXPECT_FALSE(*storage->find_upload("T1", "not-an-id"));
  EXPECT_EQ(storage->append("T1", "0123456789abcdef0123456789abcdef", 0, page0)->outcome,
            AppendOutcome::NotFound);

  auto rest = storage->append("T1", id0, 4'000, std::span(page0).subspan(4'000));
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(rest->outcome, AppendOutcome::Appended);
  EXPECT_EQ(rest->offset, 10'000);
  EXPECT_EQ((*storage->status("T1", "KSK7-1"))->status, CentreStatus::Receiving);  // page 1 still missing
  EXPECT_EQ(upload(*storage, "T1", id1, page1, 1'000).outcome, AppendOutcome::Appended);

  auto status = storage->status("T1", "KSK7-1");
  ASSERT_TRUE(status.ok() && *status);
  EXPECT_EQ((*status)->status, CentreStatus::Received);
  EXPECT_TRUE((*status)->pages[0].complete);
  EXPECT_EQ((*status)->pages[1].received, 3'000);
  EXPECT_EQ(*storage->read_upload(id0), page0);
  EXPECT_EQ(*storage->read_upload(id1), page1);
  EXPECT_EQ(storage->counts()->complete_uploads, 2);
  // A page of an application cannot be removed like a standalone upload.
  EXPECT_FALSE(*storage->remove_upload("T1", id0));
}

TEST_P(CentreStorageTest, APageThatDoesNotMatchItsChecksumStartsAgainFromZero) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const auto page = bytes_of(5'000, 6);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page}));
  ASSERT_EQ(pages.size(), 1u);
  const std::string id = upload_id(pages[0]);
  auto damaged = page;
  damaged[2'500] ^= 0xff;
  auto last = upload(*storage, "T1", id, damaged, 2'000);
  EXPECT_EQ(last.outcome, AppendOutcome::WholeChecksumMismatch);
  EXPECT_EQ(last.offset, 0);
  EXPECT_EQ((*storage->find_upload("T1", id))->offset, 0);
  EXPECT_FALSE((*storage->find_upload("T1", id))->complete);
  // The right bytes again from 0: complete, and exactly those bytes.
  EXPECT_EQ(upload(*storage, "T1", id, page, 2'000).outcome, AppendOutcome::Appended);
  EXPECT_TRUE((*storage->find_upload("T1", id))->complete);
  EXPECT_EQ(*storage->read_upload(id), page);
}

TEST_P(CentreStorageTest, StandaloneUploadsAreCreatedAppendedAndRemoved) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  auto upload_info = storage->create_upload("T1", 6, "filename YS5iaW4=");
  ASSERT_TRUE(upload_info.ok()) << upload_info.error().message;
  EXPECT_EQ(upload_info->offset, 0);
  EXPECT_FALSE(upload_info->complete);
  auto found = storage->find_upload("T1", upload_info->id);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->metadata, "filename YS5iaW4=");
  const std::vector<uint8_t> bytes{1, 2, 3, 4, 5, 6};
  EXPECT_EQ(upload(*storage, "T1", upload_info->id, bytes, 4).offset, 6);
  EXPECT_TRUE((*storage->find_upload("T1", upload_info->id))->complete);
  EXPECT_EQ(*storage->read_upload(upload_info->id), bytes);
  auto removed = storage->remove_upload("T1", upload_info->id);
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  EXPECT_FALSE(*storage->find_upload("T1", upload_info->id));
  EXPECT_FALSE(*storage->remove_upload("T1", upload_info->id));
  auto empty = storage->create_upload("T1", 0, "");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->complete);
}

TEST_P(CentreStorageTest, UsageCountsATerminalsIncompleteUploadsAndTheirMissingBytes) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  EXPECT_EQ(storage->usage("T1")->pending_uploads, 0);
  const auto page0 = bytes_of(100, 1);
  const auto page1 = bytes_of(200, 2);
  const auto pages = submit(*storage, "T1", "key-1", submission("KSK7-1", {page0, page1}));
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_TRUE(storage->create_upload("T1", 1'000, "").ok());
  ASSERT_TRUE(storage->create_upload("T2", 5'000, "").ok());
  auto usage = storage->usage("T1");
  ASSERT_TRUE(usage.ok()) << usage.error().message;
  EXPECT_EQ(usage->pending_uploads, 3);
  EXPECT_EQ(usage->pending_bytes, 1'300);
  ASSERT_EQ(storage->append("T1", upload_id(pages[1]), 0, std::span(page1).first(50))->outcome,
            AppendOutcome::Appended);
  EXPECT_EQ(storage->usage("T1")->pending_bytes, 1'250);
  ASSERT_EQ(upload(*storage, "T1", upload_id(pages[0]), page0, 100).outcome, AppendOutcome::Appended);
  usage = storage->usage("T1");
  EXPECT_EQ(usage->pending_uploads, 2);
  EXPECT_EQ(usage->pending_bytes, 1'150);
  EXPECT_EQ(storage->usage("T2")->pending_uploads, 1);
  EXPECT_EQ(storage->usage("T2")->pending_bytes, 5'000);
  EXPECT_EQ(storage->usage("T3")->pending_bytes, 0);
}

TEST_P(CentreStorageTest, StatusesOnlyMoveForward) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  (void)submit(*storage, "T1", "key-1", submission("KSK7-1", {}));
  ASSERT_TRUE(storage->set_status("KSK7-1", CentreStatus::InReview).ok());
  EXPECT_EQ((*storage->status("T1", "KSK7-1"))->status, CentreStatus::InReview);
  auto back = storage->set_status("KSK7-1", CentreStatus::Received);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.error().message.find("cannot go back from in_review"), std::string::npos)
      << back.error().message;
  ASSERT_TRUE(storage->set_status("KSK7-1", CentreStatus::Approved).ok());
  EXPECT_EQ((*storage->status("T1", "KSK7-1"))->status, CentreStatus::Approved);
  EXPECT_FALSE(storage->set_status("KSK7-404", CentreStatus::Approved).ok());
}

TEST_P(CentreStorageTest, NoticesAreListedSoonestFirstAndReplacedById) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  const sync::OutageNotice later{"n2", 100, 900, 1'000, sla::ServiceScope::all(), "بعدی", "later"};
  sync::OutageNotice sooner{"n1", 100, 500, 800, sla::ServiceScope::only({3, 7}), "نگهداری", "maintenance"};
  ASSERT_TRUE(storage->add_notice(later).ok());
  ASSERT_TRUE(storage->add_notice(sooner).ok());
  sooner.text_en = "maintenance, longer";
  sooner.ends_unix = 850;
  ASSERT_TRUE(storage->add_notice(sooner).ok());
  auto notices = storage->notices();
  ASSERT_TRUE(notices.ok()) << notices.error().message;
  ASSERT_EQ(notices->size(), 2u);
  EXPECT_EQ((*notices)[0], sooner);
  EXPECT_EQ((*notices)[1], later);
  EXPECT_FALSE(storage->add_notice({"bad", 100, 900, 500, sla::ServiceScope::all(), "x", ""}).ok());
  EXPECT_EQ(storage->notices()->size(), 2u);
}

TEST_P(CentreStorageTest, HeartbeatsAreRecorded) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  EXPECT_TRUE(storage->record_heartbeat("T1", 1'000, 4).ok());
  EXPECT_TRUE(storage->record_heartbeat("T1", 1'030, 2).ok());
  EXPECT_TRUE(storage->record_heartbeat("T2", 1'030, 0).ok());
}

sla::OutageChange outage(int64_t id, sla::OutageEnd end, std::optional<int64_t> end_unix,
                         bool suspect = false) {
  sla::OutageChange change;
  change.outage.id = id;
  change.outage.cause = sla::OutageCause::PrinterDown;
  change.outage.services = sla::ServiceScope::only({3});
  change.outage.start_unix = 1'000;
  change.outage.end = end;
  change.outage.end_unix = end_unix;
  change.outage.monotonic_duration_ms =
      end_unix ? std::optional<int64_t>((*end_unix - 1'000) * 1'000) : std::nullopt;
  change.boot_id = "boot";
  change.started_monotonic_ms = 5;
  change.clock_suspect = suspect;
  return change;
}

TEST_P(CentreStorageTest, LedgersKeepEachRowOnceAndFailureReportsCountUnderTheSender) {
  auto storage = open_storage();
  ASSERT_TRUE(storage);
  sync::LedgerUpload upload;
  upload.terminal_id = "T1";
  upload.changes.outages = {outage(1, sla::OutageEnd::Open, std::nullopt),
                            outage(2, sla::OutageEnd::Observed, 1'200)};
  upload.changes.runs = {{1, {"boot", 900, 60'000, 960}}};
  upload.changes.clock_events = {{1, {sla::ClockEventKind::CentreSync, 950, 3}}};
  auto receipt = storage->store_ledger(upload);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_EQ(*receipt, (sync::LedgerReceipt{2, 1, 1}));
  // Sent again with the open outage closed, the closed one changed (ignored), the run grown,
  // a shorter run (ignored) and the event again.
  upload.changes.outages = {outage(1, sla::OutageEnd::Observed, 1'100, true),
                            outage(2, sla::OutageEnd::Observed, 1'900)};
  upload.changes.runs = {{1, {"boot", 900, 120'000, 1'020}}};
  ASSERT_TRUE(storage->store_ledger(upload).ok());
  upload.changes.runs = {{1, {"boot", 900, 30'000, 930}}};
  upload.changes.outages.clear();
  ASSERT_TRUE(storage->store_ledger(upload).ok());

  // A failure report from T2 whose body names T9: it counts for T2, the certificate's terminal.
  auto report = submission("KSK8-1", {}, "failure_report");
  report.terminal_id = "T9";
  report.service_number = 7;
  report.created_at_unix = 1'234;
  (void)submit(*storage, "T2", "report-1", report);

  auto ledgers = storage->terminal_ledgers();
  ASSERT_TRUE(ledgers.ok()) << ledgers.error().message;
  ASSERT_EQ(ledgers->size(), 2u);
  const TerminalLedger& t1 = (*ledgers)[0];
  EXPECT_EQ(t1.terminal_id, "T1");
  ASSERT_EQ(t1.snapshot.outages.size(), 2u);
  EXPECT_EQ(t1.snapshot.outages[0].end, sla::OutageEnd::Observed);
  EXPECT_EQ(t1.snapshot.outages[0].end_unix, 1'100);
  EXPECT_EQ(t1.snapshot.outages[1].end_unix, 1'200);  // closed: final
  EXPECT_EQ(t1.snapshot.outages[0].services, sla::ServiceScope::only({3}));
  EXPECT_EQ(t1.suspect_clock_outages, 1);
  ASSERT_EQ(t1.snapshot.runs.size(), 1u);
  EXPECT_EQ(t1.snapshot.runs[0].monotonic_duration_ms, 120'000);
  ASSERT_EQ(t1.snapshot.clock_events.size(), 1u);
  EXPECT_EQ(t1.snapshot.clock_events[0].offset_seconds, 3);
  EXPECT_TRUE(t1.snapshot.failure_reports.empty());
  const TerminalLedger& t2 = (*ledgers)[1];
  EXPECT_EQ(t2.terminal_id, "T2");
  ASSERT_EQ(t2.snapshot.failure_reports.size(), 1u);
  EXPECT_EQ(t2.snapshot.failure_reports[0].service, 7);
  EXPECT_EQ(t2.snapshot.failure_reports[0].at_unix, 1'234);
}

TEST_P(CentreStorageTest, TwoInstancesSeeEachOthersUploadsAndARacingAppendTakesEffectOnce) {
  if (!postgres()) GTEST_SKIP() << "SQLite's storage belongs to one centre process";
  auto first = open_storage();
  auto second = open_storage();
  ASSERT_TRUE(first && second);
  const auto page = bytes_of(30'000, 9);
  const auto pages = submit(*first, "T1", "key-1", submission("KSK7-1", {page}));
  ASSERT_EQ(pages.size(), 1u);
  const std::string id = upload_id(pages[0]);
  // The second instance takes the upload on from where the first left it.
  ASSERT_EQ(first->append("T1", id, 0, std::span(page).first(10'000))->outcome, AppendOutcome::Appended);
  auto seen = second->find_upload("T1", id);
  ASSERT_TRUE(seen.ok() && *seen);
  EXPECT_EQ((*seen)->offset, 10'000);

  // The same chunk at the same offset from both instances, eight times over: appended once.
  std::atomic<int> appended{0};
  std::atomic<int> mismatched{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      auto result =
          (i % 2 == 0 ? *first : *second).append("T1", id, 10'000, std::span(page).subspan(10'000, 10'000));
      EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
      if (result && result->outcome == AppendOutcome::Appended) ++appended;
      if (result && result->outcome == AppendOutcome::OffsetMismatch && result->offset == 20'000)
        ++mismatched;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(appended.load(), 1);
  EXPECT_EQ(mismatched.load(), 7);
  ASSERT_EQ(second->append("T1", id, 20'000, std::span(page).subspan(20'000))->outcome,
            AppendOutcome::Appended);
  EXPECT_EQ(*first->read_upload(id), page);
  EXPECT_EQ((*first->status("T1", "KSK7-1"))->status, CentreStatus::Received);

  // One submission sent to both instances at once, eight times: stored once.
  const auto s = submission("KSK7-2", {bytes_of(10, 1), bytes_of(10, 2)});
  std::atomic<int> created{0};
  std::atomic<int> replayed{0};
  racers.clear();
  for (int i = 0; i < 8; ++i)
    racers.emplace_back([&, i] {
      auto result = (i % 2 == 0 ? *first : *second).submit("T1", "key-2", body_sha(s), s);
      EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
      if (result && result->outcome == SubmitOutcome::Created) ++created;
      if (result && result->outcome == SubmitOutcome::Replayed) ++replayed;
    });
  for (auto& racer : racers) racer.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(replayed.load(), 7);
  auto counts = second->counts();
  EXPECT_EQ(counts->applications, 2);
  EXPECT_EQ(counts->uploads, 3);
}

TEST_P(CentreStorageTest, TheLastPagesOfAnApplicationCompletingAtOnceInTwoInstancesMarkItReceived) {
  if (!postgres()) GTEST_SKIP() << "SQLite's storage belongs to one centre process";
  auto first = open_storage();
  auto second = open_storage();
  ASSERT_TRUE(first && second);
  for (int round = 0; round < 5; ++round) {
    const auto page0 = bytes_of(2'000, static_cast<uint8_t>(round));
    const auto page1 = bytes_of(2'000, static_cast<uint8_t>(round + 100));
    const std::string code = "KSK7-" + std::to_string(round);
    const auto pages = submit(*first, "T1", "key-" + code, submission(code, {page0, page1}));
    ASSERT_EQ(pages.size(), 2u);
    std::thread a([&] { (void)first->append("T1", upload_id(pages[0]), 0, page0); });
    std::thread b([&] { (void)second->append("T1", upload_id(pages[1]), 0, page1); });
    a.join();
    b.join();
    EXPECT_EQ((*first->status("T1", code))->status, CentreStatus::Received) << code;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CentreStorageTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         backend_name);

}  // namespace
}  // namespace pk::centre::test

namespace pk::centre::test {
namespace {

// Every instance on these records must hold the centre's keys: the first records them, the
// same keys are accepted again (a restart, a second instance), other keys are refused.
TEST_P(CentreStorageTest, TheRecordsAreBoundToTheFirstCentresKeys) {
  auto storage = open_storage();
  ASSERT_TRUE(storage->bind_keys(std::string(64, 'a'), std::string(64, 'b'), 1'790'000'000).ok());
  auto again = open_storage();
  EXPECT_TRUE(again->bind_keys(std::string(64, 'a'), std::string(64, 'b'), 1'790'000'100).ok());
  auto other_sealing = again->bind_keys(std::string(64, 'c'), std::string(64, 'b'), 1'790'000'200);
  ASSERT_FALSE(other_sealing.ok());
  EXPECT_NE(other_sealing.error().message.find("another sealing key"), std::string::npos)
      << other_sealing.error().message;
  EXPECT_FALSE(again->bind_keys(std::string(64, 'a'), std::string(64, 'd'), 1'790'000'300).ok());
}

}  // namespace
}  // namespace pk::centre::test
