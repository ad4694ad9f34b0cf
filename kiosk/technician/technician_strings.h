#pragma once
// What the technician screens say, Persian first.
#include "kiosk/strings.h"

namespace pk::kiosk::tech::strings {
using kiosk::Text;
inline constexpr Text kTitle{"بخش فنی", "Technician"};
inline constexpr Text kLoginHint{
    "شناسه و رمز فنی را وارد کنید. هر ورود در گزارش رویدادها ثبت می‌شود.",
    "Type your technician id and PIN. Every sign-in is recorded in the audit log."};
inline constexpr Text kId{"شناسه فنی", "Technician id"};
inline constexpr Text kPin{"رمز", "PIN"};
inline constexpr Text kSignIn{"ورود", "Sign in"};
inline constexpr Text kExit{"خروج", "Exit"};
inline constexpr Text kServiceLevels{"سطح خدمات", "Service levels"};
inline constexpr Text kDevices{"دستگاه‌ها", "Devices"};
inline constexpr Text kOutbox{"صف ارسال", "Outbox"};
inline constexpr Text kAvailabilityByMonth{"دسترس‌پذیری هر ماه (همه خدمات)",
                                           "Availability per month (all services)"};
inline constexpr Text kThisMonth{"این ماه", "This month"};
inline constexpr Text kThisYear{"امسال", "This year"};
inline constexpr Text kPlannedHours{"قطعی برنامه‌ریزی‌شده (ساعت)",
                                    "Planned outage (h)"};
inline constexpr Text kUnplannedHours{"قطعی اعلام‌نشده (ساعت)", "Unplanned outage (h)"};
inline constexpr Text kReports{"گزارش خرابی", "Failure reports"};
inline constexpr Text kOpenOutages{"قطعی‌های باز", "Open outages"};
inline constexpr Text kNoOpenOutages{"هیچ قطعی بازی نیست.", "No open outage."};
inline constexpr Text kClockSuspect{
    "ساعت دستگاه قابل اعتماد نیست (پرش ساعت یا اختلاف با مرکز)؛ ارقام این دوره با احتیاط خوانده شوند.",
    "The terminal's clock is suspect (a jump, or skew against the centre): read this period's figures with "
    "care."};
inline constexpr Text kNeverSynced{"ساعت هنوز با مرکز همگام نشده است.",
                                   "The clock has not been synchronised with the centre yet."};
inline constexpr Text kUnknown{"نامعلوم", "unknown"};
inline constexpr Text kPending{"در انتظار ارسال", "Waiting to be sent"};
inline constexpr Text kOldest{"قدیمی‌ترین", "Oldest"};
inline constexpr Text kMinutes{"دقیقه", "minutes"};
inline constexpr Text kSent{"ارسال‌شده", "Sent"};
inline constexpr Text kConfirmed{"تأییدشده", "Confirmed"};
inline constexpr Text kDatabase{"حجم پایگاه داده", "Database size"};
inline constexpr Text kNoLedger{"دفتر سطح خدمات خوانده نشد", "The service-level ledger could not be read"};
// Device set-up.
inline constexpr Text kFound{"یافت‌شده", "Found"};
inline constexpr Text kNoDevice{"بدون دستگاه", "No device"};
inline constexpr Text kSelfTest{"آزمایش", "Test"};
inline constexpr Text kPassed{"آزمایش موفق", "Test passed"};
inline constexpr Text kFailed{"آزمایش ناموفق", "Test failed"};
inline constexpr Text kSaveChoice{"ذخیرهٔ انتخاب", "Save choice"};
inline constexpr Text kRefresh{"جست‌وجوی دوباره", "Search again"};
inline constexpr Text kSaved{
    "انتخاب دستگاه‌ها در پرونده تنظیمات نوشته شد؛ با راه‌اندازی دوباره به کار می‌رود.",
    "The device choice was written to the configuration file; it applies at the next start."};
inline constexpr Text kNoConfigFile{"پرونده تنظیماتی در کار نیست؛ انتخاب ذخیره نشد.",
                                    "No configuration file is in use: the choice was not saved."};
// Diagnostics.
inline constexpr Text kDiagnostics{"عیب‌یابی", "Diagnostics"};
inline constexpr Text kVersion{"نسخه", "Version"};
inline constexpr Text kSchema{"نسخه پایگاه داده", "Store schema"};
inline constexpr Text kLastError{"آخرین خطای ارسال", "Last delivery error"};
inline constexpr Text kDevicesFound{"دستگاه‌های یافت‌شده", "Devices found"};
inline constexpr Text kLogLines{"سطرهای گزارش", "Log lines"};
inline constexpr Text kDestination{"مقصد بسته عیب‌یابی", "Where the bundle goes"};
inline constexpr Text kNoDestination{"هیچ حافظهٔ USB وصل نیست. حافظه را وصل کنید و دوباره نگاه کنید.",
                                     "No USB stick is mounted. Plug one in and look again."};
inline constexpr Text kExport{"ساخت بسته", "Export bundle"};
inline constexpr Text kBundlePolicy{
    "بسته شامل نسخه‌ها، تنظیمات بدون رمزها، دستگاه‌ها، آمار پایگاه داده، صف ارسال، سطح خدمات و گزارش پاک‌سازی‌شده است؛ هیچ دادهٔ شخصی در آن نیست.",
    "The bundle holds versions, the configuration without secrets, devices, store figures, the outbox, service levels and "
    "a redacted log; no personal data."};
inline constexpr Text kExported{"بسته نوشته شد", "Bundle written"};
inline constexpr Text kSendToCentre{"ارسال به مرکز", "Send to the centre"};
inline constexpr Text kSending{"در حال ارسال بسته به مرکز", "Sending the bundle to the centre"};
inline constexpr Text kSentToCentre{"بسته به مرکز رسید. شماره رسید مرکز:",
                                    "The centre has the bundle. Its receipt:"};
inline constexpr Text kUploadNotEnrolled{
    "این پایانه هنوز در مرکز ثبت نشده است؛ نخست آن را ثبت کنید، یا بسته را روی حافظهٔ USB بریزید.",
    "This terminal is not enrolled with a centre yet: enroll it first, or export the bundle to a USB stick."};
inline constexpr Text kUploadUnreachable{
    "مرکز در دسترس نیست. شبکه را بررسی کنید و دوباره بفرستید، یا بسته را روی حافظهٔ USB بریزید.",
    "The centre cannot be reached. Check the network and send again, or export the bundle to a USB stick."};
inline constexpr Text kUploadRefused{"مرکز بسته را نپذیرفت:", "The centre refused the bundle:"};
// Factory reset.
inline constexpr Text kFactoryReset{"بازنشانی کارخانه", "Factory reset"};
inline constexpr Text kResetExplain{
    "بازنشانی کلیدها، پایگاه داده، مدارک، رسیدها، گزارش‌ها و حساب‌ها را برای همیشه پاک می‌کند و دستگاه به راه‌اندازی نخست برمی‌گردد.",
    "A factory reset destroys the keys, the store, captures, receipts, logs and accounts for good, and the terminal "
    "returns to first boot."};
inline constexpr Text kUnsent{"ثبت‌های نرسیده به مرکز", "Captures not yet at the centre"};
inline constexpr Text kResetRefused{
    "بازنشانی ممکن نیست: این ثبت‌ها هنوز به مرکز نرسیده‌اند. صبر کنید تا صف ارسال خالی شود.",
    "Reset refused: these captures have not reached the centre yet. Wait until the outbox is empty."};
inline constexpr Text kResetAllSent{"همهٔ ثبت‌ها به مرکز رسیده‌اند.",
                                    "Every capture has reached the centre."};
inline constexpr Text kReset{"بازنشانی", "Reset"};
inline constexpr Text kOverride{"بازنشانی با از دست دادن ثبت‌ها",
                                "Reset and lose the captures"};
inline constexpr Text kOverrideWarning{
    "این ثبت‌ها برای همیشه از دست می‌روند:",
    "These captures will be lost for good:"};
inline constexpr Text kRetypePin{
    "برای تأیید، رمز خود را دوباره وارد کنید. این کار در گزارش رویدادها ثبت می‌شود.",
    "Type your PIN again to confirm. This is recorded in the audit log."};
inline constexpr Text kConfirmReset{"تأیید بازنشانی", "Confirm reset"};
inline constexpr Text kCancel{"انصراف", "Cancel"};
}  // namespace pk::kiosk::tech::strings
