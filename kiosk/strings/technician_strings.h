#pragma once
// What the technician screens say, by key. The words are in kiosk/strings/technician_fa.cpp and
// technician_en.cpp: technician mode works in Persian or English.
#include "kiosk/strings.h"

namespace pk::kiosk::tech::strings {
using kiosk::Text;
inline constexpr Text kTitle{"technician_title"};
inline constexpr Text kLoginHint{"technician_login_hint"};
inline constexpr Text kId{"technician_id"};
inline constexpr Text kPin{"technician_pin"};
inline constexpr Text kSignIn{"technician_sign_in"};
inline constexpr Text kExit{"technician_exit"};
inline constexpr Text kServiceLevels{"technician_service_levels"};
inline constexpr Text kDevices{"technician_devices"};
inline constexpr Text kOutbox{"technician_outbox"};
inline constexpr Text kAvailabilityByMonth{"technician_availability_by_month"};
inline constexpr Text kThisMonth{"technician_this_month"};
inline constexpr Text kThisYear{"technician_this_year"};
// "Announced" (اعلام‌شده), as the agreement has it: planned means announced 72 h ahead. It also
// fits its column on two lines beside its pair, "unannounced".
inline constexpr Text kPlannedHours{"technician_planned_hours"};
inline constexpr Text kUnplannedHours{"technician_unplanned_hours"};
inline constexpr Text kReports{"technician_reports"};
inline constexpr Text kUnknownHours{"technician_unknown_hours"};
inline constexpr Text kHoursExplained{"technician_hours_explained"};
inline constexpr Text kOpenOutages{"technician_open_outages"};
inline constexpr Text kNoOpenOutages{"technician_no_open_outages"};
inline constexpr Text kClockSuspect{"technician_clock_suspect"};
inline constexpr Text kNeverSynced{"technician_never_synced"};
inline constexpr Text kUnknown{"technician_unknown"};
inline constexpr Text kPending{"technician_pending"};
inline constexpr Text kOldest{"technician_oldest"};
inline constexpr Text kMinutes{"technician_minutes"};
inline constexpr Text kSent{"technician_sent"};
inline constexpr Text kConfirmed{"technician_confirmed"};
inline constexpr Text kDatabase{"technician_database"};
inline constexpr Text kNoLedger{"technician_no_ledger"};
// Device set-up.
inline constexpr Text kFound{"technician_found"};
inline constexpr Text kNoDevice{"technician_no_device"};
inline constexpr Text kSelfTest{"technician_self_test"};
inline constexpr Text kPassed{"technician_passed"};
inline constexpr Text kFailed{"technician_failed"};
inline constexpr Text kSaveChoice{"technician_save_choice"};
inline constexpr Text kRefresh{"technician_refresh"};
inline constexpr Text kSaved{"technician_saved"};
inline constexpr Text kTesting{"technician_testing"};
inline constexpr Text kSeconds{"technician_seconds"};
inline constexpr Text kSearching{"technician_searching"};
inline constexpr Text kTestRunning{"technician_test_running"};
inline constexpr Text kWaitForDevices{"technician_wait_for_devices"};
inline constexpr Text kNoConfigFile{"technician_no_config_file"};
// Diagnostics.
inline constexpr Text kDiagnostics{"technician_diagnostics"};
inline constexpr Text kVersion{"technician_version"};
inline constexpr Text kSchema{"technician_schema"};
inline constexpr Text kLastError{"technician_last_error"};
inline constexpr Text kDevicesFound{"technician_devices_found"};
inline constexpr Text kLogLines{"technician_log_lines"};
inline constexpr Text kDestination{"technician_destination"};
inline constexpr Text kNoDestination{"technician_no_destination"};
inline constexpr Text kExport{"technician_export"};
inline constexpr Text kBundlePolicy{"technician_bundle_policy"};
inline constexpr Text kExported{"technician_exported"};
inline constexpr Text kSendToCentre{"technician_send_to_centre"};
inline constexpr Text kSending{"technician_sending"};
inline constexpr Text kSentToCentre{"technician_sent_to_centre"};
inline constexpr Text kUploadNotEnrolled{"technician_upload_not_enrolled"};
inline constexpr Text kUploadUnreachable{"technician_upload_unreachable"};
inline constexpr Text kUploadRefused{"technician_upload_refused"};
// Factory reset.
inline constexpr Text kFactoryReset{"technician_factory_reset"};
inline constexpr Text kResetExplain{"technician_reset_explain"};
inline constexpr Text kUnsent{"technician_unsent"};
inline constexpr Text kResetRefused{"technician_reset_refused"};
inline constexpr Text kResetAllSent{"technician_reset_all_sent"};
inline constexpr Text kReset{"technician_reset"};
inline constexpr Text kOverride{"technician_override"};
inline constexpr Text kOverrideWarning{"technician_override_warning"};
inline constexpr Text kRetypePin{"technician_retype_pin"};
inline constexpr Text kConfirmReset{"technician_confirm_reset"};
inline constexpr Text kCancel{"technician_cancel"};
// Enrollment.
inline constexpr Text kEnrollment{"technician_enrollment"};
inline constexpr Text kIsEnrolled{"technician_is_enrolled"};
inline constexpr Text kNotEnrolled{"technician_not_enrolled"};
inline constexpr Text kScanHint{"technician_scan_hint"};
inline constexpr Text kTerminalId{"technician_terminal_id"};
inline constexpr Text kTerminalNumber{"technician_terminal_number"};
inline constexpr Text kOffice{"technician_office"};
inline constexpr Text kCentreAddress{"technician_centre_address"};
inline constexpr Text kCertificateUntil{"technician_certificate_until"};
inline constexpr Text kCatalogInUse{"technician_catalog_in_use"};
inline constexpr Text kReenrollHint{"technician_reenroll_hint"};
inline constexpr Text kEnrollCode{"technician_enroll_code"};
inline constexpr Text kCentreUrl{"technician_centre_url"};
inline constexpr Text kCentrePin{"technician_centre_pin"};
inline constexpr Text kCodeEmpty{"technician_code_empty"};
inline constexpr Text kCodeOf16{"technician_code_of16"};
inline constexpr Text kCodeBadCharacter{"technician_code_bad_character"};
inline constexpr Text kCodeTooLong{"technician_code_too_long"};
inline constexpr Text kCodeWrongCheck{"technician_code_wrong_check"};
inline constexpr Text kCodeRight{"technician_code_right"};
inline constexpr Text kEnroll{"technician_enroll"};
inline constexpr Text kEnrolling{"technician_enrolling"};
inline constexpr Text kEnrollDone{"technician_enroll_done"};
inline constexpr Text kCatalogStored{"technician_catalog_stored"};
inline constexpr Text kCatalogKept{"technician_catalog_kept"};
inline constexpr Text kCatalogLater{"technician_catalog_later"};
inline constexpr Text kFetchCatalog{"technician_fetch_catalog"};
inline constexpr Text kFetchingCatalog{"technician_fetching_catalog"};
inline constexpr Text kEnrollMistyped{"technician_enroll_mistyped"};
inline constexpr Text kEnrollUnknown{"technician_enroll_unknown"};
inline constexpr Text kEnrollUsed{"technician_enroll_used"};
inline constexpr Text kEnrollExpired{"technician_enroll_expired"};
inline constexpr Text kEnrollUnreachable{"technician_enroll_unreachable"};
inline constexpr Text kEnrollWrongCentre{"technician_enroll_wrong_centre"};
inline constexpr Text kEnrollBadArguments{"technician_enroll_bad_arguments"};
inline constexpr Text kEnrollRefused{"technician_enroll_refused"};
inline constexpr Text kEnrollElsewhere{"technician_enroll_elsewhere"};
inline constexpr Text kEnrollDisk{"technician_enroll_disk"};
inline constexpr Text kEnrollBlocksReset{"technician_enroll_blocks_reset"};
inline constexpr Text kQrRead{"technician_qr_read"};
inline constexpr Text kQrNotEnrollment{"technician_qr_not_enrollment"};
inline constexpr Text kQrVersion{"technician_qr_version"};
inline constexpr Text kQrDamaged{"technician_qr_damaged"};
}  // namespace pk::kiosk::tech::strings
