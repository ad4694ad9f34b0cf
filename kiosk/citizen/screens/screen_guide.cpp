#include "kiosk/citizen/screens/screen_guide.h"

namespace pk::kiosk {

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
      return {strings::kStatusTitle, std::nullopt};
    case CitizenScreen::ReportService:
      return {strings::kReportTitle, strings::kReportWhich};
    case CitizenScreen::ReportDetails:
      return {strings::kReportTitle, strings::kReportWhat};
  }
  return {strings::kAppTitle, std::nullopt};
}

}  // namespace pk::kiosk
