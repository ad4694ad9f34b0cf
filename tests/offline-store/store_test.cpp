// Store behaviour on a real file: saving, finding, sequences, outbox, purge, audit log, stats.
#include "offline-store/store.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "base/database.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::store {
namespace {

using test::TempDir;

StoreOptions pinned_clock(int64_t now_unix) {
  StoreOptions options;
  options.now_unix = [now_unix] { return now_unix; };
  return options;
}

std::unique_ptr<Store> open_store(const std::filesystem::path& file, StoreOptions options = {}) {
  auto store = Store::open(file, std::move(options));
  EXPECT_TRUE(store) << store.error().message;
  return store ? std::move(store).value() : nullptr;
}

TEST(Store, SaveThenFindRoundTrips) {
  TempDir dir("store-roundtrip");
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  NewApplication application = test::sample_application(3, 5000);
  application.channel = Channel::Counter;
  application.operator_id = "op-17";
  application.service_number = 19;

  auto saved = store->save_application(application, test::tracking_code_for);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->sequence, 1);
  EXPECT_EQ(saved->tracking_code, "KSK7-1");
  EXPECT_EQ(saved->idempotency_key.size(), 32u);

  auto found = store->find_by_tracking_code(saved->tracking_code);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  const ApplicationRecord& record = **found;
  EXPECT_EQ(record.id, saved->id);
  EXPECT_EQ(record.sequence, 1);
  EXPECT_EQ(record.kind, ApplicationKind::Application);
  EXPECT_EQ(record.service_number, 19);
  EXPECT_EQ(record.channel, Channel::Counter);
  EXPECT_EQ(record.terminal_id, "KSK7");
  EXPECT_EQ(record.operator_id, "op-17");
  EXPECT_EQ(record.created_at_unix, application.created_at_unix);
  EXPECT_EQ(record.created_monotonic_ms, application.created_monotonic_ms);
  EXPECT_EQ(record.state, ApplicationState::Queued);
  EXPECT_EQ(record.sealed_personal, application.sealed_personal);
  ASSERT_EQ(record.documents.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const DocumentRecord& document = record.documents[i];
    EXPECT_EQ(document.page_no, static_cast<int>(i) + 1);
    EXPECT_EQ(document.doc_kind, "amayesh_card");
    EXPECT_EQ(document.mime, "image/jpeg");
    EXPECT_EQ(document.byte_size, 5000);
    EXPECT_EQ(document.sha256, application.documents[i].sha256);
    ASSERT_TRUE(document.sealed_content.has_value());
    // The centre can open what the terminal stored, and it matches the hash taken at capture.
    auto clear = open_sealed(*document.sealed_content, test::centre_keys());
    ASSERT_TRUE(clear) << clear.error().message;
    EXPECT_EQ(test::sha256_of(clear->bytes()), application.documents[i].sha256);
  }

  auto missing = store->find_by_tracking_code("KSK7-999");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST(Store, FailureReportNeedsNoService) {
  TempDir dir("store-failure-report");
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  NewApplication report = test::sample_application(0, 0);
  report.kind = ApplicationKind::FailureReport;
  report.service_number.reset();
  auto saved = store->save_application(report, test::tracking_code_for);
  ASSERT_TRUE(saved) << saved.error().message;
  auto found = store->find_by_tracking_code(saved->tracking_code);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->kind, ApplicationKind::FailureReport);
  EXPECT_FALSE((*found)->service_number.has_value());
}

TEST(Store, SequencesStrictlyIncreaseAndSurviveReopen) {
  TempDir dir("store-sequences");
  const auto file = dir.file("store.db");
  std::vector<int64_t> sequences;
  for (int round = 0; round < 3; ++round) {
    auto store = open_store(file);
    ASSERT_TRUE(store);
    for (int i = 0; i < 5; ++i) {
      auto saved = store->save_application(test::sample_application(1, 100), test::tracking_code_for);
      ASSERT_TRUE(saved) << saved.error().message;
      EXPECT_EQ(saved->tracking_code, test::tracking_code_for(saved->sequence));
      sequences.push_back(saved->sequence);
    }
  }
  ASSERT_EQ(sequences.size(), 15u);
  for (size_t i = 1; i < sequences.size(); ++i) EXPECT_GT(sequences[i], sequences[i - 1]);
  EXPECT_EQ(test::snapshot(file).tracking_sequence, sequences.back());
}

TEST(Store, IdempotencyKeysAreUnique) {
  TempDir dir("store-idempotency");
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  std::set<std::string> keys;
  for (int i = 0; i < 200; ++i) {
    auto saved = store->save_application(test::sample_application(0, 0), test::tracking_code_for);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->idempotency_key.find_first_not_of("0123456789abcdef"), std::string::npos);
    keys.insert(saved->idempotency_key);
  }
  EXPECT_EQ(keys.size(), 200u);
}

TEST(Store, ADuplicateTrackingCodeSavesNothingAndKeepsTheSequence) {
  TempDir dir("store-duplicate-code");
  const auto file = dir.file("store.db");
  auto store = open_store(file);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->save_application(test::sample_application(1, 100), test::tracking_code_for));
  const auto before = test::snapshot(file);

  auto same_code = [](int64_t) { return std::string("KSK7-1"); };
  auto saved = store->save_application(test::sample_application(2, 100), same_code);
  ASSERT_FALSE(saved);
  EXPECT_NE(saved.error().message.find("UNIQUE"), std::string::npos) << saved.error().message;
  EXPECT_NE(saved.error().message.find("nothing was saved"), std::string::npos) << saved.error().message;
  EXPECT_EQ(test::snapshot(file), before);
}

TEST(Store, AThrowingCodeMakerSavesNothing) {
  TempDir dir("store-throwing-maker");
  const auto file = dir.file("store.db");
  auto store = open_store(file);
  ASSERT_TRUE(store);
  const auto before = test::snapshot(file);
  auto throwing = [](int64_t) -> std::string { throw std::runtime_error("printer template missing"); };
  EXPECT_THROW((void)store->save_application(test::sample_application(1, 100), throwing), std::runtime_error);
  EXPECT_EQ(test::snapshot(file), before);
  // The connection is usable afterwards: the transaction was rolled back, not left open.
  auto saved = store->save_application(test::sample_application(1, 100), test::tracking_code_for);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->sequence, 1);
}

TEST(Store, AFailingCodeMakerSavesNothingAndItsErrorKeepsItsKind) {
  TempDir dir("store-failing-maker");
  const auto file = dir.file("store.db");
  auto store = open_store(file);
  ASSERT_TRUE(store);
  const auto before = test::snapshot(file);
  auto failing = [](int64_t) -> Result<std::string> {
    return make_error(ErrorKind::Refused, "the sequence ran out of codes");
  };
  auto refused = store->save_application(test::sample_application(1, 100), failing);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Refused);
  EXPECT_NE(refused.error().message.find("nothing was saved"), std::string::npos) << refused.error().message;
  EXPECT_EQ(test::snapshot(file), before);
  // Rolled back, not left open, and the sequence value was not taken.
  auto saved = store->save_application(test::sample_application(1, 100), test::tracking_code_for);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->sequence, 1);
}

TEST(Store, InvalidInputIsRefusedWithAClearMessage) {
  TempDir dir("store-invalid");
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  NewApplication counter_without_operator = test::sample_application(1, 100);
  counter_without_operator.channel = Channel::Counter;
  auto saved = store->save_application(counter_without_operator, test::tracking_code_for);
  ASSERT_FALSE(saved);
  EXPECT_NE(saved.error().message.find("CHECK constraint failed"), std::string::npos)
      << saved.error().message;

  auto empty_code =
      store->save_application(test::sample_application(1, 100), [](int64_t) { return std::string(); });
  ASSERT_FALSE(empty_code);
  EXPECT_NE(empty_code.error().message.find("empty"), std::string::npos) << empty_code.error().message;
}

TEST(Store, OutboxDeliversOnceThenPurgeKeepsHashes) {
  TempDir dir("store-outbox");
  const auto file = dir.file("store.db");
  auto store = open_store(file, pinned_clock(1'800'000'000));
  ASSERT_TRUE(store);
  const NewApplication first_application = test::sample_application(2, 1000);
  auto first = store->save_application(first_application, test::tracking_code_for);
  auto second = store->save_application(test::sample_application(1, 1000), test::tracking_code_for);
  ASSERT_TRUE(first && second);
  const int64_t now = 1'732'500'000;

  auto pending = store->pending_outbox(10, now);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].tracking_code, first->tracking_code);  // first come, first served
  EXPECT_EQ((*pending)[0].idempotency_key, first->idempotency_key);
  EXPECT_EQ((*pending)[1].id, second->outbox_id);

  ASSERT_TRUE(store->record_attempt(first->outbox_id, "centre unreachable", now + 60));
  pending = store->pending_outbox(10, now);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);  // the first waits for its retry time
  EXPECT_EQ((*pending)[0].id, second->outbox_id);
  pending = store->pending_outbox(10, now + 60);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].attempts, 1);
  EXPECT_EQ((*pending)[0].last_error, "centre unreachable");

  auto too_early = store->purge_documents(first->id);
  ASSERT_FALSE(too_early);
  EXPECT_NE(too_early.error().message.find("still queued"), std::string::npos) << too_early.error().message;

  ASSERT_TRUE(store->mark_delivered(first->outbox_id, now + 61));
  ASSERT_TRUE(store->mark_delivered(first->outbox_id, now + 99));  // a repeated ack is harmless
  EXPECT_FALSE(store->record_attempt(first->outbox_id, "late", now + 200));
  EXPECT_FALSE(store->mark_delivered(9999, now));
  pending = store->pending_outbox(10, now + 1000);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].id, second->outbox_id);
  {
    auto db = Database::open(file, OpenOptions{});
    ASSERT_TRUE(db);
    EXPECT_EQ(*db->query_int64("SELECT delivered_at_unix FROM outbox WHERE id = " +
                               std::to_string(first->outbox_id)),
              now + 61);
  }

  auto found = store->find_by_tracking_code(first->tracking_code);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->state, ApplicationState::Sent);

  ASSERT_TRUE(store->purge_documents(first->id));
  found = store->find_by_tracking_code(first->tracking_code);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->state, ApplicationState::Purged);
  ASSERT_EQ((*found)->documents.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const DocumentRecord& document = (*found)->documents[i];
    EXPECT_FALSE(document.sealed_content.has_value());
    EXPECT_EQ(document.byte_size, 1000);
    EXPECT_EQ(document.sha256, first_application.documents[i].sha256);
  }
  ASSERT_TRUE(store->purge_documents(first->id));  // purging again is harmless
  EXPECT_FALSE(store->purge_documents(424242));
}

TEST(Store, StateNeverMovesBackward) {
  TempDir dir("store-state-forward");
  const auto file = dir.file("store.db");
  auto store = open_store(file);
  ASSERT_TRUE(store);
  auto saved = store->save_application(test::sample_application(1, 100), test::tracking_code_for);
  ASSERT_TRUE(saved);
  ASSERT_TRUE(store->mark_delivered(saved->outbox_id, 1));
  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db);
  auto back = db->exec("UPDATE applications SET state = 'queued'");
  ASSERT_FALSE(back);
  EXPECT_NE(back.error().message.find("only move forward"), std::string::npos) << back.error().message;
  auto sequence_back = db->exec("UPDATE sequences SET value = 0");
  ASSERT_FALSE(sequence_back);
  EXPECT_NE(sequence_back.error().message.find("only increase"), std::string::npos)
      << sequence_back.error().message;
}

TEST(Store, AuditLogIsAppendOnly) {
  TempDir dir("store-audit");
  const auto file = dir.file("store.db");
  auto store = open_store(file, pinned_clock(1'750'000'000));
  ASSERT_TRUE(store);
  auto first = store->append_audit("technician:t1", "device_test", "printer ok");
  auto second = store->append_audit("operator:op-17", "login", "");
  ASSERT_TRUE(first && second);
  EXPECT_GT(*second, *first);

  auto entries = store->audit_entries(0, 10);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].actor, "technician:t1");
  EXPECT_EQ((*entries)[0].action, "device_test");
  EXPECT_EQ((*entries)[0].detail, "printer ok");
  EXPECT_EQ((*entries)[0].at_unix, 1'750'000'000);
  auto since = store->audit_entries(*first, 10);
  ASSERT_TRUE(since);
  ASSERT_EQ(since->size(), 1u);
  EXPECT_EQ((*since)[0].id, *second);

  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db);
  auto update = db->exec("UPDATE audit_log SET detail = 'nothing happened'");
  ASSERT_FALSE(update);
  EXPECT_NE(update.error().message.find("append-only"), std::string::npos) << update.error().message;
  auto remove = db->exec("DELETE FROM audit_log");
  ASSERT_FALSE(remove);
  EXPECT_NE(remove.error().message.find("append-only"), std::string::npos) << remove.error().message;
  auto remove_one = db->exec("DELETE FROM audit_log WHERE id = " + std::to_string(*first));
  ASSERT_FALSE(remove_one);
  EXPECT_EQ(*db->query_int64("SELECT count(*) FROM audit_log"), 2);
  EXPECT_EQ(*db->query_text("SELECT detail FROM audit_log WHERE id = " + std::to_string(*first)),
            "printer ok");
}

TEST(Store, StatsCountStatesAndPendingAge) {
  TempDir dir("store-stats");
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  NewApplication older = test::sample_application(1, 1000);
  older.created_at_unix = 1000;
  NewApplication newer = test::sample_application(1, 1000);
  newer.created_at_unix = 2000;
  auto a = store->save_application(older, test::tracking_code_for);
  auto b = store->save_application(newer, test::tracking_code_for);
  auto c = store->save_application(newer, test::tracking_code_for);
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(store->mark_delivered(a->outbox_id, 3000));

  auto stats = store->stats(5000);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->count(ApplicationState::Queued), 2);
  EXPECT_EQ(stats->count(ApplicationState::Sent), 1);
  EXPECT_EQ(stats->count(ApplicationState::Purged), 0);
  EXPECT_EQ(stats->pending_outbox, 2);
  EXPECT_EQ(stats->oldest_pending_age_seconds, 3000);
  EXPECT_GT(stats->database_bytes, 3 * 1000);

  ASSERT_TRUE(store->mark_delivered(b->outbox_id, 3000));
  ASSERT_TRUE(store->mark_delivered(c->outbox_id, 3000));
  stats = store->stats(5000);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->pending_outbox, 0);
  EXPECT_FALSE(stats->oldest_pending_age_seconds.has_value());
}

}  // namespace
}  // namespace pk::store
