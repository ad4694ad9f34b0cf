#pragma once
// Turning the operator's reviewed file into a durable record, like kiosk/submission.h does for
// the citizen: identity and every kept page sealed to the centre's key, then application,
// pages, outbox entry and audit line in ONE store transaction, with Channel::Counter and the
// operator's id. Pages the operator turned are turned here, before their hash is taken.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/result.h"
#include "kiosk/operator/operator_state.h"
#include "kiosk/submission.h"  // SubmissionContext
#include "offline-store/store.h"

namespace pk::kiosk::op {

// The pages that go into the record, in order: per required document (catalog order), the
// kept pages of that document in review order. Blank pages and cover sheets set aside and
// pages with no document are not in it.
struct KeptPage {
  const ReviewPage* page = nullptr;
  std::string doc_kind;
  int page_no = 0;
};
[[nodiscard]] std::vector<KeptPage> kept_pages(const catalog::Service& service, const OperatorState& state);

[[nodiscard]] Result<store::SavedApplication> submit_counter_application(const SubmissionContext& ctx,
                                                                         const catalog::Service& service,
                                                                         const OperatorState& state);

// What the outbox screen shows: every entry not yet delivered, however far its next attempt.
[[nodiscard]] Result<OutboxView> load_outbox(store::Store& store, int64_t now_unix, int limit = 200);

}  // namespace pk::kiosk::op
