// The centre's statuses and the back office's decisions in the store (store_centre_status.cpp,
// schema v4): the same words and ranking as the wire, forward only, the latest decision kept
// with its record, final ones no longer asked about.
#include <gtest/gtest.h>

#include "base/database.h"
#include "offline-store/store.h"
#include "protocol/wire.h"
#include "tests/offline-store/store_test_support.h"

namespace pk::store {
namespace {

using test::TempDir;

constexpr CentreStatus kAll[] = {
    CentreStatus::Receiving, CentreStatus::Received, CentreStatus::InReview, CentreStatus::DocumentsRequested,
    CentreStatus::Approved,  CentreStatus::Rejected, CentreStatus::Resolved};

struct Delivered {
  std::unique_ptr<Store> store;
  std::vector<std::string> codes;
};

// `count` applications, delivered to the centre at 1000 (so they are asked about).
Delivered delivered_store(const std::filesystem::path& file, int count) {
  Delivered out;
  auto store = Store::open(file);
  EXPECT_TRUE(store) << store.error().message;
  if (!store) return out;
  out.store = std::move(store).value();
  for (int i = 0; i < count; ++i) {
    auto saved = out.store->save_application(test::sample_application(0, 0), test::tracking_code_for);
    EXPECT_TRUE(saved) << saved.error().message;
    if (!saved) return out;
    EXPECT_TRUE(out.store->mark_delivered(saved->outbox_id, 1000));
    out.codes.push_back(saved->tracking_code);
  }
  return out;
}

std::optional<CentreStatus> status_of(Store& store, const std::string& code) {
  auto found = store.find_by_tracking_code(code);
  return found && *found ? (*found)->centre_status : std::nullopt;
}

std::optional<CentreDecision> decision_of(Store& store, const std::string& code) {
  auto found = store.find_by_tracking_code(code);
  return found && *found ? (*found)->centre_decision : std::nullopt;
}

// The sync worker maps the wire's status to the store's by its word: every word must exist on
// both sides and rank the same, or a status would be dropped or stored out of order.
TEST(StoreCentreStatus, SameWordsAndRankingAsTheWire) {
  for (const CentreStatus status : kAll) {
    const auto wire = sync::centre_status_from(to_string(status));
    ASSERT_TRUE(wire.has_value()) << to_string(status);
    EXPECT_EQ(sync::to_string(*wire), to_string(status));
    EXPECT_EQ(sync::rank(*wire), rank(status)) << to_string(status);
    EXPECT_EQ(sync::is_final(*wire), is_final(status)) << to_string(status);
    EXPECT_EQ(centre_status_from(to_string(status)), status);
  }
  EXPECT_EQ(rank(CentreStatus::InReview), rank(CentreStatus::DocumentsRequested));
  EXPECT_TRUE(is_final(CentreStatus::Resolved));
  EXPECT_FALSE(is_final(CentreStatus::DocumentsRequested));
}

TEST(StoreCentreStatus, InReviewAndDocumentsRequestedGoEitherWayAndFinalIsFinal) {
  TempDir dir("centre-status-rank");
  Delivered delivered = delivered_store(dir.file("store.db"), 1);
  auto& store = delivered.store;
  const auto& codes = delivered.codes;
  ASSERT_TRUE(store && codes.size() == 1);
  const std::string& code = codes[0];
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::Received, 100));
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::InReview, 101));
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::DocumentsRequested, 102));
  EXPECT_EQ(status_of(*store, code), CentreStatus::DocumentsRequested);
  // The citizen brought the documents: back to review, the same step.
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::InReview, 103));
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::InReview, 104));  // heard again
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::Received, 105));  // a stale reply
  EXPECT_EQ(status_of(*store, code), CentreStatus::InReview);
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::Approved, 106));
  // Final: neither another final status nor an earlier one replaces it.
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::Rejected, 107));
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::Resolved, 108));
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::DocumentsRequested, 109));
  EXPECT_EQ(status_of(*store, code), CentreStatus::Approved);
  auto found = store->find_by_tracking_code(code);
  EXPECT_EQ((*found)->centre_status_at_unix, 106);
}

TEST(StoreCentreStatus, TheSchemaRefusesAStepBackOrAwayFromAFinalStatus) {
  TempDir dir("centre-status-schema");
  const auto file = dir.file("store.db");
  Delivered delivered = delivered_store(file, 2);
  auto& store = delivered.store;
  const auto& codes = delivered.codes;
  ASSERT_TRUE(store && codes.size() == 2);
  ASSERT_TRUE(*store->record_centre_status(codes[0], CentreStatus::DocumentsRequested, 100));
  ASSERT_TRUE(*store->record_centre_status(codes[1], CentreStatus::Resolved, 100));
  store.reset();
  auto db = Database::open(file, OpenOptions{});
  ASSERT_TRUE(db);
  const auto set = [&](const std::string& code, const char* status) {
    return db->exec("UPDATE applications SET centre_status = '" + std::string(status) +
                    "' WHERE tracking_code = '" + code + "'");
  };
  EXPECT_TRUE(set(codes[0], "in_review"));  // the same step
  EXPECT_TRUE(set(codes[0], "documents_requested"));
  EXPECT_FALSE(set(codes[0], "received"));
  EXPECT_FALSE(set(codes[0], "withdrawn"));  // not a word the centre says
  auto away = set(codes[1], "approved");
  ASSERT_FALSE(away);
  EXPECT_NE(away.error().message.find("only move forward"), std::string::npos) << away.error().message;
  EXPECT_FALSE(set(codes[1], "in_review"));
  // A decision is whole (note, credit and time together) and never replaced by an older one.
  EXPECT_FALSE(
      db->exec("UPDATE applications SET centre_note = 'x' WHERE tracking_code = '" + codes[0] + "'"));
  ASSERT_TRUE(
      db->exec("UPDATE applications SET centre_note = 'x', centre_credit = '', centre_decided_unix = 50"
               " WHERE tracking_code = '" +
               codes[0] + "'"));
  EXPECT_FALSE(
      db->exec("UPDATE applications SET centre_decided_unix = 49 WHERE tracking_code = '" + codes[0] + "'"));
}

TEST(StoreCentreStatus, KeepsTheLatestDecisionWithItsRecord) {
  TempDir dir("centre-decision");
  Delivered delivered = delivered_store(dir.file("store.db"), 1);
  auto& store = delivered.store;
  const auto& codes = delivered.codes;
  ASSERT_TRUE(store && codes.size() == 1);
  const std::string& code = codes[0];
  EXPECT_FALSE(decision_of(*store, code).has_value()) << "nothing decided yet";

  const CentreDecision asked{"اصل گذرنامه و دو قطعه عکس را بیاورید.", "", 500};
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::DocumentsRequested, 600, asked));
  EXPECT_EQ(decision_of(*store, code), asked);
  // Heard again on the next poll: nothing new.
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::DocumentsRequested, 660, asked));
  // A reply without a decision does not take the one we have away.
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::DocumentsRequested, 700));
  EXPECT_EQ(decision_of(*store, code), asked);
  // An older decision (a stale reply) does not replace a newer one.
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::InReview, 710));
  const CentreDecision older{"old words", "", 400};
  EXPECT_FALSE(*store->record_centre_status(code, CentreStatus::InReview, 720, older));
  EXPECT_EQ(decision_of(*store, code), asked);
  // A correction within the same second, then a later decision, replace it.
  const CentreDecision corrected{"اصل گذرنامه و سه قطعه عکس را بیاورید.", "", 500};
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::InReview, 730, corrected));
  EXPECT_EQ(decision_of(*store, code), corrected);
  const CentreDecision rejected{"Passport expired.", "", 900};
  EXPECT_TRUE(*store->record_centre_status(code, CentreStatus::Rejected, 1000, rejected));
  EXPECT_EQ(status_of(*store, code), CentreStatus::Rejected);
  EXPECT_EQ(decision_of(*store, code), rejected);

  // The append-only audit log says that decisions came and when, never the staff's words: those
  // stay with the record alone.
  auto audit = store->audit_entries(0, 1000);
  ASSERT_TRUE(audit);
  int decisions = 0;
  for (const AuditEntry& entry : *audit) {
    if (entry.action != "centre_decision") continue;
    ++decisions;
    EXPECT_EQ(entry.detail.find("گذرنامه"), std::string::npos) << entry.detail;
    EXPECT_EQ(entry.detail.find("Passport"), std::string::npos) << entry.detail;
  }
  EXPECT_EQ(decisions, 3);
}

TEST(StoreCentreStatus, FinalStatusesAreNoLongerAskedAbout) {
  TempDir dir("centre-status-poll");
  Delivered delivered = delivered_store(dir.file("store.db"), 5);
  auto& store = delivered.store;
  const auto& codes = delivered.codes;
  ASSERT_TRUE(store && codes.size() == 5);
  ASSERT_TRUE(store->record_centre_status(codes[0], CentreStatus::DocumentsRequested, 100));
  ASSERT_TRUE(store->record_centre_status(codes[1], CentreStatus::Approved, 100));
  ASSERT_TRUE(store->record_centre_status(codes[2], CentreStatus::Rejected, 100));
  ASSERT_TRUE(store->record_centre_status(codes[3], CentreStatus::Resolved, 100, CentreDecision{"", "", 99}));
  auto to_poll = store->centre_statuses_to_poll(10, 0);
  ASSERT_TRUE(to_poll) << to_poll.error().message;
  // Never asked comes first, then the least recently asked.
  EXPECT_EQ(*to_poll, (std::vector<std::string>{codes[4], codes[0]}));
}

// The saved screen asks often whether the centre has a capture: the light query agrees with the
// full record (confirmed or purged, or any word from the centre), and knows no unknown code.
TEST(StoreCentreStatus, ReachedCentreAgreesWithTheRecord) {
  TempDir dir("reached_centre");
  auto store = Store::open(dir.path() / "store.db");
  ASSERT_TRUE(store) << store.error().message;
  auto saved = (*store)->save_application(test::sample_application(0, 0), test::tracking_code_for);
  ASSERT_TRUE(saved) << saved.error().message;
  auto reached = (*store)->reached_centre(saved->tracking_code);
  ASSERT_TRUE(reached) << reached.error().message;
  EXPECT_FALSE(*reached) << "only captured: still on the terminal";
  EXPECT_FALSE((*store)->reached_centre("99999999999999").value());
  ASSERT_TRUE((*store)->mark_delivered(saved->outbox_id, 1000));
  auto record = (*store)->find_by_tracking_code(saved->tracking_code);
  ASSERT_TRUE(record && *record);
  const bool confirmed =
      (*record)->state == ApplicationState::Confirmed || (*record)->state == ApplicationState::Purged;
  EXPECT_EQ((*store)->reached_centre(saved->tracking_code).value(), confirmed);
  ASSERT_TRUE(
      (*store)->record_centre_status(saved->tracking_code, CentreStatus::Received, 1001, std::nullopt));
  EXPECT_TRUE((*store)->reached_centre(saved->tracking_code).value());
}

}  // namespace
}  // namespace pk::store
