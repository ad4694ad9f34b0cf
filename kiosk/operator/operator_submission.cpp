#include "kiosk/operator/operator_submission.h"

#include <sodium.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "domain/tracking_code.h"
#include "drivers/scanner/pipeline/page_codec.h"
#include "drivers/scanner/pipeline/page_ops.h"
#include "kiosk/secure_wipe.h"

namespace pk::kiosk::op {

namespace {

std::string_view id_kind_name(identity::IdKind kind) {
  switch (kind) {
    case identity::IdKind::NationalCode:
      return "national_code";
    case identity::IdKind::ForeignNationalId:
      return "foreign_national_id";
    case identity::IdKind::Passport:
      return "passport";
    case identity::IdKind::Mobile:
      return "mobile";
  }
  return "?";
}

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
  nlohmann::json personal = {{"id_kind", id_kind_name(id.kind)},
                             {"id_number", id.number_normalised},
                             {"mobile", id.mobile_normalised},
                             {"channel", "counter"},
                             {"language", state.language == catalog::Language::Persian ? "fa" : "en"}};
  std::string clear = personal.dump();
  auto sealed_personal =
      store::seal({reinterpret_cast<const uint8_t*>(clear.data()), clear.size()}, ctx.centre_key);
  secure_wipe(clear);
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
    store::NewDocument d;
    d.doc_kind = kept.doc_kind;
    d.page_no = kept.page_no;
    d.mime = std::string(mime_of(kept.page->encoding));
    d.byte_size = static_cast<int64_t>(content.size());
    crypto_hash_sha256(d.sha256.data(), content.data(), content.size());
    auto sealed = store::seal(content, ctx.centre_key);
    secure_wipe(rotated);
    if (!sealed) return sealed.error();
    d.sealed_content = std::move(sealed.value());
    app.documents.push_back(std::move(d));
  }

  const int terminal = ctx.config.terminal_number;
  try {
    return ctx.store.save_application(app, [terminal](int64_t sequence) {
      auto code = make_tracking_code(TrackingKind::Application, terminal, sequence);
      // Out of sequence numbers: throwing rolls the transaction back, nothing half-saved.
      if (!code) throw std::runtime_error(code.error().message);
      return std::move(code.value()).digits();
    });
  } catch (const std::exception& e) {
    return make_error(std::string("nothing was saved: ") + e.what());
  }
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
