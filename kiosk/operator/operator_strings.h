#pragma once
// Every sentence the counter operator's screens show, Persian first and English second, in
// the style of kiosk/strings.h (shared words such as "Back" or "Service" come from there).
#include "kiosk/strings.h"

namespace pk::kiosk::op {

namespace strings {
inline constexpr Text kCounterTitle{"operator_counter_title", "باجه پیشخوان خدمات الکترونیک",
                                    "E-services counter"};
inline constexpr Text kOperator{"operator_operator", "کاربر", "Operator"};
inline constexpr Text kLogout{"operator_logout", "خروج", "Log out"};
// Login
inline constexpr Text kLoginTitle{"operator_login_title", "ورود کاربر باجه", "Counter operator login"};
inline constexpr Text kLoginHint{"operator_login_hint", "کد پرسنلی و رمز عبور خود را وارد کنید.",
                                 "Type your personnel number and PIN."};
inline constexpr Text kOperatorId{"operator_operator_id", "کد پرسنلی", "Personnel number"};
inline constexpr Text kPin{"operator_pin", "رمز عبور", "PIN"};
inline constexpr Text kLogin{"operator_login", "ورود", "Log in"};
inline constexpr Text kWrongCredentials{"operator_wrong_credentials", "کد پرسنلی یا رمز عبور نادرست است.",
                                        "Wrong personnel number or PIN."};
inline constexpr Text kAttemptsLeft{
    "operator_attempts_left",
    "تلاش باقی‌مانده پیش از قفل شدن:", "Attempts left before the lock:"};
inline constexpr Text kLockedOut{
    "operator_locked_out",
    "به دلیل تلاش‌های نادرست پیاپی، این حساب قفل شده است. دقیقه تا باز شدن:",
    "Locked after repeated wrong PINs. Minutes until it opens:"};
inline constexpr Text kNoAccounts{
    "operator_no_accounts", "هیچ کاربری تعریف نشده است. با دستور pishkhan-kiosk --add-operator کاربر بسازید.",
    "No operator accounts yet. Add one with pishkhan-kiosk --add-operator."};
// Home
inline constexpr Text kHomeTitle{"operator_home_title", "میز کار", "Desk"};
inline constexpr Text kNewApplication{"operator_new_application", "درخواست جدید", "New application"};
inline constexpr Text kNewApplicationHint{
    "operator_new_application_hint",
    "پرونده یک مراجعه‌کننده حضوری: خدمت، شناسایی، اسکن مدارک",
    "A walk-in citizen: service, identity, scan the papers"};
inline constexpr Text kOutbox{"operator_outbox", "صف ارسال", "Outbox"};
inline constexpr Text kOutboxHint{"operator_outbox_hint", "آنچه هنوز به مرکز نرسیده است",
                                  "What has not reached the centre yet"};
inline constexpr Text kPendingCount{"operator_pending_count", "در انتظار ارسال:", "Waiting to be sent:"};
inline constexpr Text kOldest{"operator_oldest", "قدیمی‌ترین:", "Oldest:"};
// A walk-in citizen's other errands, done on the citizen's own screens at the counter.
inline constexpr Text kWalkInErrands{
    "operator_walk_in_errands", "برای مراجعه‌کننده حضوری:", "For a walk-in citizen:"};
inline constexpr Text kWalkInStatus{"operator_walk_in_status", "پیگیری درخواست", "Check a request"};
inline constexpr Text kWalkInReport{"operator_walk_in_report", "ثبت گزارش خرابی و رسید",
                                    "Failure report and receipt"};
// Idle logout: "Signing out in 28 s — touch to stay".
inline constexpr Text kIdleLogoutIn{"operator_idle_logout_in", "خروج خودکار تا", "Signing out in"};
inline constexpr Text kIdleLogoutSeconds{"operator_idle_logout_seconds", "ثانیه دیگر", "s"};
inline constexpr Text kTouchToStay{"operator_touch_to_stay", "برای ماندن، صفحه را لمس کنید", "touch to stay"};
// New application
inline constexpr Text kChooseService{"operator_choose_service", "انتخاب خدمت", "Choose the service"};
inline constexpr Text kIdentityTitle{"operator_identity_title", "شناسایی مراجعه‌کننده",
                                     "The citizen's identity"};
inline constexpr Text kCounterOnlyTag{"operator_counter_only_tag", "فقط باجه", "counter only"};
inline constexpr Text kToScan{"operator_to_scan", "ادامه: اسکن مدارک", "Next: scan the papers"};
// Batch scan
inline constexpr Text kScanTitle{"operator_scan_title", "اسکن دسته‌ای", "Batch scan"};
inline constexpr Text kScanHint{
    "operator_scan_hint", "مدارک را با برگه جداکننده (بارکددار) پیش از هر مدرک در سینی اسکنر بگذارید.",
    "Put the papers in the feeder, a cover sheet (with its code) before each document."};
inline constexpr Text kStartScan{"operator_start_scan", "شروع اسکن", "Start scanning"};
inline constexpr Text kCancelScan{"operator_cancel_scan", "توقف", "Stop"};
inline constexpr Text kSimplex{"operator_simplex", "یک‌رو", "One side"};
inline constexpr Text kDuplex{"operator_duplex", "دورو", "Both sides"};
inline constexpr Text kScanning{"operator_scanning", "در حال اسکن…", "Scanning…"};
inline constexpr Text kScanDone{"operator_scan_done", "اسکن تمام شد.", "Scan finished."};
inline constexpr Text kPagesIn{"operator_pages_in", "صفحه دریافت شد", "page(s) in"};
inline constexpr Text kToReview{"operator_to_review", "بازبینی صفحه‌ها", "Review the pages"};
// Review
inline constexpr Text kReviewTitle{"operator_review_title", "بازبینی صفحه‌ها", "Page review"};
inline constexpr Text kUnassigned{"operator_unassigned", "بدون مدرک (تخصیص دهید)",
                                  "Not assigned (assign them)"};
inline constexpr Text kSetAside{"operator_set_aside", "کنار گذاشته: صفحه سفید و برگه جداکننده",
                                "Set aside: blank pages and cover sheets"};
inline constexpr Text kBlank{"operator_blank", "سفید", "blank"};
inline constexpr Text kCover{"operator_cover", "جداکننده", "cover"};
inline constexpr Text kSelected{"operator_selected", "صفحه انتخاب‌شده", "Selected page"};
inline constexpr Text kSelectHint{"operator_select_hint",
                                  "برای ویرایش، صفحه‌ای را لمس کنید.",
                                  "Touch a page to work on it."};
inline constexpr Text kRotate{"operator_rotate", "چرخش ۱۸۰ درجه", "Rotate 180°"};
inline constexpr Text kTurned{"operator_turned", "چرخانده", "turned"};
inline constexpr Text kNeeded{"operator_needed", "لازم", "needed"};
inline constexpr Text kDelete{"operator_delete", "حذف", "Delete"};
inline constexpr Text kEarlier{"operator_earlier", "جابه‌جایی: قبل", "Move earlier"};
inline constexpr Text kLater{"operator_later", "جابه‌جایی: بعد", "Move later"};
inline constexpr Text kRescan{"operator_rescan", "اسکن دوباره", "Rescan"};
inline constexpr Text kKeep{"operator_keep", "نگه داشتن در پرونده", "Keep in the file"};
inline constexpr Text kAssignTo{"operator_assign_to", "تخصیص به مدرک:", "Assign to document:"};
inline constexpr Text kScanMore{"operator_scan_more", "اسکن صفحه‌های بیشتر",
                                "Scan more pages"};
inline constexpr Text kMissingDocument{"operator_missing_document",
                                       "مدرک لازم بدون صفحه:", "Required document with no page:"};
inline constexpr Text kUnassignedLeft{
    "operator_unassigned_left",
    "صفحه‌های بدون مدرک را تخصیص دهید یا حذف کنید.",
    "Assign or delete the pages that have no document."};
inline constexpr Text kFlagged{"operator_flagged", "بررسی شود", "check"};
// Receipt
inline constexpr Text kSavedTitle{"operator_saved_title", "پرونده ثبت شد", "The application is saved"};
inline constexpr Text kPrinted{"operator_printed",
                               "رسید چاپ شد؛ آن را به مراجعه‌کننده بدهید.",
                               "The receipt is printed; hand it over."};
inline constexpr Text kNotPrinted{"operator_not_printed", "رسید چاپ نشد و در صف چاپ مانده است:",
                                  "The receipt did not print and is queued:"};
inline constexpr Text kDone{"operator_done", "پایان و بازگشت به میز کار", "Done: back to the desk"};
// Outbox
inline constexpr Text kOutboxTitle{"operator_outbox_title", "صف ارسال به مرکز",
                                   "Outbox: waiting for the centre"};
inline constexpr Text kOutboxEmpty{"operator_outbox_empty",
                                   "همه پرونده‌ها به مرکز رسیده‌اند.",
                                   "Everything has reached the centre."};
inline constexpr Text kAge{"operator_age", "مدت انتظار", "Waiting"};
inline constexpr Text kAttempts{"operator_attempts", "تلاش", "attempt(s)"};
inline constexpr Text kNotTriedYet{"operator_not_tried_yet", "هنوز ارسالی انجام نشده است.", "Not tried yet."};
inline constexpr Text kLastError{"operator_last_error", "آخرین خطا:", "Last error:"};
inline constexpr Text kMinutes{"operator_minutes", "دقیقه", "min"};
inline constexpr Text kHours{"operator_hours", "ساعت", "h"};
inline constexpr Text kDays{"operator_days", "روز", "days"};
inline constexpr Text kRefresh{"operator_refresh", "به‌روزرسانی", "Refresh"};
}  // namespace strings

}  // namespace pk::kiosk::op
