#pragma once
// Every sentence the counter operator's screens show, Persian first and English second, in
// the style of kiosk/strings.h (shared words such as "Back" or "Service" come from there).
#include "kiosk/strings.h"

namespace pk::kiosk::op {

namespace strings {
inline constexpr Text kCounterTitle{"باجه پیشخوان خدمات الکترونیک", "E-services counter"};
inline constexpr Text kOperator{"کاربر", "Operator"};
inline constexpr Text kLogout{"خروج", "Log out"};
// Login
inline constexpr Text kLoginTitle{"ورود کاربر باجه", "Counter operator login"};
inline constexpr Text kLoginHint{"کد پرسنلی و رمز عبور خود را وارد کنید.",
                                 "Type your personnel number and PIN."};
inline constexpr Text kOperatorId{"کد پرسنلی", "Personnel number"};
inline constexpr Text kPin{"رمز عبور", "PIN"};
inline constexpr Text kLogin{"ورود", "Log in"};
inline constexpr Text kWrongCredentials{"کد پرسنلی یا رمز عبور نادرست است.",
                                        "Wrong personnel number or PIN."};
inline constexpr Text kAttemptsLeft{"تلاش باقی‌مانده پیش از قفل شدن:",
                                    "Attempts left before the lock:"};
inline constexpr Text kLockedOut{
    "به دلیل تلاش‌های نادرست پیاپی، این حساب قفل شده است. دقیقه تا باز شدن:",
    "Locked after repeated wrong PINs. Minutes until it opens:"};
inline constexpr Text kNoAccounts{
    "هیچ کاربری تعریف نشده است. با دستور pishkhan-kiosk --add-operator کاربر بسازید.",
    "No operator accounts yet. Add one with pishkhan-kiosk --add-operator."};
// Home
inline constexpr Text kHomeTitle{"میز کار", "Desk"};
inline constexpr Text kNewApplication{"درخواست جدید", "New application"};
inline constexpr Text kNewApplicationHint{
    "پرونده یک مراجعه‌کننده حضوری: خدمت، شناسایی، اسکن مدارک",
    "A walk-in citizen: service, identity, scan the papers"};
inline constexpr Text kOutbox{"صف ارسال", "Outbox"};
inline constexpr Text kOutboxHint{"آنچه هنوز به مرکز نرسیده است", "What has not reached the centre yet"};
inline constexpr Text kPendingCount{"در انتظار ارسال:", "Waiting to be sent:"};
inline constexpr Text kOldest{"قدیمی‌ترین:", "Oldest:"};
// A walk-in citizen's other errands, done on the citizen's own screens at the counter.
inline constexpr Text kWalkInErrands{"برای مراجعه‌کننده حضوری:",
                                     "For a walk-in citizen:"};
inline constexpr Text kWalkInStatus{"پیگیری درخواست", "Check a request"};
inline constexpr Text kWalkInReport{"ثبت گزارش خرابی و رسید", "Failure report and receipt"};
// Idle logout: "Signing out in 28 s — touch to stay".
inline constexpr Text kIdleLogoutIn{"خروج خودکار تا", "Signing out in"};
inline constexpr Text kIdleLogoutSeconds{"ثانیه دیگر", "s"};
inline constexpr Text kTouchToStay{"برای ماندن، صفحه را لمس کنید", "touch to stay"};
// New application
inline constexpr Text kChooseService{"انتخاب خدمت", "Choose the service"};
inline constexpr Text kIdentityTitle{"شناسایی مراجعه‌کننده", "The citizen's identity"};
inline constexpr Text kCounterOnlyTag{"فقط باجه", "counter only"};
inline constexpr Text kToScan{"ادامه: اسکن مدارک", "Next: scan the papers"};
// Batch scan
inline constexpr Text kScanTitle{"اسکن دسته‌ای", "Batch scan"};
inline constexpr Text kScanHint{
    "مدارک را با برگه جداکننده (بارکددار) پیش از هر مدرک در سینی اسکنر بگذارید.",
    "Put the papers in the feeder, a cover sheet (with its code) before each document."};
inline constexpr Text kStartScan{"شروع اسکن", "Start scanning"};
inline constexpr Text kCancelScan{"توقف", "Stop"};
inline constexpr Text kSimplex{"یک‌رو", "One side"};
inline constexpr Text kDuplex{"دورو", "Both sides"};
inline constexpr Text kScanning{"در حال اسکن…", "Scanning…"};
inline constexpr Text kScanDone{"اسکن تمام شد.", "Scan finished."};
inline constexpr Text kPagesIn{"صفحه دریافت شد", "page(s) in"};
inline constexpr Text kToReview{"بازبینی صفحه‌ها", "Review the pages"};
// Review
inline constexpr Text kReviewTitle{"بازبینی صفحه‌ها", "Page review"};
inline constexpr Text kUnassigned{"بدون مدرک (تخصیص دهید)", "Not assigned (assign them)"};
inline constexpr Text kSetAside{"کنار گذاشته: صفحه سفید و برگه جداکننده",
                                "Set aside: blank pages and cover sheets"};
inline constexpr Text kBlank{"سفید", "blank"};
inline constexpr Text kCover{"جداکننده", "cover"};
inline constexpr Text kSelected{"صفحه انتخاب‌شده", "Selected page"};
inline constexpr Text kSelectHint{"برای ویرایش، صفحه‌ای را لمس کنید.",
                                  "Touch a page to work on it."};
inline constexpr Text kRotate{"چرخش ۱۸۰ درجه", "Rotate 180°"};
inline constexpr Text kTurned{"چرخانده", "turned"};
inline constexpr Text kNeeded{"لازم", "needed"};
inline constexpr Text kDelete{"حذف", "Delete"};
inline constexpr Text kEarlier{"جابه‌جایی: قبل", "Move earlier"};
inline constexpr Text kLater{"جابه‌جایی: بعد", "Move later"};
inline constexpr Text kRescan{"اسکن دوباره", "Rescan"};
inline constexpr Text kKeep{"نگه داشتن در پرونده", "Keep in the file"};
inline constexpr Text kAssignTo{"تخصیص به مدرک:", "Assign to document:"};
inline constexpr Text kScanMore{"اسکن صفحه‌های بیشتر", "Scan more pages"};
inline constexpr Text kMissingDocument{"مدرک لازم بدون صفحه:", "Required document with no page:"};
inline constexpr Text kUnassignedLeft{
    "صفحه‌های بدون مدرک را تخصیص دهید یا حذف کنید.",
    "Assign or delete the pages that have no document."};
inline constexpr Text kFlagged{"بررسی شود", "check"};
// Receipt
inline constexpr Text kSavedTitle{"پرونده ثبت شد", "The application is saved"};
inline constexpr Text kPrinted{"رسید چاپ شد؛ آن را به مراجعه‌کننده بدهید.",
                               "The receipt is printed; hand it over."};
inline constexpr Text kNotPrinted{"رسید چاپ نشد و در صف چاپ مانده است:",
                                  "The receipt did not print and is queued:"};
inline constexpr Text kDone{"پایان و بازگشت به میز کار", "Done: back to the desk"};
// Outbox
inline constexpr Text kOutboxTitle{"صف ارسال به مرکز", "Outbox: waiting for the centre"};
inline constexpr Text kOutboxEmpty{"همه پرونده‌ها به مرکز رسیده‌اند.",
                                   "Everything has reached the centre."};
inline constexpr Text kAge{"مدت انتظار", "Waiting"};
inline constexpr Text kAttempts{"تلاش", "attempt(s)"};
inline constexpr Text kNotTriedYet{"هنوز ارسالی انجام نشده است.", "Not tried yet."};
inline constexpr Text kLastError{"آخرین خطا:", "Last error:"};
inline constexpr Text kMinutes{"دقیقه", "min"};
inline constexpr Text kHours{"ساعت", "h"};
inline constexpr Text kDays{"روز", "days"};
inline constexpr Text kRefresh{"به‌روزرسانی", "Refresh"};
}  // namespace strings

}  // namespace pk::kiosk::op
