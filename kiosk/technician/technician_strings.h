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
}  // namespace pk::kiosk::tech::strings
