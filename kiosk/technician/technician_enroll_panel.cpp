// The Enrollment tab's work: the identity on disk, a scanned QR code, and the enrollment or the
// catalog fetch running off the frame loop (BackgroundTask), handed to the App once done.
#include <spdlog/spdlog.h>

#include "kiosk/technician/technician_enroll_screen.h"

namespace pk::kiosk::tech {

void EnrollPanel::refresh(const Config& config) {
  m_identity.reset();
  m_certificate_expiry.reset();
  m_identity_problem.clear();
  auto identity = provisioning::load_identity(config.data_dir);
  if (!identity) {
    m_identity_problem = identity.error().message;
  } else if (identity->has_value()) {
    m_identity = **identity;
    if (auto expiry = provisioning::certificate_expiry(*m_identity))
      m_certificate_expiry = *expiry;
    else
      spdlog::warn("enrollment tab: {}", expiry.error().message);
  }
  if (m_url.empty()) m_url = config.centre_url;
  if (m_pin.empty()) m_pin = config.centre_pin;
}

void EnrollPanel::scanned(std::string_view text) {
  if (running() || enrolled()) return;
  provisioning::QrReading reading = provisioning::parse_enrollment_qr(text);
  m_qr_problem = reading.problem;
  if (!reading.ok()) {
    spdlog::warn("enrollment tab: scanned code refused: {}", reading.detail);
    m_qr = std::move(reading);
    return;
  }
  // All three at once, or none: a half-applied QR code would mix two centres.
  m_code = reading.qr.code;
  m_url = reading.qr.centre_url;
  m_pin = reading.qr.centre_pin;
  m_outcome.reset();
  m_qr = std::move(reading);
}

std::optional<provisioning::EnrollOutcome> EnrollPanel::perform(const Config& config) {
  if (m_fetch_requested && m_identity && !running()) {
    m_fetch_requested = false;
    m_catalog_fetch.reset();
    m_outcome.reset();
    m_started = std::chrono::steady_clock::now();
    (void)m_catalog_task.start(
        [identity = *m_identity, file = config.data_dir / "catalog" / "last-good.json"] {
          sync::HttpOptions http;
          http.connect_timeout = std::chrono::milliseconds(5'000);
          http.total_timeout = std::chrono::milliseconds(30'000);
          return provisioning::fetch_catalog(identity, file, http);
        });
  }
  if (std::optional<provisioning::CatalogAtEnrollment> fetched = m_catalog_task.take()) {
    spdlog::info("enrollment tab: catalog ({}): {}", provisioning::to_string(fetched->result),
                 fetched->message);
    m_catalog_fetch = fetched;
    if (fetched->result == provisioning::CatalogFetch::Stored && m_identity) {
      provisioning::EnrollOutcome again;
      again.status = provisioning::EnrollStatus::AlreadyEnrolled;
      again.identity = m_identity;
      again.catalog = *fetched;
      again.message = "catalog fetched again";
      return again;
    }
  }
  if (m_start_requested && !running()) {
    m_start_requested = false;
    provisioning::EnrollOptions options;
    options.data_dir = config.data_dir;
    options.code = m_code;
    options.centre_url = m_url;
    options.centre_pin = m_pin;
    options.http.connect_timeout = std::chrono::milliseconds(5'000);
    options.http.total_timeout = std::chrono::milliseconds(30'000);
    m_outcome.reset();
    m_qr.reset();
    m_started = std::chrono::steady_clock::now();
    // The work gets copies only: the frame loop goes on drawing this panel meanwhile.
    (void)m_task.start([options] { return provisioning::enroll(options); });
  }
  std::optional<provisioning::EnrollOutcome> done = m_task.take();
  if (!done) return std::nullopt;
  if (done->ok())
    spdlog::info("enrollment tab: {}; catalog: {}", done->message, done->catalog.message);
  else
    spdlog::warn("enrollment tab: {} ({})", done->message, provisioning::to_string(done->failure));
  m_outcome = done;
  if (!done->ok()) return done;  // every field stays as typed: a retry is one tap
  m_code.clear();
  refresh(config);
  return done;
}

}  // namespace pk::kiosk::tech
