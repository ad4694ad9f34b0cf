#pragma once
// Every sentence the counter operator's screens show, by key (shared words such as "Back" or
// "Service" come from kiosk/strings.h). The words are in kiosk/strings/operator_fa.cpp and
// operator_en.cpp: the counter works in Persian or English.
#include "kiosk/strings.h"

namespace pk::kiosk::op {

namespace strings {
inline constexpr Text kCounterTitle{"operator_counter_title"};
inline constexpr Text kOperator{"operator_operator"};
inline constexpr Text kLogout{"operator_logout"};
// Login
inline constexpr Text kLoginTitle{"operator_login_title"};
inline constexpr Text kLoginHint{"operator_login_hint"};
inline constexpr Text kOperatorId{"operator_operator_id"};
inline constexpr Text kPin{"operator_pin"};
inline constexpr Text kLogin{"operator_login"};
inline constexpr Text kWrongCredentials{"operator_wrong_credentials"};
inline constexpr Text kAttemptsLeft{"operator_attempts_left"};
inline constexpr Text kLockedOut{"operator_locked_out"};
inline constexpr Text kNoAccounts{"operator_no_accounts"};
// Home
inline constexpr Text kHomeTitle{"operator_home_title"};
inline constexpr Text kNewApplication{"operator_new_application"};
inline constexpr Text kNewApplicationHint{"operator_new_application_hint"};
inline constexpr Text kOutbox{"operator_outbox"};
inline constexpr Text kOutboxHint{"operator_outbox_hint"};
inline constexpr Text kPendingCount{"operator_pending_count"};
inline constexpr Text kOldest{"operator_oldest"};
// A walk-in citizen's other errands, done on the citizen's own screens at the counter.
inline constexpr Text kWalkInErrands{"operator_walk_in_errands"};
inline constexpr Text kWalkInStatus{"operator_walk_in_status"};
inline constexpr Text kWalkInReport{"operator_walk_in_report"};
// Idle logout: "Signing out in 28 s — touch to stay".
inline constexpr Text kIdleLogoutIn{"operator_idle_logout_in"};
inline constexpr Text kIdleLogoutSeconds{"operator_idle_logout_seconds"};
inline constexpr Text kTouchToStay{"operator_touch_to_stay"};
// New application
inline constexpr Text kChooseService{"operator_choose_service"};
inline constexpr Text kIdentityTitle{"operator_identity_title"};
inline constexpr Text kCounterOnlyTag{"operator_counter_only_tag"};
inline constexpr Text kToScan{"operator_to_scan"};
// Batch scan
inline constexpr Text kScanTitle{"operator_scan_title"};
inline constexpr Text kScanHint{"operator_scan_hint"};
inline constexpr Text kStartScan{"operator_start_scan"};
inline constexpr Text kCancelScan{"operator_cancel_scan"};
inline constexpr Text kSimplex{"operator_simplex"};
inline constexpr Text kDuplex{"operator_duplex"};
inline constexpr Text kScanning{"operator_scanning"};
inline constexpr Text kScanDone{"operator_scan_done"};
inline constexpr Text kPagesIn{"operator_pages_in"};
inline constexpr Text kToReview{"operator_to_review"};
// Review
inline constexpr Text kReviewTitle{"operator_review_title"};
inline constexpr Text kUnassigned{"operator_unassigned"};
inline constexpr Text kSetAside{"operator_set_aside"};
inline constexpr Text kBlank{"operator_blank"};
inline constexpr Text kCover{"operator_cover"};
inline constexpr Text kSelected{"operator_selected"};
inline constexpr Text kSelectHint{"operator_select_hint"};
inline constexpr Text kRotate{"operator_rotate"};
inline constexpr Text kTurned{"operator_turned"};
inline constexpr Text kNeeded{"operator_needed"};
inline constexpr Text kDelete{"operator_delete"};
inline constexpr Text kEarlier{"operator_earlier"};
inline constexpr Text kLater{"operator_later"};
inline constexpr Text kRescan{"operator_rescan"};
inline constexpr Text kKeep{"operator_keep"};
inline constexpr Text kAssignTo{"operator_assign_to"};
inline constexpr Text kScanMore{"operator_scan_more"};
inline constexpr Text kMissingDocument{"operator_missing_document"};
inline constexpr Text kUnassignedLeft{"operator_unassigned_left"};
inline constexpr Text kFlagged{"operator_flagged"};
// Receipt
inline constexpr Text kSavedTitle{"operator_saved_title"};
inline constexpr Text kPrinted{"operator_printed"};
inline constexpr Text kNotPrinted{"operator_not_printed"};
inline constexpr Text kDone{"operator_done"};
// Outbox
inline constexpr Text kOutboxTitle{"operator_outbox_title"};
inline constexpr Text kOutboxEmpty{"operator_outbox_empty"};
inline constexpr Text kAge{"operator_age"};
inline constexpr Text kAttempts{"operator_attempts"};
inline constexpr Text kNotTriedYet{"operator_not_tried_yet"};
inline constexpr Text kLastError{"operator_last_error"};
inline constexpr Text kMinutes{"operator_minutes"};
inline constexpr Text kHours{"operator_hours"};
inline constexpr Text kDays{"operator_days"};
inline constexpr Text kRefresh{"operator_refresh"};
}  // namespace strings

}  // namespace pk::kiosk::op
