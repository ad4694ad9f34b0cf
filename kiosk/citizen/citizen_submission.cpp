#include "kiosk/citizen/citizen_submission.h"

#include "base/secure_wipe.h"
#include "domain/text_normalize.h"
#include "kiosk/personal_json.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

Result<store::SavedApplication> submit_application(const SubmissionContext& ctx, const CitizenState& state) {
  store::NewApplication app = new_record(ctx);
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
  store::NewApplication app = new_record(ctx);
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
