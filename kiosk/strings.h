#pragma once
// Every sentence the citizen screens show, in Persian first and English second.
// Kept in one place so a translator (or a Dari reviewer) reads them all together.
#include "domain/catalog.h"

namespace pk::kiosk {

struct Text {
  const char* fa;
  const char* en;
  [[nodiscard]] const char* in(catalog::Language l) const { return l == catalog::Language::Persian ? fa : en; }
};

namespace strings {
inline constexpr Text kAppTitle{"پیشخوان خدمات الکترونیک استانداری خراسان جنوبی",
                                "South Khorasan Governorate e-services kiosk"};
inline constexpr Text kWelcome{"خوش آمدید", "Welcome"};
inline constexpr Text kWelcomeHint{"برای دیدن خدمات و ثبت درخواست، «شروع» را لمس کنید.",
                                   "Touch “Start” to see the services and apply."};
inline constexpr Text kStart{"شروع", "Start"};
inline constexpr Text kLanguageOther{"English", "فارسی"};
inline constexpr Text kBack{"بازگشت", "Back"};
inline constexpr Text kHome{"صفحه اول", "Home"};
inline constexpr Text kServices{"خدمات", "Services"};
inline constexpr Text kAllOffices{"همه", "All"};
inline constexpr Text kSearchHint{"جستجو: نام یا شماره خدمت", "Search: service name or number"};
inline constexpr Text kNoResults{"خدمتی با این نام یا شماره پیدا نشد.", "No service matches this name or number."};
inline constexpr Text kCounterOnly{"فقط در باجه", "Counter only"};
inline constexpr Text kCounterOnlyNotice{"این خدمت در کیوسک ارائه نمی‌شود. لطفاً با همین صفحه به باجه مراجعه کنید.",
                                         "This service is not offered at the kiosk. Please go to the counter."};
inline constexpr Text kSteps{"مراحل انجام کار", "Process"};
inline constexpr Text kDocuments{"مدارک لازم", "Required documents"};
inline constexpr Text kForms{"فرم‌ها", "Forms"};
inline constexpr Text kFee{"هزینه", "Fee"};
inline constexpr Text kFree{"رایگان", "Free"};
inline constexpr Text kRials{"ریال", "rials"};
inline constexpr Text kApprover{"مرجع تأیید", "Approved by"};
inline constexpr Text kHandlingTime{"زمان رسیدگی", "Handling time"};
inline constexpr Text kWorkingDays{"روز کاری", "working days"};
inline constexpr Text kCredit{"جبران خسارت", "Compensation"};
inline constexpr Text kDispute{"رسیدگی به اعتراض", "Disputes"};
inline constexpr Text kPages{"صفحه", "page(s)"};
inline constexpr Text kOptional{"اختیاری", "optional"};
inline constexpr Text kApply{"ثبت درخواست", "Apply"};
inline constexpr Text kOffice{"دستگاه", "Office"};
inline constexpr Text kCatalogVersion{"نسخه فهرست خدمات", "Catalog version"};
}  // namespace strings

}  // namespace pk::kiosk
