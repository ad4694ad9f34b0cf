#include "kiosk/submission.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "domain/tracking_code.h"
#include "kiosk/secure_wipe.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

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

// Seals a JSON document and wipes its clear text.
Result<std::vector<uint8_t>> seal_json(const nlohmann::json& doc, const store::PublicKey& key) {
  std::string clear = doc.dump();
  auto sealed = store::seal({reinterpret_cast<const uint8_t*>(clear.data()), clear.size()}, key);
  secure_wipe(clear);
  return sealed;
}

// The code is formed inside the store's transaction from the terminal's next sequence value.
std::function<std::string(int64_t)> code_maker(TrackingKind kind, int terminal_number) {
  return [kind, terminal_number](int64_t sequence) {
    auto code = make_tracking_code(kind, terminal_number, sequence);
    // Out of sequence numbers: throwing rolls the transaction back, nothing half-saved.
    if (!code) throw std::runtime_error(code.error().message);
    return std::move(code.value()).digits();
  };
}

store::NewApplication base_record(const SubmissionContext& ctx) {
  store::NewApplication app;
  app.channel = store::Channel::Kiosk;
  app.terminal_id = ctx.config.terminal_id;
  app.created_at_unix = ctx.now_unix;
  app.created_monotonic_ms = ctx.now_monotonic_ms;
  return app;
}

Result<store::SavedApplication> save(const SubmissionContext& ctx, const store::NewApplication& app,
                                     TrackingKind kind) {
  try {
    return ctx.store.save_application(app, code_maker(kind, ctx.config.terminal_number));
  } catch (const std::exception& e) {
    return make_error(std::string("nothing was saved: ") + e.what());
  }
}

}  // namespace

Result<store::SavedApplication> submit_application(const SubmissionContext& ctx, const CitizenState& state) {
  store::NewApplication app = base_record(ctx);
  app.kind = store::ApplicationKind::Application;
  app.service_number = state.service;

  const IdentityDraft& id = state.identity;
  nlohmann::json personal = {{"id_kind", id_kind_name(id.kind)},
                             {"id_number", id.number_normalised},
                             {"mobile", id.mobile_normalised},
                             {"consent", state.consent},
                             {"language", state.language == catalog::Language::Persian ? "fa" : "en"}};
  auto sealed_personal = seal_json(personal, ctx.centre_key);
  if (!sealed_personal) return sealed_personal.error();
  app.sealed_personal = std::move(sealed_personal.value());

  for (const CapturedDocument& doc : state.documents) {
    int page_no = 0;
    for (const CapturedPage& page : doc.pages) {
      store::NewDocument d;
      d.doc_kind = doc.kind;
      d.page_no = ++page_no;
      d.mime = "image/jpeg";
      d.byte_size = static_cast<int64_t>(page.jpeg.size());
      crypto_hash_sha256(d.sha256.data(), page.jpeg.data(), page.jpeg.size());
      auto sealed = store::seal(page.jpeg, ctx.centre_key);
      if (!sealed) return sealed.error();
      d.sealed_content = std::move(sealed.value());
      app.documents.push_back(std::move(d));
    }
  }
  return save(ctx, app, TrackingKind::Application);
}

Result<store::SavedApplication> submit_failure_report(const SubmissionContext& ctx,
                                                      const CitizenState& state) {
  store::NewApplication app = base_record(ctx);
  app.kind = store::ApplicationKind::FailureReport;
  if (state.report.service != 0) app.service_number = state.report.service;
  // The report's words and the mobile number may identify the person: sealed like the rest.
  nlohmann::json report = {{"problem", problem_id(state.report.problem)},
                           {"text", state.report.text},
                           {"mobile", state.report.mobile},
                           {"language", state.language == catalog::Language::Persian ? "fa" : "en"}};
  auto sealed = seal_json(report, ctx.centre_key);
  if (!sealed) return sealed.error();
  app.sealed_personal = std::move(sealed.value());
  return save(ctx, app, TrackingKind::FailureReport);
}

Result<StatusOutcome> look_up_status(store::Store& store, std::string_view typed_code,
                                     catalog::Language language) {
  const pk::Language lang =
      language == catalog::Language::Persian ? pk::Language::Persian : pk::Language::English;
  auto code = check_tracking_code(typed_code);
  if (!code) return make_error(std::string(describe(code.error(), lang)));
  StatusOutcome out;
  out.tracking_display = format(code.value(), lang);
  auto record = store.find_by_tracking_code(code.value().digits());
  if (!record) return record.error();
  if (!record.value()) {
    out.message = strings::kStatusNotHere.in(language);
    return out;
  }
  out.found = true;
  switch (record.value()->state) {
    case store::ApplicationState::Captured:
    case store::ApplicationState::Queued:
      out.message = strings::kStatusQueued.in(language);
      break;
    case store::ApplicationState::Sent:
      out.message = strings::kStatusSent.in(language);
      break;
    case store::ApplicationState::Confirmed:
    case store::ApplicationState::Purged:
      out.message = strings::kStatusConfirmed.in(language);
      break;
  }
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

std::string_view problem_name(ProblemKind problem, catalog::Language language) {
  switch (problem) {
    case ProblemKind::ServiceUnavailable:
      return strings::kProblemUnavailable.in(language);
    case ProblemKind::DeviceFault:
      return strings::kProblemDevice.in(language);
    case ProblemKind::SlowOrPoorService:
      return strings::kProblemSlow.in(language);
    case ProblemKind::WrongInformation:
      return strings::kProblemWrongInfo.in(language);
    case ProblemKind::Other:
      return strings::kProblemOther.in(language);
  }
  return "";
}

}  // namespace pk::kiosk
