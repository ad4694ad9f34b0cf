#include "kiosk/citizen/status_lookup.h"

#include "domain/tracking_code.h"
#include "kiosk/format.h"
#include "kiosk/strings.h"
#include "receipts/receipt_format.h"

namespace pk::kiosk {

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

}  // namespace pk::kiosk
