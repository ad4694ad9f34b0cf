#pragma once
// Every phrase the printed receipts say, in each language the citizen can choose: Persian,
// English, Dari (its own text where Afghan usage differs, else kSharesPersian) and Pashto.
// A Words row cannot be made without all four (no default member), so a phrase added in two
// languages only does not compile.
// NOTE: the Pashto column was written by the engineers and awaits a native reviewer's reading.
#include <string_view>

#include "domain/language.h"

namespace pk::receipts {

// The Dari column's "the Persian text reads as Dari does".
struct SharesPersian {};
inline constexpr SharesPersian kSharesPersian{};

class Words {
 public:
  constexpr Words(std::string_view persian, std::string_view english, std::string_view dari,
                  std::string_view pashto)
      : m_persian(persian), m_english(english), m_dari(dari), m_pashto(pashto) {}
  constexpr Words(std::string_view persian, std::string_view english, SharesPersian, std::string_view pashto)
      : Words(persian, english, persian, pashto) {}

  [[nodiscard]] constexpr std::string_view in(Language language) const {
    switch (language) {
      case Language::Persian:
        return m_persian;
      case Language::English:
        return m_english;
      case Language::Dari:
        return m_dari;
      case Language::Pashto:
        return m_pashto;
    }
    return m_persian;
  }

 private:
  std::string_view m_persian;
  std::string_view m_english;
  std::string_view m_dari;
  std::string_view m_pashto;
};

namespace words {
// Shared by the receipts.
inline constexpr Words kService{"خدمت", "Service", kSharesPersian, "خدمت"};
inline constexpr Words kTerminal{"پایانه", "Terminal", kSharesPersian, "ترمینل"};
inline constexpr Words kDisputeFooter{
    "در صورت اعتراض به دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی مراجعه کنید.",
    "Disputes: the Inspection and Legal Affairs Office of the South Khorasan Governorate.", kSharesPersian,
    "د اعتراض لپاره د جنوبي خراسان استانداري د څارنې او حقوقي چارو دفتر ته ورشئ."};
inline constexpr Words kRials{"ریال", "rials", kSharesPersian, "ریال"};
inline constexpr Words kWorkingDays{"روز کاری", "working days", kSharesPersian, "کاري ورځې"};
inline constexpr Words kWorkingDay{"روز کاری", "working day", kSharesPersian, "کاري ورځ"};
inline constexpr Words kAtClock{"، ساعت ", ", ", kSharesPersian, "، ساعت "};

// The application's tracking receipt.
inline constexpr Words kApplicationReceipt{"رسید ثبت درخواست", "Application receipt", kSharesPersian,
                                           "د غوښتنې د ثبت رسید"};
inline constexpr Words kYourTrackingCode{"کد رهگیری شما", "Your tracking code", kSharesPersian,
                                         "ستاسو د تعقیب کوډ"};
inline constexpr Words kIdentifiedWith{"مدرک شناسایی", "Identified with", "سند هویت", "د پېژندنې سند"};
inline constexpr Words kSubmitted{"زمان ثبت", "Submitted", kSharesPersian, "د ثبت وخت"};
inline constexpr Words kFee{"هزینه", "Fee", "فیس", "فیس"};
inline constexpr Words kHandlingTime{"زمان رسیدگی", "Handling time", kSharesPersian, "د رسېدګۍ موده"};
inline constexpr Words kCheckingHeading{"پیگیری وضعیت درخواست", "Checking your application", kSharesPersian,
                                        "د غوښتنې د حالت تعقیب"};
inline constexpr Words kCheckingBody{
    "این بارکد را در کیوسک پیشخوان اسکن کنید، یا کد رهگیری را در کیوسک یا درگاه خدمات الکترونیک استانداری "
    "وارد کنید. این رسید را تا پایان کار نگه دارید.",
    "Scan this barcode at any pishkhan kiosk, or enter the tracking code at a kiosk or on the governorate's "
    "e-services portal. Keep this receipt until your case is closed.",
    "این بارکد را در کیوسک پیشخوان اسکن کنید، یا کد رهگیری را در کیوسک یا پورتال خدمات الکترونیکی ولایت "
    "وارد کنید. این رسید را تا پایان کار نگه دارید.",
    "دا بارکوډ د پېشخوان په کیوسک کې سکن کړئ، یا د تعقیب کوډ په کیوسک کې یا د استانداري د برېښنايي "
    "خدمتونو په پورټال کې ولیکئ. دا رسید د کار تر پایه وساتئ."};

// The failure report's receipt.
inline constexpr Words kFailureReceipt{"رسید خرابی", "Failure report receipt", kSharesPersian,
                                       "د خرابۍ د راپور رسید"};
inline constexpr Words kFailureRecorded{"گزارش شما از قطع یا افت کیفیت خدمت ثبت شد.",
                                        "Your report of an outage or a drop in service quality is recorded.",
                                        kSharesPersian,
                                        "د خدمت د پرې کېدو یا د کیفیت د ټیټېدو په اړه ستاسو راپور ثبت شو."};
inline constexpr Words kReportTrackingCode{"کد رهگیری گزارش", "Report tracking code", kSharesPersian,
                                           "د راپور د تعقیب کوډ"};
inline constexpr Words kReportedKind{"نوع خرابی", "Reported", kSharesPersian, "د خرابۍ ډول"};
inline constexpr Words kReportedAt{"زمان گزارش", "Reported at", kSharesPersian, "د راپور وخت"};
inline constexpr Words kDetails{"شرح", "Details", kSharesPersian, "تشریح"};
inline constexpr Words kCompensation{"جبران خسارت", "Compensation", kSharesPersian, "د زیان جبران"};
inline constexpr Words kDisputes{"رسیدگی به اعتراض", "Disputes", kSharesPersian, "اعتراض ته رسېدګي"};
inline constexpr Words kDisputeBody{
    "برای رسیدگی به اعتراض، با همین کد رهگیری به دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی مراجعه کنید.",
    "To dispute, bring this tracking code to the Inspection and Legal Affairs Office of the South Khorasan "
    "Governorate (دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی).",
    kSharesPersian,
    "د اعتراض لپاره، له همدې د تعقیب کوډ سره د جنوبي خراسان استانداري د څارنې او حقوقي چارو دفتر ته ورشئ."};
inline constexpr Words kFailureFooter{"این رسید سند ثبت گزارش شماست؛ آن را نگه دارید.",
                                      "This receipt is your proof of the report; keep it.", kSharesPersian,
                                      "دا رسید ستاسو د راپور د ثبت سند دی؛ هغه وساتئ."};
inline constexpr Words kKindOutage{"قطع خدمت", "Service outage", kSharesPersian, "د خدمت پرې کېدل"};
inline constexpr Words kKindQualityDrop{"افت کیفیت خدمت", "Drop in service quality", kSharesPersian,
                                        "د خدمت د کیفیت ټیټېدل"};
inline constexpr Words kKindDeviceFault{"خرابی دستگاه پیشخوان", "Kiosk device failure", kSharesPersian,
                                        "د پېشخوان د دستګاه خرابي"};
inline constexpr Words kKindWrongInformation{"اطلاعات نادرست", "Wrong information", "معلومات نادرست",
                                             "ناسم معلومات"};
inline constexpr Words kKindOther{"سایر", "Other", kSharesPersian, "نور"};
inline constexpr Words kKindUnknown{"نامشخص", "Unknown", kSharesPersian, "نامعلوم"};

// The counter-only service's slip.
inline constexpr Words kSlipTitle{"برگه مراجعه به باجه", "Slip for the counter", kSharesPersian,
                                  "باجې ته د ورتګ پاڼه"};
inline constexpr Words kSlipBody{
    "این خدمت فقط در باجه انجام می‌شود. این برگه و مدارک زیر را به باجه ببرید.",
    "This service is only offered at the counter. Take this slip and the documents below to the counter.",
    kSharesPersian, "دا خدمت یوازې په باجه کې ترسره کېږي. دا پاڼه او لاندې اسناد باجې ته یوسئ."};
inline constexpr Words kDocumentsToBring{"مدارک لازم", "Documents to bring", kSharesPersian, "اړین اسناد"};
inline constexpr Words kSlipBarcode{
    "کارمند باجه این بارکد را می‌خواند تا درخواست شما با همین خدمت باز شود.",
    "The counter scans this barcode to open your application for this service.", kSharesPersian,
    "د باجې کارکوونکی دا بارکوډ لولي، څو ستاسو غوښتنه د همدې خدمت لپاره پرانیستل شي."};
inline constexpr Words kPrinted{"زمان چاپ", "Printed", kSharesPersian, "د چاپ وخت"};

}  // namespace words

}  // namespace pk::receipts
