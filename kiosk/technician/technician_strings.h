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
// "Announced" (اعلام‌شده), as the agreement has it: planned means announced 72 h ahead. It also
// fits its column on two lines beside its pair, "unannounced".
inline constexpr Text kPlannedHours{"قطعی اعلام‌شده (ساعت)", "Planned outage (h)"};
inline constexpr Text kUnplannedHours{"قطعی اعلام‌نشده (ساعت)", "Unplanned outage (h)"};
inline constexpr Text kReports{"گزارش خرابی", "Failure reports"};
inline constexpr Text kUnknownHours{"ساعت نامعلوم امسال", "Unknown hours this year"};
inline constexpr Text kHoursExplained{
    "ساعت‌ها ساعت واقعی‌اند؛ درصدها از ۷۲۰ ساعتِ هر ماه و ۸٬۶۴۰ ساعتِ سال توافق‌نامه است. * ساعتی از این دوره "
    "نامعلوم است (دستگاه خاموش یا ساعت نامطمئن): دوره ناقص است و «برآورده» شمرده نمی‌شود.",
    "Hours are real hours; percentages are over the agreement's 720 h month and 8,640 h year. * Some of the "
    "period is unknown (terminal off, or clock suspect): it is incomplete and never counted as met."};
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
inline constexpr Text kTesting{"در حال آزمایش", "Testing"};
inline constexpr Text kSeconds{"ثانیه", "s"};
inline constexpr Text kSearching{"در حال جست‌وجوی دستگاه‌ها…",
                                 "Searching for devices…"};
inline constexpr Text kTestRunning{"آزمایش این دستگاه هنوز در جریان است؛ تا پایان آن صبر کنید.",
                                   "This device's test is still running: wait for it to finish."};
inline constexpr Text kWaitForDevices{
    "آزمایش یا جست‌وجوی دستگاه‌ها هنوز در جریان است؛ پس از پایان آن دوباره تلاش کنید.",
    "A device test or search is still running: try again when it has finished."};
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
// Enrollment.
inline constexpr Text kEnrollment{"ثبت پایانه", "Enrollment"};
inline constexpr Text kIsEnrolled{"این پایانه در مرکز ثبت شده است.",
                                  "This terminal is enrolled with the centre."};
inline constexpr Text kNotEnrolled{
    "این پایانه هنوز در مرکز ثبت نشده است. رمز یک‌بارمصرفی را که مرکز داده است وارد کنید.",
    "This terminal is not enrolled yet. Type the one-time code the centre gave you."};
inline constexpr Text kScanHint{"یا کد QR برگهٔ مرکز را جلوی بارکدخوان بگیرید تا هر سه خانه پر شود.",
                                "Or hold the centre's QR code to the barcode scanner to fill all three."};
inline constexpr Text kTerminalId{"شناسهٔ پایانه", "Terminal id"};
inline constexpr Text kTerminalNumber{"شمارهٔ پایانه", "Terminal number"};
inline constexpr Text kOffice{"دفتر", "Office"};
inline constexpr Text kCentreAddress{"نشانی مرکز", "Centre"};
inline constexpr Text kCertificateUntil{"اعتبار گواهی تا", "Certificate valid until"};
inline constexpr Text kCatalogInUse{"نسخهٔ فهرست خدمات", "Catalog version"};
inline constexpr Text kReenrollHint{"برای ثبت در مرکزی دیگر، نخست بازنشانی کارخانه لازم است.",
                                    "To enroll with another centre, a factory reset must come first."};
inline constexpr Text kEnrollCode{"رمز ثبت (یک‌بارمصرف)", "One-time enrollment code"};
inline constexpr Text kCentreUrl{"نشانی مرکز", "Centre address"};
inline constexpr Text kCentrePin{"اثر کلید مرکز (pin)", "Centre key pin"};
inline constexpr Text kCodeEmpty{"۱۶ نویسه، همان‌گونه که مرکز چاپ کرده است",
                                 "16 characters, as the centre printed them"};
inline constexpr Text kCodeOf16{"از ۱۶ نویسه", "of 16 characters"};
inline constexpr Text kCodeBadCharacter{"این نویسه در رمز نیست:", "Not a character of the code:"};
inline constexpr Text kCodeTooLong{"بیش از ۱۶ نویسه است", "More than 16 characters"};
inline constexpr Text kCodeWrongCheck{
    "نویسهٔ وارسی نمی‌خواند: یک نویسه اشتباه وارد شده است",
    "The check character does not match: a character is mistyped"};
inline constexpr Text kCodeRight{"نویسهٔ وارسی درست است", "The check character is right"};
inline constexpr Text kEnroll{"ثبت پایانه", "Enroll"};
inline constexpr Text kEnrolling{
    "در حال ثبت در مرکز: ساختن کلید، گرفتن گواهی و فهرست خدمات…",
    "Enrolling with the centre: making the key, getting the certificate and the catalog…"};
inline constexpr Text kEnrollDone{
    "پایانه ثبت شد و بی‌راه‌اندازی دوباره به کار افتاد.",
    "The terminal is enrolled and at work, without a restart."};
inline constexpr Text kCatalogStored{"فهرست خدمات مرکز دریافت و امضای آن وارسی شد؛ نسخه",
                                     "The centre's catalog was received and its signature verified: version"};
inline constexpr Text kCatalogKept{
    "فهرست خدمات این پایانه از فهرست مرکز تازه‌تر است و همان می‌ماند.",
    "The catalog on this terminal is newer than the centre's and stays."};
inline constexpr Text kCatalogLater{
    "فهرست خدمات مرکز دریافت نشد؛ ثبت پایانه به جای خود است. فهرست را بعداً با «دریافت دوبارهٔ فهرست» بگیرید.",
    "The centre's catalog could not be fetched: the enrollment stands. Fetch it later with “Fetch the catalog again”."};
inline constexpr Text kFetchCatalog{"دریافت دوبارهٔ فهرست", "Fetch the catalog again"};
inline constexpr Text kFetchingCatalog{"در حال دریافت فهرست خدمات از مرکز…",
                                       "Fetching the catalog from the centre…"};
inline constexpr Text kEnrollMistyped{
    "رمز درست وارد نشده است؛ آن را با برگهٔ مرکز مقایسه و اصلاح کنید.",
    "The code is mistyped: compare it with the centre's sheet and correct it."};
inline constexpr Text kEnrollUnknown{
    "مرکز چنین رمزی صادر نکرده است؛ آن را با برگهٔ مرکز مقایسه کنید.",
    "The centre never issued this code: compare it with the centre's sheet."};
inline constexpr Text kEnrollUsed{
    "این رمز پیش‌تر به کار رفته است؛ از مرکز رمز تازه بخواهید.",
    "This code has already been used: ask the centre for a new one."};
inline constexpr Text kEnrollExpired{"مهلت این رمز گذشته است؛ از مرکز رمز تازه بخواهید.",
                                     "This code has expired: ask the centre for a new one."};
inline constexpr Text kEnrollUnreachable{
    "مرکز در دسترس نیست. شبکه را بررسی کنید و دوباره «ثبت پایانه» را بزنید؛ رمز مصرف نشده است.",
    "The centre cannot be reached. Check the network and tap Enroll again: the code is not used up."};
inline constexpr Text kEnrollWrongCentre{
    "این مرکز همان مرکزِ این pin نیست؛ نشانی و pin را بررسی کنید.",
    "This is not the centre the pin names: check the address and the pin."};
inline constexpr Text kEnrollBadArguments{
    "نشانی مرکز باید با https:// آغاز شود و pin به شکل sha256//… باشد.",
    "The centre address must start with https:// and the pin be sha256//…"};
inline constexpr Text kEnrollRefused{"مرکز ثبت را نپذیرفت.", "The centre refused the enrollment."};
inline constexpr Text kEnrollElsewhere{
    "این پایانه در مرکز دیگری ثبت شده است؛ نخست بازنشانی کارخانه لازم است.",
    "This terminal is enrolled with another centre: a factory reset must come first."};
inline constexpr Text kEnrollDisk{"کلیدها روی دیسک نوشته نشد.", "The keys could not be written to disk."};
inline constexpr Text kEnrollBlocksReset{"ثبت پایانه در جریان است؛ پس از پایان آن بازنشانی کنید.",
                                         "An enrollment is running: reset once it has finished."};
inline constexpr Text kQrRead{"کد QR خوانده شد: رمز، نشانی و pin مرکز پر شد.",
                              "QR code read: the code, the centre address and the pin are filled in."};
inline constexpr Text kQrNotEnrollment{
    "این کد، کد QR ثبت پایانه نیست (شاید رسید یا برگهٔ دیگری خوانده شد)؛ چیزی پر نشد.",
    "That is not an enrollment QR code (a receipt or another sheet?): nothing was filled in."};
inline constexpr Text kQrVersion{
    "این کد QR برای نسخهٔ دیگری از نرم‌افزار است؛ چیزی پر نشد.",
    "This QR code is for another version of the software: nothing was filled in."};
inline constexpr Text kQrDamaged{
    "کد QR ثبت پایانه خراب یا ناقص است؛ چیزی پر نشد. رمز را دستی وارد کنید.",
    "The enrollment QR code is damaged or incomplete: nothing was filled in. Type the code."};
}  // namespace pk::kiosk::tech::strings
