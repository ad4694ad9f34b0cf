#include "kiosk/citizen/screens/screen_guide.h"

namespace pk::kiosk {

namespace {

// The status answer, said: the news, then the service, then what to do next. Built from the
// answer's string-table and catalog parts only, so the tracking code, the date and staff's
// words are never among them (those are said only from their own speaker buttons).
ScreenGuide status_result_guide(const StatusOutcome& status) {
  const StatusSpoken& spoken = status.spoken;
  ScreenGuide guide{strings::kStatusTitle,
                    spoken.message ? std::optional<Prompt>(*spoken.message) : std::nullopt};
  if (spoken.service) {
    guide.then.emplace_back(strings::kStatusService);
    guide.then.emplace_back(*spoken.service);
  }
  if (spoken.next_step)
    guide.then.push_back(spoken.next_step_days > 0
                             ? Prompt::with_catalog_count(*spoken.next_step, spoken.next_step_days)
                             : Prompt(*spoken.next_step));
  return guide;
}

}  // namespace

ScreenGuide screen_guide(const CitizenState& s, const catalog::Catalog& catalog) {
  switch (s.screen) {
    case CitizenScreen::Welcome:
      return {strings::kWelcome, strings::kWelcomeHint};
    case CitizenScreen::Browse:
      return {strings::kServices, strings::kBrowsePrompt};
    case CitizenScreen::ServiceCard:
      if (const catalog::Service* service = catalog.find(s.service))
        return {service->title, service->offered_at(catalog::Channel::Kiosk)
                                    ? std::optional<Prompt>(strings::kServiceCardPrompt)
                                    : std::optional<Prompt>(strings::kCounterOnlyNotice)};
      return {strings::kServices, std::nullopt};
    case CitizenScreen::Identify:
      return {strings::kIdentifyTitle, strings::kIdHint};
    case CitizenScreen::ReadPassport:
      return {strings::kPassportTitle, strings::kPassportHint};
    case CitizenScreen::Capture:
      return {strings::kCaptureTitle, strings::kCaptureHint};
    case CitizenScreen::Review:
      return {strings::kReviewTitle, strings::kConsent};
    case CitizenScreen::Saved:
      return {s.saved.is_failure_report ? strings::kReportSavedTitle : strings::kSavedTitle,
              s.saved.printed ? strings::kReceiptPrinted : strings::kReceiptNotPrinted};
    case CitizenScreen::StatusEntry:
      return {strings::kStatusTitle, strings::kStatusHint};
    case CitizenScreen::StatusResult:
      return status_result_guide(s.status);
    case CitizenScreen::ReportService:
      return {strings::kReportTitle, strings::kReportWhich};
    case CitizenScreen::ReportDetails:
      return {strings::kReportTitle, strings::kReportWhat};
  }
  return {strings::kAppTitle, std::nullopt};
}

}  // namespace pk::kiosk
