#include "kiosk/operator/operator_submission.h"

#include <limits>
#include <optional>

#include "base/secure_wipe.h"
#include "domain/tracking_code.h"
#include "imaging/page_turn.h"
#include "kiosk/personal_json.h"

namespace pk::kiosk::op {

std::vector<KeptPage> kept_pages(const catalog::Service& service, const OperatorState& state) {
  std::vector<KeptPage> out;
  for (size_t doc = 0; doc < service.documents.size(); ++doc) {
    int page_no = 0;
    for (const ReviewPage& page : state.pages)
      if (page.role == PageRole::Content && page.document == static_cast<int>(doc))
        out.push_back({&page, service.documents[doc].kind, ++page_no});
  }
  return out;
}

Result<store::SavedApplication> submit_counter_application(const SubmissionContext& ctx,
                                                           const catalog::Service& service,
                                                           const OperatorState& state) {
  if (state.operator_id.empty()) return make_error("no operator is logged in");
  store::NewApplication app = new_record(ctx);
  app.kind = store::ApplicationKind::Application;
  app.channel = store::Channel::Counter;  // whatever ctx says: the operator signed in took it
  app.operator_id = state.operator_id;
  app.service_number = service.number;

  const IdentityDraft& id = state.identity;
  // Keys in sorted order, as the centre has always received them.
  auto sealed_personal = seal_text(personal_json({{"channel", std::string_view("counter")},
                                                  {"id_kind", id_kind_name(id.kind)},
                                                  {"id_number", id.number_normalised},
                                                  {"language", language_code(state.language)},
                                                  {"mobile", id.mobile_normalised}}),
                                   ctx.centre_key);
  if (!sealed_personal) return sealed_personal.error();
  app.sealed_personal = std::move(sealed_personal.value());

  for (const KeptPage& kept : kept_pages(service, state)) {
    const ReviewPage& page = *kept.page;
    // A page the operator turned is turned in its encoded form, losslessly, with the new
    // bytes' hash (imaging/page_turn.h); any other page goes as the pipeline made it.
    std::optional<imaging::EncodedPage> turned;
    if (page.rotate_180) {
      auto bytes = imaging::turn_180(page.encoding, page.bytes);
      if (!bytes) return make_error("page " + std::to_string(page.sequence) + ": " + bytes.error().message);
      turned = std::move(bytes.value());
    }
    auto d = turned ? sealed_page(kept.doc_kind, kept.page_no, turned->encoding, turned->bytes,
                                  turned->sha256, ctx.centre_key)
                    : sealed_page(kept.doc_kind, kept.page_no, page.encoding, page.bytes, page.sha256,
                                  ctx.centre_key);
    if (turned) secure_wipe(turned->bytes);
    if (!d) return d.error();
    app.documents.push_back(std::move(d.value()));
  }
  return save_with_tracking_code(ctx.store, app, TrackingKind::Application, ctx.config.terminal_number);
}

Result<OutboxView> load_outbox(store::Store& store, int64_t now_unix, int limit) {
  // pending_outbox lists entries due by the given time; the screen wants them all, including
  // those waiting for their next retry, so it asks "due by the end of time".
  auto entries = store.pending_outbox(limit, std::numeric_limits<int64_t>::max());
  if (!entries) return entries.error();
  auto stats = store.stats(now_unix);
  if (!stats) return stats.error();
  OutboxView view;
  view.pending = stats->pending_outbox;
  view.oldest_age_seconds = stats->oldest_pending_age_seconds;
  for (const store::OutboxEntry& e : entries.value())
    view.rows.push_back({e.tracking_code, std::max<int64_t>(0, now_unix - e.created_at_unix), e.attempts,
                         e.last_error.value_or("")});
  return view;
}

}  // namespace pk::kiosk::op
