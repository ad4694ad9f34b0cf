#pragma once
// Every sentence the citizen screens show, in Persian first and English second.
// Kept in one place so a translator (or a Dari reviewer) reads them all together.
#include "domain/catalog.h"

namespace pk::kiosk {

struct Text {
  const char* fa;
  const char* en;
  [[nodiscard]] const char* in(catalog::Language l) const {
    return l == catalog::Language::Persian ? fa : en;
  }
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
inline constexpr Text kNoResults{"خدمتی با این نام یا شماره پیدا نشد.",
                                 "No service matches this name or number."};
inline constexpr Text kCounterOnly{"فقط در باجه", "Counter only"};
inline constexpr Text kCounterOnlyNotice{
    "این خدمت در کیوسک ارائه نمی‌شود. برگه را چاپ کنید و با مدارک لازم به باجه ببرید.",
    "This service is not offered at the kiosk. Print the slip and take it with the documents to the counter."};
inline constexpr Text kPrintSlip{"چاپ برگه برای باجه", "Print a slip for the counter"};
inline constexpr Text kSlipPrinted{"برگه چاپ شد. آن را با مدارک لازم به باجه ببرید.",
                                   "The slip is printed. Take it with the documents to the counter."};
inline constexpr Text kSlipNotPrinted{"برگه چاپ نشد. با همین صفحه به باجه بروید. ",
                                      "The slip did not print. Go to the counter with this screen. "};
inline constexpr Text kSteps{"مراحل انجام کار", "Process"};
inline constexpr Text kDocuments{"مدارک لازم", "Required documents"};
inline constexpr Text kForms{"فرم‌ها", "Forms"};
inline constexpr Text kFee{"هزینه", "Fee"};
inline constexpr Text kFree{"رایگان", "Free"};
inline constexpr Text kRials{"ریال", "rials"};
inline constexpr Text kApprover{"مرجع تأیید", "Approved by"};
inline constexpr Text kHandlingTime{"زمان رسیدگی", "Handling time"};
inline constexpr Text kWorkingDays{"روز کاری", "working days"};
// Beside a value the catalog marks as a sample (the catalog's banner names the mark).
inline constexpr Text kSampleTag{"نمونه", "sample"};
inline constexpr Text kMoreBelow{"بقیه در پایین؛ صفحه را به بالا بکشید", "More below: drag the page up"};
inline constexpr Text kCredit{"جبران خسارت", "Compensation"};
inline constexpr Text kDispute{"رسیدگی به اعتراض", "Disputes"};
inline constexpr Text kPages{"صفحه", "page(s)"};
inline constexpr Text kOptional{"اختیاری", "optional"};
inline constexpr Text kApply{"ثبت درخواست", "Apply"};
inline constexpr Text kOffice{"دستگاه", "Office"};
inline constexpr Text kCatalogVersion{"نسخه فهرست خدمات", "Catalog version"};
inline constexpr Text kStatusCheck{"پیگیری درخواست", "Check a request"};
inline constexpr Text kReportFailure{"گزارش خرابی", "Report a failure"};
inline constexpr Text kNext{"ادامه", "Next"};
inline constexpr Text kFinish{"پایان", "Finish"};
// Identification
inline constexpr Text kIdentifyTitle{"شناسایی", "Identification"};
inline constexpr Text kIdNationalCode{"کد ملی", "National code"};
// The identity documents by name (the choice, the review, the receipt), then the number each
// carries (the field's label).
inline constexpr Text kIdAmayesh{"کارت آمایش", "Amayesh card"};
inline constexpr Text kIdFida{"کد فیدا", "FIDA number"};
inline constexpr Text kIdPassportDocument{"گذرنامه", "Passport"};
inline constexpr Text kIdAmayeshNumber{"شماره کارت آمایش", "Amayesh card number"};
inline constexpr Text kIdFidaNumber{"کد فیدا (۱۲ رقم)", "FIDA number (12 digits)"};
inline constexpr Text kIdPassport{"شماره گذرنامه", "Passport number"};
inline constexpr Text kIdDocument{"مدرک شناسایی", "Identity document"};
inline constexpr Text kMobile{"شماره تلفن همراه", "Mobile number"};
inline constexpr Text kMobileOptional{"شماره تلفن همراه (اختیاری)", "Mobile number (optional)"};
inline constexpr Text kMobileExample{"مثال: ۰۹۱۲۱۲۳۴۵۶۷ یا \u2066+۹۳۷۰۱۲۳۴۵۶۷\u2069",
                                     "e.g. 09121234567 or +93701234567"};
inline constexpr Text kMobileNone{"—", "—"};
inline constexpr Text kIdHint{"مدرکی را که دارید انتخاب کنید و شماره آن را بنویسید.",
                              "Choose the document you have and type its number."};
inline constexpr Text kReadPassport{"خواندن تراشه گذرنامه", "Read passport chip"};
inline constexpr Text kPassportTitle{"خواندن گذرنامه", "Reading a passport"};
inline constexpr Text kPassportHint{
    "گذرنامه را روی کارت‌خوان بگذارید و سه مورد زیر را از صفحه مشخصات آن وارد کنید؛ بقیه از تراشه خوانده می‌شود.",
    "Put the passport on the card reader and type these three items from its data page; the rest is read "
    "from the chip."};
inline constexpr Text kMrzDocument{"شماره گذرنامه (لاتین)", "Passport number"};
inline constexpr Text kMrzBirth{"تاریخ تولد میلادی (۶ رقم)", "Date of birth (YYMMDD)"};
inline constexpr Text kMrzExpiry{"تاریخ انقضا میلادی (۶ رقم)", "Date of expiry (YYMMDD)"};
inline constexpr Text kReadNow{"خواندن", "Read"};
inline constexpr Text kReadFromChip{"از تراشه گذرنامه خوانده شد:", "Read from the passport chip:"};
// A chip whose passive authentication did not verify: said plainly, with why, and what to do.
inline constexpr Text kChipUnverified{"تراشه گذرنامه تأیید نشد", "Passport chip NOT verified"};
inline constexpr Text kChipTypeNumber{"شماره گذرنامه را از صفحه مشخصات آن وارد کنید.",
                                      "Type the passport number from its data page."};
inline constexpr Text kChipNoMasterList{"فهرست مراجع صدور گذرنامه (CSCA) روی این دستگاه نیست",
                                        "no CSCA master list on this kiosk"};
inline constexpr Text kChipSignatureInvalid{"امضای داده‌های تراشه درست نیست",
                                            "the chip's data signature is invalid"};
inline constexpr Text kChipUnknownIssuer{"مرجع صادرکننده گذرنامه شناخته نیست",
                                         "the issuing authority is unknown"};
inline constexpr Text kChipSignerExpired{"گواهی امضاکننده تراشه منقضی شده است",
                                         "the chip's signing certificate has expired"};
inline constexpr Text kChipSignerRevoked{"گواهی امضاکننده تراشه باطل شده است",
                                         "the chip's signing certificate is revoked"};
inline constexpr Text kChipNoRevocationList{"فهرست ابطال مرجع صادرکننده روی این دستگاه نیست",
                                            "the issuer's revocation list is missing"};
inline constexpr Text kChipMalformed{"ساختار امضای تراشه درست نیست",
                                     "the chip's signature data is not valid"};
// Capture
inline constexpr Text kCaptureTitle{"اسکن مدارک", "Scanning documents"};
inline constexpr Text kCaptureHint{"مدرک را رو به پایین روی شیشه اسکنر بگذارید و «اسکن» را لمس کنید.",
                                   "Place the document face down on the scanner glass and touch “Scan”."};
inline constexpr Text kScan{"اسکن", "Scan"};
inline constexpr Text kRetake{"اسکن دوباره", "Retake"};
inline constexpr Text kScanAnother{"اسکن صفحهٔ دیگر", "Scan one more page"};
inline constexpr Text kSkip{"ندارم، ادامه", "I don’t have it, next"};
inline constexpr Text kPageSlot{"صفحهٔ", "Page"};  // over an empty slot: "صفحهٔ ۲"
inline constexpr Text kDocumentOf{"مدرک", "Document"};
inline constexpr Text kPagesScanned{"صفحه اسکن شد", "page(s) scanned"};
// Review
inline constexpr Text kReviewTitle{"بازبینی و ثبت", "Review and submit"};
inline constexpr Text kService{"خدمت", "Service"};
inline constexpr Text kConsent{"اطلاعات بالا درست است و با ارسال آن به مرکز موافقم.",
                               "The information above is correct and I agree to send it to the centre."};
inline constexpr Text kSubmit{"ثبت نهایی", "Submit"};
// Saved
inline constexpr Text kSavedTitle{"درخواست شما ثبت شد", "Your request is saved"};
inline constexpr Text kReportSavedTitle{"گزارش خرابی شما ثبت شد", "Your failure report is saved"};
inline constexpr Text kTrackingCode{"کد رهگیری", "Tracking code"};
inline constexpr Text kReceiptPrinted{"رسید چاپ شد. آن را بردارید و نگه دارید.",
                                      "Your receipt is printed. Please take it and keep it."};
inline constexpr Text kReceiptNotPrinted{
    "رسید چاپ نشد. لطفاً این کد را یادداشت کنید؛ رسید بعداً از باجه قابل دریافت است.",
    "The receipt did not print. Please write this code down; the counter can reprint it."};
inline constexpr Text kSavedOffline{
    "درخواست در این دستگاه ذخیره شد و به‌محض برقراری ارتباط به مرکز ارسال می‌شود.",
    "It is saved on this terminal and goes to the centre as soon as the link is up."};
inline constexpr Text kReportSavedOffline{
    "گزارش در این دستگاه ذخیره شد و به‌محض برقراری ارتباط به مرکز ارسال می‌شود.",
    "Your report is saved on this terminal and goes to the centre as soon as the link is up."};
inline constexpr Text kSavedDelivered{"درخواست شما به مرکز رسید.",
                                      "Your application has reached the centre."};
inline constexpr Text kReportDelivered{"گزارش شما به مرکز رسید.", "Your report has reached the centre."};
// Status
inline constexpr Text kStatusTitle{"پیگیری با کد رهگیری", "Check with a tracking code"};
inline constexpr Text kStatusHint{
    "کد رهگیری ۱۴ رقمی رسید را وارد کنید یا بارکد رسید را جلوی اسکنر بگیرید.",
    "Type the 14-digit tracking code, or show the receipt’s barcode to the scanner."};
inline constexpr Text kLookUp{"پیگیری", "Check"};
inline constexpr Text kStatusNotHere{
    "این کد در این دستگاه ثبت نشده است. وضعیت آن را از باجه یا درگاه استانداری بپرسید.",
    "This code was not issued at this terminal. Ask at the counter or on the portal."};
inline constexpr Text kStatusQueued{"ثبت شده؛ در انتظار ارسال به مرکز.",
                                    "Saved; waiting to be sent to the centre."};
inline constexpr Text kStatusSent{"به مرکز رسیده و در حال رسیدگی است.",
                                  "Received by the centre and being handled."};
inline constexpr Text kStatusConfirmed{"مرکز دریافت کامل پرونده را تأیید کرده است.",
                                       "The centre has confirmed receiving the whole file."};
// What the centre decided, as last heard by the sync client (shown offline).
inline constexpr Text kStatusInReview{"پرونده در مرکز در دست بررسی است.",
                                      "The centre is reviewing the file."};
inline constexpr Text kStatusApproved{"درخواست شما در مرکز تأیید شد.",
                                      "The centre has approved your request."};
inline constexpr Text kStatusRejected{"درخواست شما در مرکز رد شد؛ برای پیگیری به باجه مراجعه کنید.",
                                      "The centre has rejected your request; please ask at the counter."};
inline constexpr Text kStatusDocumentsRequested{
    "مرکز برای بررسی درخواست شما مدارک بیشتری خواسته است؛ آن‌ها را به باجه بیاورید.",
    "The centre needs more documents to review your request; please bring them to the counter."};
// What to do next, under the status (a status alone leaves a citizen asking "and now?").
inline constexpr Text kStatusService{"خدمت", "Service"};
inline constexpr Text kStatusSavedAt{"ثبت", "Saved"};
inline constexpr Text kNextNothingYet{
    "کاری لازم نیست؛ خودکار به مرکز فرستاده می‌شود. چند ساعت بعد دوباره پیگیری کنید.",
    "Nothing to do: it goes to the centre by itself. Check again in a few hours."};
inline constexpr Text kNextWaitDays{
    "بررسی آن تا {} روز کاری طول می‌کشد؛ پس از آن دوباره پیگیری کنید.",
    "Handling takes up to {} working days; check again after that."};
inline constexpr Text kNextWaitReport{
    "کاری لازم نیست؛ پاسخ مرکز همین‌جا نشان داده می‌شود.",
    "Nothing to do: the centre’s answer will show here."};
inline constexpr Text kNextBringDocuments{
    "مدارک خواسته‌شده را همراه همین کد رهگیری به باجه دفتر بیاورید.",
    "Bring the documents asked for, with this tracking code, to the office’s counter."};
inline constexpr Text kNextCollect{
    "با همین کد رهگیری و مدرک شناسایی خود به باجه دفتر مراجعه کنید.",
    "Come to the office’s counter with this tracking code and your identity document."};
inline constexpr Text kNextDispute{
    "اگر با این تصمیم موافق نیستید، با همین کد رهگیری به دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی مراجعه کنید.",
    "If you disagree with the decision, take this tracking code to the governorate’s inspection and legal "
    "office."};
// A failure report: answered while the centre looks into it, resolved at the end.
inline constexpr Text kReportStatusInReview{"گزارش شما در مرکز در دست رسیدگی است.",
                                            "The centre is looking into your report."};
inline constexpr Text kReportStatusAnswered{"مرکز به گزارش شما پاسخ داده است و رسیدگی ادامه دارد.",
                                            "The centre has answered your report and is still on it."};
inline constexpr Text kReportStatusResolved{"رسیدگی به گزارش شما در مرکز به پایان رسید.",
                                            "The centre has finished handling your report."};
// Headings over the back office's own words (staff write them in Persian or English).
inline constexpr Text kDecisionDocuments{"مدارکی که باید بیاورید", "What to bring"};
inline constexpr Text kDecisionReason{"دلیل", "Reason"};
inline constexpr Text kDecisionReply{"پاسخ مرکز", "The centre’s reply"};
inline constexpr Text kDecisionCredit{"جبران خسارت تعلق‌گرفته", "Compensation granted"};
// Failure report
inline constexpr Text kReportTitle{"گزارش خرابی یا افت کیفیت خدمت", "Report an outage or poor service"};
inline constexpr Text kReportWhich{"خرابی در کدام خدمت بود؟", "Which service was affected?"};
inline constexpr Text kReportGeneral{"کیوسک یا همه خدمات", "The kiosk / all services"};
inline constexpr Text kReportWhat{"چه مشکلی پیش آمد؟", "What went wrong?"};
inline constexpr Text kReportText{"توضیح (اختیاری)", "Details (optional)"};
inline constexpr Text kReportMobile{"تلفن همراه برای پاسخ (اختیاری)", "Mobile for a reply (optional)"};
inline constexpr Text kProblemUnavailable{"خدمت در دسترس نبود", "The service was unavailable"};
inline constexpr Text kProblemDevice{"دستگاه (چاپگر، اسکنر) کار نکرد", "A device (printer, scanner) failed"};
inline constexpr Text kProblemSlow{"کندی یا کیفیت پایین خدمت", "Slow or poor service"};
inline constexpr Text kProblemWrongInfo{"اطلاعات نادرست", "Wrong information"};
inline constexpr Text kProblemOther{"سایر", "Other"};
inline constexpr Text kSend{"ثبت گزارش", "Send report"};
// Idle
inline constexpr Text kMoreTimeTitle{"به زمان بیشتری نیاز دارید؟", "Do you need more time?"};
inline constexpr Text kMoreTimeBody{
    "اگر پاسخی ندهید، برای حفظ حریم شما اطلاعات وارد شده پاک می‌شود.",
    "If you do not answer, what you entered is erased to protect your privacy."};
inline constexpr Text kMoreTimeYes{"بله، ادامه می‌دهم", "Yes, continue"};
inline constexpr Text kSeconds{"ثانیه", "seconds"};
inline constexpr Text kNotEnrolled{
    "این دستگاه هنوز ثبت‌نام نشده و نمی‌تواند درخواست بپذیرد. لطفاً به باجه مراجعه کنید.",
    "This terminal is not enrolled yet and cannot take requests. Please go to the counter."};
// The same fact worded for the operator of a counter terminal (who is the counter).
inline constexpr Text kNotEnrolledCounter{
    "این پایانه ثبت‌نام نشده است و نمی‌تواند درخواست بپذیرد: از کارشناس فنی بخواهید آن را ثبت‌نام کند.",
    "This terminal is not enrolled and cannot take requests: ask the technician to enroll it."};
// A save that failed; the error's own text follows.
inline constexpr Text kNotSaved{"ثبت نشد؛ دوباره تلاش کنید یا به باجه مراجعه کنید. ",
                                "Not saved; try again or go to the counter. "};
inline constexpr Text kNotSavedCounter{"ثبت نشد؛ دوباره تلاش کنید. ", "Not saved; try again. "};
// Service required (crash loop, or systemd's OnFailure unit): both languages at once, since
// nobody can switch language on a screen that only explains.
inline constexpr Text kServiceTitle{"این پایانه به سرویس فنی نیاز دارد", "This terminal needs service"};
inline constexpr Text kServiceCitizenHint{
    "لطفاً برای دریافت خدمات به باجه مراجعه کنید. پوزش می‌خواهیم.",
    "Please go to the counter for service. We apologise."};
// The same screen on a counter terminal: the person in front of it is the operator.
inline constexpr Text kServiceOperatorHint{
    "این پایانهٔ باجه فعلاً کار نمی‌کند؛ لطفاً به کارشناس فنی خبر دهید.",
    "This counter terminal is out of use for now: please call the technician."};
inline constexpr Text kServiceTechnicianHint{
    "برای کارشناس فنی: نرم‌افزار کیوسک پس از چند بار توقف ناخواسته نگه داشته شد. گزارش‌ها را ببینید "
    "و پس از رفع اشکال، سرویس کیوسک یا خود دستگاه را دوباره راه‌اندازی کنید:",
    "For the technician: the kiosk software was held after repeated unexpected stops. Read the logs, "
    "and once the problem is fixed restart the kiosk service or the machine:"};
// Commands, the same in both languages (shown left to right).
inline constexpr const char* kServiceCommands =
    "journalctl -u pishkhan-kiosk -b    ·    systemctl restart pishkhan-kiosk";
inline constexpr Text kServiceTerminal{"پایانه", "Terminal"};
inline constexpr Text kServiceUncleanStarts{"توقف ناخواسته در ۱۰ دقیقهٔ گذشته",
                                            "unexpected stop(s) in the last 10 minutes"};
}  // namespace strings

}  // namespace pk::kiosk
