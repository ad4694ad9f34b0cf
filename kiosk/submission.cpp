#include "kiosk/submission.h"

#include "base/secure_wipe.h"
#include "domain/tracking_code.h"

namespace pk::kiosk {

store::NewApplication new_record(const SubmissionContext& ctx) {
  store::NewApplication app;
  app.channel = store::Channel::Kiosk;
  if (!ctx.operator_id.empty()) {  // taken at a counter: the record names the operator
    app.channel = store::Channel::Counter;
    app.operator_id = ctx.operator_id;
  }
  app.terminal_id = ctx.config.terminal_id;
  app.created_at_unix = ctx.now_unix;
  app.created_monotonic_ms = ctx.now_monotonic_ms;
  return app;
}

std::string_view id_kind_name(identity::IdKind kind) {
  switch (kind) {
    case identity::IdKind::NationalCode:
      return "national_code";
    // The FIDA number keeps the name the centre has always read for the foreign national's
    // unique id (the same 12-digit number), so older centres read new terminals unchanged.
    case identity::IdKind::Fida:
      return "foreign_national_id";
    case identity::IdKind::AmayeshCard:
      return "amayesh_card";
    case identity::IdKind::Passport:
      return "passport";
    case identity::IdKind::Mobile:
      return "mobile";
  }
  return "?";
}

Result<std::vector<uint8_t>> seal_text(std::string&& clear, const store::PublicKey& centre_key) {
  auto sealed = store::seal({reinterpret_cast<const uint8_t*>(clear.data()), clear.size()}, centre_key);
  secure_wipe(clear);
  return sealed;
}

Result<store::NewDocument> sealed_page(std::string kind, int page_no, imaging::PageEncoding encoding,
                                       std::span<const uint8_t> content, const imaging::Sha256& sha256,
                                       const store::PublicKey& centre_key) {
  store::NewDocument d;
  d.doc_kind = std::move(kind);
  d.page_no = page_no;
  d.mime = std::string(imaging::mime_type(encoding));
  d.byte_size = static_cast<int64_t>(content.size());
  d.sha256 = sha256;
  auto sealed = store::seal(content, centre_key);
  if (!sealed) return sealed.error();
  d.sealed_content = std::move(sealed.value());
  return d;
}

Result<store::SavedApplication> save_with_tracking_code(store::Store& store, const store::NewApplication& app,
                                                        TrackingKind kind, int terminal_number) {
  // Out of sequence numbers: the error rolls the store's transaction back, nothing half-saved.
  return store.save_application(app, [kind, terminal_number](int64_t sequence) -> Result<std::string> {
    auto code = make_tracking_code(kind, terminal_number, sequence);
    if (!code) return code.error();
    return std::move(code.value()).digits();
  });
}

}  // namespace pk::kiosk
