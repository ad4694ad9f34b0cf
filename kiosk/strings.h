#pragma once
// Every sentence the citizen screens show, in Persian first and English second.
// Kept in one place so a translator (or a Dari reviewer) reads them all together.
#include "domain/catalog.h"

namespace pk::kiosk {

struct Text {
  // The string's id: names its row in every language and the file of a recorded voice prompt
  // that replaces the synthetic one (see the speech guidance).
  const char* key;
  const char* fa;
  const char* en;
  [[nodiscard]] const char* in(catalog::Language l) const {
    return l == catalog::Language::Persian ? fa : en;
  }
};

namespace strings {
inline constexpr Text kAppTitle{"app_title", "پیشخوان خدمات الکترونیک استانداری خراسان جنوبی",
                                "South Khorasan Governorate e-services kiosk"};
inline constexpr Text kWelcome{"welcome", "خوش آمدید", "Welcome"};
inline constexpr Text kWelcomeHint{"welcome_hint", "برای دیدن خدمات و ثبت درخواست، «شروع» را لمس کنید.",
                                   "Touch “Start” to see the services and apply."};
inline constexpr Text kStart{"start", "شروع", "Start"};
inline constexpr Text kLanguageOther{"language_other", "English", "فارسی"};
inline constexpr Text kBack{"back", "بازگشت", "Back"};
inline constexpr Text kHome{"home", "صفحه اول", "Home"};
inline constexpr Text kServices{"services", "خدمات", "Services"};
inline constexpr Text kAllOffices{"all_offices", "همه", "All"};
inline constexpr Text kSearchHint{"search_hint", "جستجو: نام یا شماره خدمت",
                                  "Search: service name or number"};
inline constexpr Text kNoResults{"no_results", "خدمتی با این نام یا شماره پیدا نشد.",
                                 "No service matches this name or number."};
inline constexpr Text kCounterOnly{"counter_only", "فقط در باجه", "Counter only"};
inline constexpr Text kCounterOnlyNotice{
    "counter_only_notice",
    "این خدمت در کیوسک ارائه نمی‌شود. برگه را چاپ کنید و با مدارک لازم به باجه ببرید.",
    "This service is not offered at the kiosk. Print the slip and take it with the documents to the counter."};
inline constexpr Text kPrintSlip{"print_slip", "چاپ برگه برای باجه", "Print a slip for the counter"};
inline constexpr Text kSlipPrinted{"slip_printed", "برگه چاپ شد. آن را با مدارک لازم به باجه ببرید.",
                                   "The slip is printed. Take it with the documents to the counter."};
inline constexpr Text kSlipNotPrinted{"slip_not_printed", "برگه چاپ نشد. با همین صفحه به باجه بروید. ",
                                      "The slip did not print. Go to the counter with this screen. "};
inline constexpr Text kSteps{"steps", "مراحل انجام کار", "Process"};
inline constexpr Text kDocuments{"documents", "مدارک لازم", "Required documents"};
inline constexpr Text kForms{"forms", "فرم‌ها", "Forms"};
inline constexpr Text kFee{"fee", "هزینه", "Fee"};
inline constexpr Text kFree{"free", "رایگان", "Free"};
inline constexpr Text kRials{"rials", "ریال", "rials"};
inline constexpr Text kApprover{"approver", "مرجع تأیید", "Approved by"};
inline constexpr Text kHandlingTime{"handling_time", "زمان رسیدگی", "Handling time"};
inline constexpr Text kWorkingDays{"working_days", "روز کاری", "working days"};
// Beside a value the catalog marks as a sample (the catalog's banner names the mark).
inline constexpr Text kSampleTag{"sample_tag", "نمونه", "sample"};
inline constexpr Text kMoreBelow{"more_below", "بقیه در پایین؛ صفحه را به بالا بکشید",
                                 "More below: drag the page up"};
inline constexpr Text kCredit{"credit", "جبران خسارت", "Compensation"};
inline constexpr Text kDispute{"dispute", "رسیدگی به اعتراض", "Disputes"};
inline constexpr Text kPages{"pages", "صفحه", "page(s)"};
inline constexpr Text kOptional{"optional", "اختیاری", "optional"};
inline constexpr Text kApply{"apply", "ثبت درخواست", "Apply"};
inline constexpr Text kOffice{"office", "دستگاه", "Office"};
inline constexpr Text kCatalogVersion{"catalog_version", "نسخه فهرست خدمات", "Catalog version"};
inline constexpr Text kStatusCheck{"status_check", "پیگیری درخواست", "Check a request"};
inline constexpr Text kReportFailure{"report_failure", "گزارش خرابی", "Report a failure"};
inline constexpr Text kNext{"next", "ادامه", "Next"};
inline constexpr Text kFinish{"finish", "پایان", "Finish"};
// Identification
inline constexpr Text kIdentifyTitle{"identify_title", "شناسایی", "Identification"};
inline constexpr Text kIdNationalCode{"id_national_code", "کد ملی", "National code"};
// The identity documents by name (the choice, the review, the receipt), then the number each
// carries (the field's label).
inline constexpr Text kIdAmayesh{"id_amayesh", "کارت آمایش", "Amayesh card"};
inline constexpr Text kIdFida{"id_fida", "کد فیدا", "FIDA number"};
inline constexpr Text kIdPassportDocument{"id_passport_document", "گذرنامه", "Passport"};
inline constexpr Text kIdAmayeshNumber{"id_amayesh_number", "شماره کارت آمایش", "Amayesh card number"};
inline constexpr Text kIdFidaNumber{"id_fida_number", "کد فیدا (۱۲ رقم)", "FIDA number (12 digits)"};
inline constexpr Text kIdPassport{"id_passport", "شماره گذرنامه", "Passport number"};
inline constexpr Text kIdDocument{"id_document", "مدرک شناسایی", "Identity document"};
inline constexpr Text kMobile{"mobile", "شماره تلفن همراه", "Mobile number"};
inline constexpr Text kMobileOptional{"mobile_optional", "شماره تلفن همراه (اختیاری)",
                                      "Mobile number (optional)"};
inline constexpr Text kMobileExample{"mobile_example", "مثال: ۰۹۱۲۱۲۳۴۵۶۷ یا \u2066+۹۳۷۰۱۲۳۴۵۶۷\u2069",
                                     "e.g. 09121234567 or +93701234567"};
inline constexpr Text kMobileNone{"mobile_none", "—", "—"};
inline constexpr Text kIdHint{"id_hint", "مدرکی را که دارید انتخاب کنید و شماره آن را بنویسید.",
                              "Choose the document you have and type its number."};
inline constexpr Text kReadPassport{"read_passport", "خواندن تراشه گذرنامه", "Read passport chip"};
inline constexpr Text kPassportTitle{"passport_title", "خواندن گذرنامه", "Reading a passport"};
inline constexpr Text kPassportHint{
    "passport_hint",
    "گذرنامه را روی کارت‌خوان بگذارید و سه مورد زیر را از صفحه مشخصات آن وارد کنید؛ بقیه از تراشه خوانده می‌شود.",
    "Put the passport on the card reader and type these three items from its data page; the rest is read "
    "from the chip."};
inline constexpr Text kMrzDocument{"mrz_document", "شماره گذرنامه (لاتین)", "Passport number"};
inline constexpr Text kMrzBirth{"mrz_birth", "تاریخ تولد میلادی (۶ رقم)", "Date of birth (YYMMDD)"};
inline constexpr Text kMrzExpiry{"mrz_expiry", "تاریخ انقضا میلادی (۶ رقم)", "Date of expiry (YYMMDD)"};
inline constexpr Text kReadNow{"read_now", "خواندن", "Read"};
inline constexpr Text kReadFromChip{"read_from_chip",
                                    "از تراشه گذرنامه خوانده شد:", "Read from the passport chip:"};
// A chip whose passive authentication did not verify: said plainly, with why, and what to do.
inline constexpr Text kChipUnverified{"chip_unverified", "تراشه گذرنامه تأیید نشد",
                                      "Passport chip NOT verified"};
inline constexpr Text kChipTypeNumber{"chip_type_number", "شماره گذرنامه را از صفحه مشخصات آن وارد کنید.",
                                      "Type the passport number from its data page."};
inline constexpr Text kChipNoMasterList{"chip_no_master_list",
                                        "فهرست مراجع صدور گذرنامه (CSCA) روی این دستگاه نیست",
                                        "no CSCA master list on this kiosk"};
inline constexpr Text kChipSignatureInvalid{"chip_signature_invalid",
                                            "امضای داده‌های تراشه درست نیست",
                                            "the chip's data signature is invalid"};
inline constexpr Text kChipUnknownIssuer{"chip_unknown_issuer", "مرجع صادرکننده گذرنامه شناخته نیست",
                                         "the issuing authority is unknown"};
inline constexpr Text kChipSignerExpired{"chip_signer_expired", "گواهی امضاکننده تراشه منقضی شده است",
                                         "the chip's signing certificate has expired"};
inline constexpr Text kChipSignerRevoked{"chip_signer_revoked", "گواهی امضاکننده تراشه باطل شده است",
                                         "the chip's signing certificate is revoked"};
inline constexpr Text kChipNoRevocationList{"chip_no_revocation_list",
                                            "فهرست ابطال مرجع صادرکننده روی این دستگاه نیست",
                                            "the issuer's revocation list is missing"};
inline constexpr Text kChipMalformed{"chip_malformed", "ساختار امضای تراشه درست نیست",
                                     "the chip's signature data is not valid"};
// Capture
inline constexpr Text kCaptureTitle{"capture_title", "اسکن مدارک", "Scanning documents"};
inline constexpr Text kCaptureHint{"capture_hint",
                                   "مدرک را رو به پایین روی شیشه اسکنر بگذارید و «اسکن» را لمس کنید.",
                                   "Place the document face down on the scanner glass and touch “Scan”."};
inline constexpr Text kScan{"scan", "اسکن", "Scan"};
inline constexpr Text kRetake{"retake", "اسکن دوباره", "Retake"};
inline constexpr Text kScanAnother{"scan_another", "اسکن صفحهٔ دیگر", "Scan one more page"};
inline constexpr Text kSkip{"skip", "ندارم، ادامه", "I don’t have it, next"};
inline constexpr Text kPageSlot{"page_slot", "صفحهٔ", "Page"};  // over an empty slot: "صفحهٔ ۲"
inline constexpr Text kDocumentOf{"document_of", "مدرک", "Document"};
inline constexpr Text kPagesScanned{"pages_scanned", "صفحه اسکن شد", "page(s) scanned"};
// Review
inline constexpr Text kReviewTitle{"review_title", "بازبینی و ثبت", "Review and submit"};
inline constexpr Text kService{"service", "خدمت", "Service"};
inline constexpr Text kConsent{"consent", "اطلاعات بالا درست است و با ارسال آن به مرکز موافقم.",
                               "The information above is correct and I agree to send it to the centre."};
inline constexpr Text kSubmit{"submit", "ثبت نهایی", "Submit"};
// Saved
inline constexpr Text kSavedTitle{"saved_title", "درخواست شما ثبت شد", "Your request is saved"};
inline constexpr Text kReportSavedTitle{"report_saved_title", "گزارش خرابی شما ثبت شد",
                                        "Your failure report is saved"};
inline constexpr Text kTrackingCode{"tracking_code", "کد رهگیری", "Tracking code"};
inline constexpr Text kReceiptPrinted{"receipt_printed", "رسید چاپ شد. آن را بردارید و نگه دارید.",
                                      "Your receipt is printed. Please take it and keep it."};
inline constexpr Text kReceiptNotPrinted{
    "receipt_not_printed", "رسید چاپ نشد. لطفاً این کد را یادداشت کنید؛ رسید بعداً از باجه قابل دریافت است.",
    "The receipt did not print. Please write this code down; the counter can reprint it."};
inline constexpr Text kSavedOffline{
    "saved_offline",
    "درخواست در این دستگاه ذخیره شد و به‌محض برقراری ارتباط به مرکز ارسال می‌شود.",
    "It is saved on this terminal and goes to the centre as soon as the link is up."};
inline constexpr Text kReportSavedOffline{
    "report_saved_offline",
    "گزارش در این دستگاه ذخیره شد و به‌محض برقراری ارتباط به مرکز ارسال می‌شود.",
    "Your report is saved on this terminal and goes to the centre as soon as the link is up."};
inline constexpr Text kSavedDelivered{"saved_delivered", "درخواست شما به مرکز رسید.",
                                      "Your application has reached the centre."};
inline constexpr Text kReportDelivered{"report_delivered", "گزارش شما به مرکز رسید.",
                                       "Your report has reached the centre."};
// Status
inline constexpr Text kStatusTitle{"status_title", "پیگیری با کد رهگیری", "Check with a tracking code"};
inline constexpr Text kStatusHint{
    "status_hint", "کد رهگیری ۱۴ رقمی رسید را وارد کنید یا بارکد رسید را جلوی اسکنر بگیرید.",
    "Type the 14-digit tracking code, or show the receipt’s barcode to the scanner."};
inline constexpr Text kLookUp{"look_up", "پیگیری", "Check"};
inline constexpr Text kStatusNotHere{
    "status_not_here", "این کد در این دستگاه ثبت نشده است. وضعیت آن را از باجه یا درگاه استانداری بپرسید.",
    "This code was not issued at this terminal. Ask at the counter or on the portal."};
inline constexpr Text kStatusQueued{"status_queued", "ثبت شده؛ در انتظار ارسال به مرکز.",
                                    "Saved; waiting to be sent to the centre."};
inline constexpr Text kStatusSent{"status_sent", "به مرکز رسیده و در حال رسیدگی است.",
                                  "Received by the centre and being handled."};
inline constexpr Text kStatusConfirmed{"status_confirmed", "مرکز دریافت کامل پرونده را تأیید کرده است.",
                                       "The centre has confirmed receiving the whole file."};
// What the centre decided, as last heard by the sync client (shown offline).
inline constexpr Text kStatusInReview{"status_in_review", "پرونده در مرکز در دست بررسی است.",
                                      "The centre is reviewing the file."};
inline constexpr Text kStatusApproved{"status_approved", "درخواست شما در مرکز تأیید شد.",
                                      "The centre has approved your request."};
inline constexpr Text kStatusRejected{"status_rejected",
                                      "درخواست شما در مرکز رد شد؛ برای پیگیری به باجه مراجعه کنید.",
                                      "The centre has rejected your request; please ask at the counter."};
inline constexpr Text kStatusDocumentsRequested{
    "status_documents_requested",
    "مرکز برای بررسی درخواست شما مدارک بیشتری خواسته است؛ آن‌ها را به باجه بیاورید.",
    "The centre needs more documents to review your request; please bring them to the counter."};
// What to do next, under the status (a status alone leaves a citizen asking "and now?").
inline constexpr Text kStatusService{"status_service", "خدمت", "Service"};
inline constexpr Text kStatusSavedAt{"status_saved_at", "ثبت", "Saved"};
inline constexpr Text kNextNothingYet{
    "next_nothing_yet",
    "کاری لازم نیست؛ خودکار به مرکز فرستاده می‌شود. چند ساعت بعد دوباره پیگیری کنید.",
    "Nothing to do: it goes to the centre by itself. Check again in a few hours."};
inline constexpr Text kNextWaitDays{
    "next_wait_days",
    "بررسی آن تا {} روز کاری طول می‌کشد؛ پس از آن دوباره پیگیری کنید.",
    "Handling takes up to {} working days; check again after that."};
inline constexpr Text kNextWaitReport{
    "next_wait_report",
    "کاری لازم نیست؛ پاسخ مرکز همین‌جا نشان داده می‌شود.",
    "Nothing to do: the centre’s answer will show here."};
inline constexpr Text kNextBringDocuments{
    "next_bring_documents",
    "مدارک خواسته‌شده را همراه همین کد رهگیری به باجه دفتر بیاورید.",
    "Bring the documents asked for, with this tracking code, to the office’s counter."};
inline constexpr Text kNextCollect{
    "next_collect", "با همین کد رهگیری و مدرک شناسایی خود به باجه دفتر مراجعه کنید.",
    "Come to the office’s counter with this tracking code and your identity document."};
inline constexpr Text kNextDispute{
    "next_dispute",
    "اگر با این تصمیم موافق نیستید، با همین کد رهگیری به دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی مراجعه کنید.",
    "If you disagree with the decision, take this tracking code to the governorate’s inspection and legal "
    "office."};
// A failure report: answered while the centre looks into it, resolved at the end.
inline constexpr Text kReportStatusInReview{"report_status_in_review", "گزارش شما در مرکز در دست رسیدگی است.",
                                            "The centre is looking into your report."};
inline constexpr Text kReportStatusAnswered{"report_status_answered",
                                            "مرکز به گزارش شما پاسخ داده است و رسیدگی ادامه دارد.",
                                            "The centre has answered your report and is still on it."};
inline constexpr Text kReportStatusResolved{"report_status_resolved",
                                            "رسیدگی به گزارش شما در مرکز به پایان رسید.",
                                            "The centre has finished handling your report."};
// Headings over the back office's own words (staff write them in Persian or English).
inline constexpr Text kDecisionDocuments{"decision_documents", "مدارکی که باید بیاورید", "What to bring"};
inline constexpr Text kDecisionReason{"decision_reason", "دلیل", "Reason"};
inline constexpr Text kDecisionReply{"decision_reply", "پاسخ مرکز", "The centre’s reply"};
inline constexpr Text kDecisionCredit{"decision_credit", "جبران خسارت تعلق‌گرفته",
                                      "Compensation granted"};
// Failure report
inline constexpr Text kReportTitle{"report_title", "گزارش خرابی یا افت کیفیت خدمت",
                                   "Report an outage or poor service"};
inline constexpr Text kReportWhich{"report_which", "خرابی در کدام خدمت بود؟", "Which service was affected?"};
inline constexpr Text kReportGeneral{"report_general", "کیوسک یا همه خدمات", "The kiosk / all services"};
inline constexpr Text kReportWhat{"report_what", "چه مشکلی پیش آمد؟", "What went wrong?"};
inline constexpr Text kReportText{"report_text", "توضیح (اختیاری)", "Details (optional)"};
inline constexpr Text kReportMobile{"report_mobile", "تلفن همراه برای پاسخ (اختیاری)",
                                    "Mobile for a reply (optional)"};
inline constexpr Text kProblemUnavailable{"problem_unavailable", "خدمت در دسترس نبود",
                                          "The service was unavailable"};
inline constexpr Text kProblemDevice{"problem_device", "دستگاه (چاپگر، اسکنر) کار نکرد",
                                     "A device (printer, scanner) failed"};
inline constexpr Text kProblemSlow{"problem_slow", "کندی یا کیفیت پایین خدمت", "Slow or poor service"};
inline constexpr Text kProblemWrongInfo{"problem_wrong_info", "اطلاعات نادرست", "Wrong information"};
inline constexpr Text kProblemOther{"problem_other", "سایر", "Other"};
inline constexpr Text kSend{"send", "ثبت گزارش", "Send report"};
// Idle
inline constexpr Text kMoreTimeTitle{"more_time_title", "به زمان بیشتری نیاز دارید؟",
                                     "Do you need more time?"};
inline constexpr Text kMoreTimeBody{
    "more_time_body",
    "اگر پاسخی ندهید، برای حفظ حریم شما اطلاعات وارد شده پاک می‌شود.",
    "If you do not answer, what you entered is erased to protect your privacy."};
inline constexpr Text kMoreTimeYes{"more_time_yes", "بله، ادامه می‌دهم", "Yes, continue"};
inline constexpr Text kSeconds{"seconds", "ثانیه", "seconds"};
inline constexpr Text kNotEnrolled{
    "not_enrolled",
    "این دستگاه هنوز ثبت‌نام نشده و نمی‌تواند درخواست بپذیرد. لطفاً به باجه مراجعه کنید.",
    "This terminal is not enrolled yet and cannot take requests. Please go to the counter."};
// The same fact worded for the operator of a counter terminal (who is the counter).
inline constexpr Text kNotEnrolledCounter{
    "not_enrolled_counter",
    "این پایانه ثبت‌نام نشده است و نمی‌تواند درخواست بپذیرد: از کارشناس فنی بخواهید آن را ثبت‌نام کند.",
    "This terminal is not enrolled and cannot take requests: ask the technician to enroll it."};
// A save that failed; the error's own text follows.
inline constexpr Text kNotSaved{"not_saved", "ثبت نشد؛ دوباره تلاش کنید یا به باجه مراجعه کنید. ",
                                "Not saved; try again or go to the counter. "};
inline constexpr Text kNotSavedCounter{"not_saved_counter", "ثبت نشد؛ دوباره تلاش کنید. ",
                                       "Not saved; try again. "};
// Service required (crash loop, or systemd's OnFailure unit): both languages at once, since
// nobody can switch language on a screen that only explains.
inline constexpr Text kServiceTitle{"service_title", "این پایانه به سرویس فنی نیاز دارد",
                                    "This terminal needs service"};
inline constexpr Text kServiceCitizenHint{
    "service_citizen_hint",
    "لطفاً برای دریافت خدمات به باجه مراجعه کنید. پوزش می‌خواهیم.",
    "Please go to the counter for service. We apologise."};
// The same screen on a counter terminal: the person in front of it is the operator.
inline constexpr Text kServiceOperatorHint{
    "service_operator_hint",
    "این پایانهٔ باجه فعلاً کار نمی‌کند؛ لطفاً به کارشناس فنی خبر دهید.",
    "This counter terminal is out of use for now: please call the technician."};
inline constexpr Text kServiceTechnicianHint{
    "service_technician_hint",
    "برای کارشناس فنی: نرم‌افزار کیوسک پس از چند بار توقف ناخواسته نگه داشته شد. گزارش‌ها را ببینید "
    "و پس از رفع اشکال، سرویس کیوسک یا خود دستگاه را دوباره راه‌اندازی کنید:",
    "For the technician: the kiosk software was held after repeated unexpected stops. Read the logs, "
    "and once the problem is fixed restart the kiosk service or the machine:"};
// Commands, the same in both languages (shown left to right).
inline constexpr const char* kServiceCommands =
    "journalctl -u pishkhan-kiosk -b    ·    systemctl restart pishkhan-kiosk";
inline constexpr Text kServiceTerminal{"service_terminal", "پایانه", "Terminal"};
inline constexpr Text kServiceUncleanStarts{"service_unclean_starts", "توقف ناخواسته در ۱۰ دقیقهٔ گذشته",
                                            "unexpected stop(s) in the last 10 minutes"};

// textsize slice (issue 18): the A+ button in the header. Its label is the same sign in every
// language (a left-to-right mark keeps the "+" after the "A" in right-to-left text); the key
// names it for speech ("larger text").
inline constexpr Text kTextSize{"text_size", "A+\u200E", "A+"};
}  // namespace strings

}  // namespace pk::kiosk
