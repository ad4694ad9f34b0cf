#include "kiosk/submission.h"

#include "base/secure_wipe.h"
#include "domain/text_normalize.h"
#include "domain/tracking_code.h"
#include "kiosk/format.h"
#include "kiosk/personal_json.h"
#include "kiosk/strings.h"
#include "receipts/receipt_format.h"

namespace pk::kiosk {

namespace {

store::NewApplication base_record(const SubmissionContext& ctx) {
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

}  // namespace

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

Result<store::SavedApplication> submit_application(const SubmissionContext& ctx, const CitizenState& state) {
  store::NewApplication app = base_record(ctx);
  app.kind = store::ApplicationKind::Application;
  app.service_number = state.service;

  const IdentityDraft& id = state.identity;
  const std::string_view language = language_code(state.language);
  // Keys in sorted order, as the centre has always received them. "passport_chip" (the chip's
  // passive authentication, e.g. "verified", "signature_invalid") is there only when a chip
  // was read: a centre that does not know the key ignores it, and its absence means no chip.
  auto sealed_personal =
      seal_text(id.chip ? personal_json({{"consent", state.consent},
                                         {"id_kind", id_kind_name(id.kind)},
                                         {"id_number", id.number_normalised},
                                         {"language", language},
                                         {"mobile", id.mobile_normalised},
                                         {"passport_chip", cardreader::icao::to_string(*id.chip)}})
                        : personal_json({{"consent", state.consent},
                                         {"id_kind", id_kind_name(id.kind)},
                                         {"id_number", id.number_normalised},
                                         {"language", language},
                                         {"mobile", id.mobile_normalised}}),
                ctx.centre_key);
  if (!sealed_personal) return sealed_personal.error();
  app.sealed_personal = std::move(sealed_personal.value());

  for (const CapturedDocument& doc : state.documents) {
    int page_no = 0;
    for (const CapturedPage& page : doc.pages) {
      auto d = sealed_page(doc.kind, ++page_no, page.encoding, page.bytes, page.sha256, ctx.centre_key);
      if (!d) return d.error();
      app.documents.push_back(std::move(d.value()));
    }
  }
  return save_with_tracking_code(ctx.store, app, TrackingKind::Application, ctx.config.terminal_number);
}

Result<store::SavedApplication> submit_failure_report(const SubmissionContext& ctx,
                                                      const CitizenState& state) {
  store::NewApplication app = base_record(ctx);
  app.kind = store::ApplicationKind::FailureReport;
  if (state.report.service != 0) app.service_number = state.report.service;
  // The report's words and the mobile number may identify the person: sealed like the rest.
  std::string text = normalize_for_storage(state.report.text);
  const WipeAtScopeEnd wipe_text(text);
  auto sealed = seal_text(personal_json({{"language", language_code(state.language)},
                                         {"mobile", state.report.mobile},
                                         {"problem", problem_id(state.report.problem)},
                                         {"text", text}}),
                          ctx.centre_key);
  if (!sealed) return sealed.error();
  app.sealed_personal = std::move(sealed.value());
  return save_with_tracking_code(ctx.store, app, TrackingKind::FailureReport, ctx.config.terminal_number);
}

namespace {

void add_detail(StatusOutcome& out, const Text& heading, const std::string& text,
                catalog::Language language) {
  if (!text.empty()) out.details.push_back({heading.in(language), text});
}

// The message for the centre's status and, where the status calls for it, the back office's
// words under it. A note is only shown with the status it was written for (the documents to
// bring while they are asked for, the reason of a rejection, the reply to a report): after a
// step on without a new decision, the old note would say something no longer true.
void describe_centre_status(StatusOutcome& out, store::CentreStatus status, store::ApplicationKind kind,
                            const std::optional<store::CentreDecision>& decision,
                            catalog::Language language) {
  static const std::string kNone;
  const std::string& note = decision ? decision->note : kNone;
  const std::string& credit = decision ? decision->credit : kNone;
  const bool report = kind == store::ApplicationKind::FailureReport;
  switch (status) {
    case store::CentreStatus::Receiving:
      break;
    case store::CentreStatus::Received:
      out.message = strings::kStatusConfirmed.in(language);
      out.spoken.message = strings::kStatusConfirmed;
      break;
    case store::CentreStatus::InReview:
      if (!report) {
        out.message = strings::kStatusInReview.in(language);
        out.spoken.message = strings::kStatusInReview;
      } else if (note.empty()) {
        out.message = strings::kReportStatusInReview.in(language);
        out.spoken.message = strings::kReportStatusInReview;
      } else {
        // A report is answered while it stays in review: the reply is the news.
        out.message = strings::kReportStatusAnswered.in(language);
        out.spoken.message = strings::kReportStatusAnswered;
        add_detail(out, strings::kDecisionReply, note, language);
      }
      break;
    case store::CentreStatus::DocumentsRequested:
      out.message = strings::kStatusDocumentsRequested.in(language);
      out.spoken.message = strings::kStatusDocumentsRequested;
      add_detail(out, strings::kDecisionDocuments, note, language);
      break;
    case store::CentreStatus::Approved:
      out.message = strings::kStatusApproved.in(language);
      out.spoken.message = strings::kStatusApproved;
      break;
    case store::CentreStatus::Rejected:
      out.message = strings::kStatusRejected.in(language);
      out.spoken.message = strings::kStatusRejected;
      add_detail(out, strings::kDecisionReason, note, language);
      break;
    case store::CentreStatus::Resolved:
      out.message = strings::kReportStatusResolved.in(language);
      out.spoken.message = strings::kReportStatusResolved;
      add_detail(out, strings::kDecisionReply, note, language);
      add_detail(out, strings::kDecisionCredit, credit, language);
      break;
  }
}

// The service and the day, and the one thing to do next for where the capture stands.
void describe_service_and_next_step(StatusOutcome& out, const store::ApplicationRecord& record,
                                    const catalog::Catalog& catalog, catalog::Language language) {
  const catalog::Service* service =
      record.service_number ? catalog.find(static_cast<int>(*record.service_number)) : nullptr;
  if (service) {
    out.service = format_number(service->number, language) + ". " + service->title.in(language);
    out.spoken.service = service->title;
  }
  out.saved_at = receipts::format_date_time(record.created_at_unix, language);
  const bool report = record.kind == store::ApplicationKind::FailureReport;
  if (!record.centre_status) {
    out.next_step = strings::kNextNothingYet.in(language);
    out.spoken.next_step = strings::kNextNothingYet;
    return;
  }
  switch (*record.centre_status) {
    case store::CentreStatus::Receiving:
      out.next_step = strings::kNextNothingYet.in(language);
      out.spoken.next_step = strings::kNextNothingYet;
      break;
    case store::CentreStatus::Received:
    case store::CentreStatus::InReview:
      if (report) {
        out.next_step = strings::kNextWaitReport.in(language);
        out.spoken.next_step = strings::kNextWaitReport;
      } else if (service && service->handling_days > 0) {
        std::string text = strings::kNextWaitDays.in(language);
        text.replace(text.find("{}"), 2, format_number(service->handling_days, language));
        out.next_step = std::move(text);
        out.spoken.next_step_days = service->handling_days;
        out.spoken.next_step = strings::kNextWaitDays;
      }
      break;
    case store::CentreStatus::DocumentsRequested:
      out.next_step = strings::kNextBringDocuments.in(language);
      out.spoken.next_step = strings::kNextBringDocuments;
      break;
    case store::CentreStatus::Approved:
      out.next_step = strings::kNextCollect.in(language);
      out.spoken.next_step = strings::kNextCollect;
      break;
    case store::CentreStatus::Rejected:
      out.next_step = strings::kNextDispute.in(language);
      out.spoken.next_step = strings::kNextDispute;
      break;
    case store::CentreStatus::Resolved:
      break;  // the reply and any credit are the news; nothing more to do
  }
}

}  // namespace

Result<StatusOutcome> look_up_status(store::Store& store, std::string_view typed_code,
                                     catalog::Language language, const catalog::Catalog* catalog) {
  const pk::Language lang = language;
  auto code = check_tracking_code(typed_code);
  if (!code) return make_error(std::string(describe(code.error(), lang)));
  StatusOutcome out;
  out.tracking_display = format(code.value(), lang);
  auto record = store.find_by_tracking_code(code.value().digits());
  if (!record) return record.error();
  if (!record.value()) {
    out.message = strings::kStatusNotHere.in(language);
    out.spoken.message = strings::kStatusNotHere;
    return out;
  }
  out.found = true;
  switch (record.value()->state) {
    case store::ApplicationState::Captured:
    case store::ApplicationState::Queued:
      out.message = strings::kStatusQueued.in(language);
      out.spoken.message = strings::kStatusQueued;
      break;
    case store::ApplicationState::Sent:
      out.message = strings::kStatusSent.in(language);
      out.spoken.message = strings::kStatusSent;
      break;
    case store::ApplicationState::Confirmed:
    case store::ApplicationState::Purged:
      out.message = strings::kStatusConfirmed.in(language);
      out.spoken.message = strings::kStatusConfirmed;
      break;
  }
  // The centre's own word, as the sync client last heard it, wins once there is one.
  if (const auto centre = record.value()->centre_status) {
    describe_centre_status(out, *centre, record.value()->kind, record.value()->centre_decision, language);
  }
  if (catalog) describe_service_and_next_step(out, *record.value(), *catalog, language);
  return out;
}

std::string_view problem_id(ProblemKind problem) {
  switch (problem) {
    case ProblemKind::ServiceUnavailable:
      return "service_unavailable";
    case ProblemKind::DeviceFault:
      return "device_fault";
    case ProblemKind::SlowOrPoorService:
      return "slow_or_poor_service";
    case ProblemKind::WrongInformation:
      return "wrong_information";
    case ProblemKind::Other:
      return "other";
  }
  return "other";
}

Text problem_text(ProblemKind problem) {
  switch (problem) {
    case ProblemKind::ServiceUnavailable:
      return strings::kProblemUnavailable;
    case ProblemKind::DeviceFault:
      return strings::kProblemDevice;
    case ProblemKind::SlowOrPoorService:
      return strings::kProblemSlow;
    case ProblemKind::WrongInformation:
      return strings::kProblemWrongInfo;
    case ProblemKind::Other:
      return strings::kProblemOther;
  }
  return strings::kProblemOther;
}

std::string_view problem_name(ProblemKind problem, catalog::Language language) {
  return problem_text(problem).in(language);
}

}  // namespace pk::kiosk
