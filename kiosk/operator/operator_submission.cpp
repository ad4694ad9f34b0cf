#include "kiosk/operator/operator_submission.h"

#include <sodium.h>

#include <limits>

#include "base/secure_wipe.h"
#include "domain/tracking_code.h"
#include "drivers/scanner/pipeline/page_codec.h"
#include "drivers/scanner/pipeline/page_ops.h"
#include "kiosk/personal_json.h"

namespace pk::kiosk::op {

namespace {

std::string_view mime_of(scanner::PageEncoding encoding) {
  return encoding == scanner::PageEncoding::PngBilevel ? "image/png" : "image/jpeg";
}

// A page the operator turned: decoded, turned and encoded again in its own format.
Result<std::vector<uint8_t>> turned(const ReviewPage& page) {
  auto pixels = page.encoding == scanner::PageEncoding::PngBilevel ? scanner::decode_png(page.bytes)
                                                                   : scanner::decode_jpeg(page.bytes);
  if (!pixels) return pixels.error();
  scanner::rotate_180(pixels.value());
  auto bytes = page.encoding == scanner::PageEncoding::PngBilevel
                   ? scanner::encode_bilevel_png(pixels.value())
                   : scanner::encode_jpeg(pixels.value(), 80);
  secure_wipe(pixels->pixels);
  return bytes;
}

}  // namespace

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
  store::NewApplication app;
  app.kind = store::ApplicationKind::Application;
  app.channel = store::Channel::Counter;
  app.operator_id = state.operator_id;
  app.terminal_id = ctx.config.terminal_id;
  app.created_at_unix = ctx.now_unix;
  app.created_monotonic_ms = ctx.now_monotonic_ms;
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
    std::vector<uint8_t> rotated;
    if (kept.page->rotate_180) {
      auto bytes = turned(*kept.page);
      if (!bytes)
        return make_error("page " + std::to_string(kept.page->sequence) + ": " + bytes.error().message);
      rotated = std::move(bytes.value());
    }
    const std::vector<uint8_t>& content = kept.page->rotate_180 ? rotated : kept.page->bytes;
    auto d = sealed_page(kept.doc_kind, kept.page_no, std::string(mime_of(kept.page->encoding)), content,
                         ctx.centre_key);
    secure_wipe(rotated);
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
