#pragma once
// What the technician screens say, Persian first.
#include "kiosk/strings.h"

namespace pk::kiosk::tech::strings {
using kiosk::Text;
inline constexpr Text kTitle{"technician_title", "بخش فنی", "Technician"};
inline constexpr Text kLoginHint{
    "technician_login_hint",
    "شناسه و رمز فنی را وارد کنید. هر ورود در گزارش رویدادها ثبت می‌شود.",
    "Type your technician id and PIN. Every sign-in is recorded in the audit log."};
inline constexpr Text kId{"technician_id", "شناسه فنی", "Technician id"};
inline constexpr Text kPin{"technician_pin", "رمز", "PIN"};
inline constexpr Text kSignIn{"technician_sign_in", "ورود", "Sign in"};
inline constexpr Text kExit{"technician_exit", "خروج", "Exit"};
inline constexpr Text kServiceLevels{"technician_service_levels", "سطح خدمات", "Service levels"};
inline constexpr Text kDevices{"technician_devices", "دستگاه‌ها", "Devices"};
inline constexpr Text kOutbox{"technician_outbox", "صف ارسال", "Outbox"};
inline constexpr Text kAvailabilityByMonth{"technician_availability_by_month",
                                           "دسترس‌پذیری هر ماه (همه خدمات)",
                                           "Availability per month (all services)"};
inline constexpr Text kThisMonth{"technician_this_month", "این ماه", "This month"};
inline constexpr Text kThisYear{"technician_this_year", "امسال", "This year"};
// "Announced" (اعلام‌شده), as the agreement has it: planned means announced 72 h ahead. It also
// fits its column on two lines beside its pair, "unannounced".
inline constexpr Text kPlannedHours{"technician_planned_hours", "قطعی اعلام‌شده (ساعت)",
                                    "Planned outage (h)"};
inline constexpr Text kUnplannedHours{"technician_unplanned_hours",
                                      "قطعی اعلام‌نشده (ساعت)", "Unplanned outage (h)"};
inline constexpr Text kReports{"technician_reports", "گزارش خرابی", "Failure reports"};
inline constexpr Text kUnknownHours{"technician_unknown_hours", "ساعت نامعلوم امسال",
                                    "Unknown hours this year"};
inline constexpr Text kHoursExplained{
    "technician_hours_explained",
    "ساعت‌ها ساعت واقعی‌اند؛ درصدها از ۷۲۰ ساعتِ هر ماه و ۸٬۶۴۰ ساعتِ سال توافق‌نامه است. * ساعتی از این دوره "
    "نامعلوم است (دستگاه خاموش یا ساعت نامطمئن): دوره ناقص است و «برآورده» شمرده نمی‌شود.",
    "Hours are real hours; percentages are over the agreement's 720 h month and 8,640 h year. * Some of the "
    "period is unknown (terminal off, or clock suspect): it is incomplete and never counted as met."};
inline constexpr Text kOpenOutages{"technician_open_outages", "قطعی‌های باز", "Open outages"};
inline constexpr Text kNoOpenOutages{"technician_no_open_outages", "هیچ قطعی بازی نیست.", "No open outage."};
inline constexpr Text kClockSuspect{
    "technician_clock_suspect",
    "ساعت دستگاه قابل اعتماد نیست (پرش ساعت یا اختلاف با مرکز)؛ ارقام این دوره با احتیاط خوانده شوند.",
    "The terminal's clock is suspect (a jump, or skew against the centre): read this period's figures with "
    "care."};
inline constexpr Text kNeverSynced{"technician_never_synced", "ساعت هنوز با مرکز همگام نشده است.",
                                   "The clock has not been synchronised with the centre yet."};
inline constexpr Text kUnknown{"technician_unknown", "نامعلوم", "unknown"};
inline constexpr Text kPending{"technician_pending", "در انتظار ارسال", "Waiting to be sent"};
inline constexpr Text kOldest{"technician_oldest", "قدیمی‌ترین", "Oldest"};
inline constexpr Text kMinutes{"technician_minutes", "دقیقه", "minutes"};
inline constexpr Text kSent{"technician_sent", "ارسال‌شده", "Sent"};
inline constexpr Text kConfirmed{"technician_confirmed", "تأییدشده", "Confirmed"};
inline constexpr Text kDatabase{"technician_database", "حجم پایگاه داده", "Database size"};
inline constexpr Text kNoLedger{"technician_no_ledger", "دفتر سطح خدمات خوانده نشد",
                                "The service-level ledger could not be read"};
// Device set-up.
inline constexpr Text kFound{"technician_found", "یافت‌شده", "Found"};
inline constexpr Text kNoDevice{"technician_no_device", "بدون دستگاه", "No device"};
inline constexpr Text kSelfTest{"technician_self_test", "آزمایش", "Test"};
inline constexpr Text kPassed{"technician_passed", "آزمایش موفق", "Test passed"};
inline constexpr Text kFailed{"technician_failed", "آزمایش ناموفق", "Test failed"};
inline constexpr Text kSaveChoice{"technician_save_choice", "ذخیرهٔ انتخاب", "Save choice"};
inline constexpr Text kRefresh{"technician_refresh", "جست‌وجوی دوباره", "Search again"};
inline constexpr Text kSaved{
    "technician_saved",
    "انتخاب دستگاه‌ها در پرونده تنظیمات نوشته شد؛ با راه‌اندازی دوباره به کار می‌رود.",
    "The device choice was written to the configuration file; it applies at the next start."};
inline constexpr Text kTesting{"technician_testing", "در حال آزمایش", "Testing"};
inline constexpr Text kSeconds{"technician_seconds", "ثانیه", "s"};
inline constexpr Text kSearching{
    "technician_searching", "در حال جست‌وجوی دستگاه‌ها…", "Searching for devices…"};
inline constexpr Text kTestRunning{"technician_test_running",
                                   "آزمایش این دستگاه هنوز در جریان است؛ تا پایان آن صبر کنید.",
                                   "This device's test is still running: wait for it to finish."};
inline constexpr Text kWaitForDevices{
    "technician_wait_for_devices",
    "آزمایش یا جست‌وجوی دستگاه‌ها هنوز در جریان است؛ پس از پایان آن دوباره تلاش کنید.",
    "A device test or search is still running: try again when it has finished."};
inline constexpr Text kNoConfigFile{"technician_no_config_file",
                                    "پرونده تنظیماتی در کار نیست؛ انتخاب ذخیره نشد.",
                                    "No configuration file is in use: the choice was not saved."};
// Diagnostics.
inline constexpr Text kDiagnostics{"technician_diagnostics", "عیب‌یابی", "Diagnostics"};
inline constexpr Text kVersion{"technician_version", "نسخه", "Version"};
inline constexpr Text kSchema{"technician_schema", "نسخه پایگاه داده", "Store schema"};
inline constexpr Text kLastError{"technician_last_error", "آخرین خطای ارسال", "Last delivery error"};
inline constexpr Text kDevicesFound{"technician_devices_found", "دستگاه‌های یافت‌شده",
                                    "Devices found"};
inline constexpr Text kLogLines{"technician_log_lines", "سطرهای گزارش", "Log lines"};
inline constexpr Text kDestination{"technician_destination", "مقصد بسته عیب‌یابی",
                                   "Where the bundle goes"};
inline constexpr Text kNoDestination{"technician_no_destination",
                                     "هیچ حافظهٔ USB وصل نیست. حافظه را وصل کنید و دوباره نگاه کنید.",
                                     "No USB stick is mounted. Plug one in and look again."};
inline constexpr Text kExport{"technician_export", "ساخت بسته", "Export bundle"};
inline constexpr Text kBundlePolicy{
    "technician_bundle_policy",
    "بسته شامل نسخه‌ها، تنظیمات بدون رمزها، دستگاه‌ها، آمار پایگاه داده، صف ارسال، سطح خدمات و گزارش پاک‌سازی‌شده است؛ هیچ دادهٔ شخصی در آن نیست.",
    "The bundle holds versions, the configuration without secrets, devices, store figures, the outbox, service levels and "
    "a redacted log; no personal data."};
inline constexpr Text kExported{"technician_exported", "بسته نوشته شد", "Bundle written"};
inline constexpr Text kSendToCentre{"technician_send_to_centre", "ارسال به مرکز", "Send to the centre"};
inline constexpr Text kSending{"technician_sending", "در حال ارسال بسته به مرکز",
                               "Sending the bundle to the centre"};
inline constexpr Text kSentToCentre{"technician_sent_to_centre", "بسته به مرکز رسید. شماره رسید مرکز:",
                                    "The centre has the bundle. Its receipt:"};
inline constexpr Text kUploadNotEnrolled{
    "technician_upload_not_enrolled",
    "این پایانه هنوز در مرکز ثبت نشده است؛ نخست آن را ثبت کنید، یا بسته را روی حافظهٔ USB بریزید.",
    "This terminal is not enrolled with a centre yet: enroll it first, or export the bundle to a USB stick."};
inline constexpr Text kUploadUnreachable{
    "technician_upload_unreachable",
    "مرکز در دسترس نیست. شبکه را بررسی کنید و دوباره بفرستید، یا بسته را روی حافظهٔ USB بریزید.",
    "The centre cannot be reached. Check the network and send again, or export the bundle to a USB stick."};
inline constexpr Text kUploadRefused{"technician_upload_refused",
                                     "مرکز بسته را نپذیرفت:", "The centre refused the bundle:"};
// Factory reset.
inline constexpr Text kFactoryReset{"technician_factory_reset", "بازنشانی کارخانه", "Factory reset"};
inline constexpr Text kResetExplain{
    "technician_reset_explain",
    "بازنشانی کلیدها، پایگاه داده، مدارک، رسیدها، گزارش‌ها و حساب‌ها را برای همیشه پاک می‌کند و دستگاه به راه‌اندازی نخست برمی‌گردد.",
    "A factory reset destroys the keys, the store, captures, receipts, logs and accounts for good, and the terminal "
    "returns to first boot."};
inline constexpr Text kUnsent{"technician_unsent", "ثبت‌های نرسیده به مرکز",
                              "Captures not yet at the centre"};
inline constexpr Text kResetRefused{
    "technician_reset_refused",
    "بازنشانی ممکن نیست: این ثبت‌ها هنوز به مرکز نرسیده‌اند. صبر کنید تا صف ارسال خالی شود.",
    "Reset refused: these captures have not reached the centre yet. Wait until the outbox is empty."};
inline constexpr Text kResetAllSent{"technician_reset_all_sent",
                                    "همهٔ ثبت‌ها به مرکز رسیده‌اند.",
                                    "Every capture has reached the centre."};
inline constexpr Text kReset{"technician_reset", "بازنشانی", "Reset"};
inline constexpr Text kOverride{"technician_override",
                                "بازنشانی با از دست دادن ثبت‌ها",
                                "Reset and lose the captures"};
inline constexpr Text kOverrideWarning{
    "technician_override_warning", "این ثبت‌ها برای همیشه از دست می‌روند:",
    "These captures will be lost for good:"};
inline constexpr Text kRetypePin{
    "technician_retype_pin",
    "برای تأیید، رمز خود را دوباره وارد کنید. این کار در گزارش رویدادها ثبت می‌شود.",
    "Type your PIN again to confirm. This is recorded in the audit log."};
inline constexpr Text kConfirmReset{"technician_confirm_reset", "تأیید بازنشانی", "Confirm reset"};
inline constexpr Text kCancel{"technician_cancel", "انصراف", "Cancel"};
// Enrollment.
inline constexpr Text kEnrollment{"technician_enrollment", "ثبت پایانه", "Enrollment"};
inline constexpr Text kIsEnrolled{"technician_is_enrolled", "این پایانه در مرکز ثبت شده است.",
                                  "This terminal is enrolled with the centre."};
inline constexpr Text kNotEnrolled{
    "technician_not_enrolled",
    "این پایانه هنوز در مرکز ثبت نشده است. رمز یک‌بارمصرفی را که مرکز داده است وارد کنید.",
    "This terminal is not enrolled yet. Type the one-time code the centre gave you."};
inline constexpr Text kScanHint{"technician_scan_hint",
                                "یا کد QR برگهٔ مرکز را جلوی بارکدخوان بگیرید تا هر سه خانه پر شود.",
                                "Or hold the centre's QR code to the barcode scanner to fill all three."};
inline constexpr Text kTerminalId{"technician_terminal_id", "شناسهٔ پایانه", "Terminal id"};
inline constexpr Text kTerminalNumber{"technician_terminal_number", "شمارهٔ پایانه", "Terminal number"};
inline constexpr Text kOffice{"technician_office", "دفتر", "Office"};
inline constexpr Text kCentreAddress{"technician_centre_address", "نشانی مرکز", "Centre"};
inline constexpr Text kCertificateUntil{"technician_certificate_until", "اعتبار گواهی تا",
                                        "Certificate valid until"};
inline constexpr Text kCatalogInUse{"technician_catalog_in_use", "نسخهٔ فهرست خدمات", "Catalog version"};
inline constexpr Text kReenrollHint{"technician_reenroll_hint",
                                    "برای ثبت در مرکزی دیگر، نخست بازنشانی کارخانه لازم است.",
                                    "To enroll with another centre, a factory reset must come first."};
inline constexpr Text kEnrollCode{"technician_enroll_code", "رمز ثبت (یک‌بارمصرف)",
                                  "One-time enrollment code"};
inline constexpr Text kCentreUrl{"technician_centre_url", "نشانی مرکز", "Centre address"};
inline constexpr Text kCentrePin{"technician_centre_pin", "اثر کلید مرکز (pin)", "Centre key pin"};
inline constexpr Text kCodeEmpty{"technician_code_empty",
                                 "۱۶ نویسه، همان‌گونه که مرکز چاپ کرده است",
                                 "16 characters, as the centre printed them"};
inline constexpr Text kCodeOf16{"technician_code_of16", "از ۱۶ نویسه", "of 16 characters"};
inline constexpr Text kCodeBadCharacter{"technician_code_bad_character",
                                        "این نویسه در رمز نیست:", "Not a character of the code:"};
inline constexpr Text kCodeTooLong{"technician_code_too_long", "بیش از ۱۶ نویسه است",
                                   "More than 16 characters"};
inline constexpr Text kCodeWrongCheck{
    "technician_code_wrong_check",
    "نویسهٔ وارسی نمی‌خواند: یک نویسه اشتباه وارد شده است",
    "The check character does not match: a character is mistyped"};
inline constexpr Text kCodeRight{"technician_code_right", "نویسهٔ وارسی درست است",
                                 "The check character is right"};
inline constexpr Text kEnroll{"technician_enroll", "ثبت پایانه", "Enroll"};
inline constexpr Text kEnrolling{
    "technician_enrolling", "در حال ثبت در مرکز: ساختن کلید، گرفتن گواهی و فهرست خدمات…",
    "Enrolling with the centre: making the key, getting the certificate and the catalog…"};
inline constexpr Text kEnrollDone{
    "technician_enroll_done",
    "پایانه ثبت شد و بی‌راه‌اندازی دوباره به کار افتاد.",
    "The terminal is enrolled and at work, without a restart."};
inline constexpr Text kCatalogStored{"technician_catalog_stored",
                                     "فهرست خدمات مرکز دریافت و امضای آن وارسی شد؛ نسخه",
                                     "The centre's catalog was received and its signature verified: version"};
inline constexpr Text kCatalogKept{
    "technician_catalog_kept",
    "فهرست خدمات این پایانه از فهرست مرکز تازه‌تر است و همان می‌ماند.",
    "The catalog on this terminal is newer than the centre's and stays."};
inline constexpr Text kCatalogLater{
    "technician_catalog_later",
    "فهرست خدمات مرکز دریافت نشد؛ ثبت پایانه به جای خود است. فهرست را بعداً با «دریافت دوبارهٔ فهرست» بگیرید.",
    "The centre's catalog could not be fetched: the enrollment stands. Fetch it later with “Fetch the catalog again”."};
inline constexpr Text kFetchCatalog{"technician_fetch_catalog", "دریافت دوبارهٔ فهرست",
                                    "Fetch the catalog again"};
inline constexpr Text kFetchingCatalog{"technician_fetching_catalog", "در حال دریافت فهرست خدمات از مرکز…",
                                       "Fetching the catalog from the centre…"};
inline constexpr Text kEnrollMistyped{
    "technician_enroll_mistyped", "رمز درست وارد نشده است؛ آن را با برگهٔ مرکز مقایسه و اصلاح کنید.",
    "The code is mistyped: compare it with the centre's sheet and correct it."};
inline constexpr Text kEnrollUnknown{
    "technician_enroll_unknown", "مرکز چنین رمزی صادر نکرده است؛ آن را با برگهٔ مرکز مقایسه کنید.",
    "The centre never issued this code: compare it with the centre's sheet."};
inline constexpr Text kEnrollUsed{
    "technician_enroll_used",
    "این رمز پیش‌تر به کار رفته است؛ از مرکز رمز تازه بخواهید.",
    "This code has already been used: ask the centre for a new one."};
inline constexpr Text kEnrollExpired{"technician_enroll_expired",
                                     "مهلت این رمز گذشته است؛ از مرکز رمز تازه بخواهید.",
                                     "This code has expired: ask the centre for a new one."};
inline constexpr Text kEnrollUnreachable{
    "technician_enroll_unreachable",
    "مرکز در دسترس نیست. شبکه را بررسی کنید و دوباره «ثبت پایانه» را بزنید؛ رمز مصرف نشده است.",
    "The centre cannot be reached. Check the network and tap Enroll again: the code is not used up."};
inline constexpr Text kEnrollWrongCentre{
    "technician_enroll_wrong_centre", "این مرکز همان مرکزِ این pin نیست؛ نشانی و pin را بررسی کنید.",
    "This is not the centre the pin names: check the address and the pin."};
inline constexpr Text kEnrollBadArguments{
    "technician_enroll_bad_arguments", "نشانی مرکز باید با https:// آغاز شود و pin به شکل sha256//… باشد.",
    "The centre address must start with https:// and the pin be sha256//…"};
inline constexpr Text kEnrollRefused{"technician_enroll_refused", "مرکز ثبت را نپذیرفت.",
                                     "The centre refused the enrollment."};
inline constexpr Text kEnrollElsewhere{
    "technician_enroll_elsewhere", "این پایانه در مرکز دیگری ثبت شده است؛ نخست بازنشانی کارخانه لازم است.",
    "This terminal is enrolled with another centre: a factory reset must come first."};
inline constexpr Text kEnrollDisk{"technician_enroll_disk", "کلیدها روی دیسک نوشته نشد.",
                                  "The keys could not be written to disk."};
inline constexpr Text kEnrollBlocksReset{"technician_enroll_blocks_reset",
                                         "ثبت پایانه در جریان است؛ پس از پایان آن بازنشانی کنید.",
                                         "An enrollment is running: reset once it has finished."};
inline constexpr Text kQrRead{"technician_qr_read", "کد QR خوانده شد: رمز، نشانی و pin مرکز پر شد.",
                              "QR code read: the code, the centre address and the pin are filled in."};
inline constexpr Text kQrNotEnrollment{
    "technician_qr_not_enrollment",
    "این کد، کد QR ثبت پایانه نیست (شاید رسید یا برگهٔ دیگری خوانده شد)؛ چیزی پر نشد.",
    "That is not an enrollment QR code (a receipt or another sheet?): nothing was filled in."};
inline constexpr Text kQrVersion{
    "technician_qr_version",
    "این کد QR برای نسخهٔ دیگری از نرم‌افزار است؛ چیزی پر نشد.",
    "This QR code is for another version of the software: nothing was filled in."};
inline constexpr Text kQrDamaged{
    "technician_qr_damaged", "کد QR ثبت پایانه خراب یا ناقص است؛ چیزی پر نشد. رمز را دستی وارد کنید.",
    "The enrollment QR code is damaged or incomplete: nothing was filled in. Type the code."};
}  // namespace pk::kiosk::tech::strings
