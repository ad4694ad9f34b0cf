#pragma once
// The technician's Enrollment tab (issue 10.2): whether this terminal is enrolled (terminal id,
// number, office, centre, certificate expiry, catalog in use) and, when it is not, enrolling it
// from the screen: the one-time code typed on the on-screen keyboard (grouped in fours as the
// centre prints it, its check character checked live) or read from the centre's QR code by the
// barcode scanner, the centre's address and pin prefilled from the configuration.
//
// Enrollment runs off the frame loop (BackgroundTask); the tab shows it running and then the
// outcome's sentence, Persian first. A failed attempt keeps every field as it was, so a retry
// is one tap (enrollment is resumable: the key from the first attempt is reused). A success is
// handed to the App once (perform()), which makes the running kiosk adopt the identity.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/language.h"
#include "kiosk/background_task.h"
#include "kiosk/config.h"
#include "protocol/enrollment_qr.h"
#include "provisioning/enrollment.h"
#include "ui/widgets.h"

namespace pk::kiosk::tech {

struct TechContext;

enum class EnrollField { Code, Url, Pin };

// The certificate's expiry as the tab shows it: the Iran-time Jalali date through the domain's
// formatter, in either language ("۴ آذر ۱۴۰۵" / "4 Azar 1405").
[[nodiscard]] std::string expiry_date_text(int64_t unix_seconds, Language language);

class EnrollPanel {
 public:
  // Reads the identity on disk (after sign-in, after an enrollment) and fills an empty address
  // and pin from the configuration (centre.url, centre.pin).
  void refresh(const Config& config);
  void draw(TechContext& ctx, const ui::Rect& body);
  // A read from the barcode scanner while the tab is shown: an enrollment QR code fills the
  // three fields; anything else fills nothing and says why.
  void scanned(std::string_view text);
  // After the frame: starts the enrollment the screen asked for; returns a finished one exactly
  // once (a success after refreshing what the tab shows: the App then adopts it). A catalog
  // fetched again and stored comes back as an AlreadyEnrolled outcome, for the App to load.
  [[nodiscard]] std::optional<provisioning::EnrollOutcome> perform(const Config& config);
  // An enrollment, or a fetch of the catalog again (enrolled view), is running.
  [[nodiscard]] bool running() const { return m_task.running() || m_catalog_task.running(); }
  void wait() {  // tests: until the running work has finished
    m_task.join();
    m_catalog_task.join();
  }

  [[nodiscard]] bool enrolled() const { return m_identity.has_value(); }
  [[nodiscard]] const std::string& code() const { return m_code; }
  [[nodiscard]] const std::string& centre_url() const { return m_url; }
  [[nodiscard]] const std::string& centre_pin() const { return m_pin; }
  [[nodiscard]] const std::optional<provisioning::EnrollOutcome>& outcome() const { return m_outcome; }
  [[nodiscard]] provisioning::QrProblem qr_problem() const { return m_qr_problem; }
  [[nodiscard]] const std::optional<provisioning::CatalogAtEnrollment>& catalog_fetch() const {
    return m_catalog_fetch;
  }

 private:
  void draw_enrolled(TechContext& ctx, const ui::Rect& body);
  void draw_form(TechContext& ctx, const ui::Rect& body);
  float draw_outcome(TechContext& ctx, const ui::Rect& area);

  std::optional<provisioning::TerminalIdentity> m_identity;
  std::optional<int64_t> m_certificate_expiry;
  std::string m_identity_problem;  // a damaged identity.json
  std::string m_code;
  std::string m_url;
  std::string m_pin;
  EnrollField m_field = EnrollField::Code;
  bool m_lower_case = false;  // the pin is base64: letters of both cases
  bool m_start_requested = false;
  bool m_fetch_requested = false;  // the catalog again, when enrolled
  std::optional<provisioning::CatalogAtEnrollment> m_catalog_fetch;
  std::optional<provisioning::QrReading> m_qr;  // the last scan (its outcome shown)
  provisioning::QrProblem m_qr_problem = provisioning::QrProblem::None;
  std::optional<provisioning::EnrollOutcome> m_outcome;  // of the last attempt
  std::chrono::steady_clock::time_point m_started;
  BackgroundTask<provisioning::CatalogAtEnrollment> m_catalog_task;
  BackgroundTask<provisioning::EnrollOutcome> m_task;  // last: joined before the rest goes
};

}  // namespace pk::kiosk::tech
