#include "receipts/receipt_format.h"
#include "receipts/templates.h"

namespace pk::receipts {

std::string_view describe(FailureKind kind, Language language) {
  const bool fa = language == Language::Persian;
  switch (kind) {
    case FailureKind::ServiceOutage:
      return fa ? "قطع خدمت" : "Service outage";
    case FailureKind::QualityDrop:
      return fa ? "افت کیفیت خدمت" : "Drop in service quality";
    case FailureKind::DeviceFault:
      return fa ? "خرابی دستگاه پیشخوان" : "Kiosk device failure";
    case FailureKind::WrongInformation:
      return fa ? "اطلاعات نادرست" : "Wrong information";
    case FailureKind::Other:
      return fa ? "سایر" : "Other";
  }
  return fa ? "نامشخص" : "Unknown";
}

Result<Receipt> failure_receipt(const FailureReceiptData& data) {
  if (data.code.kind() != TrackingKind::FailureReport) {
    return make_error("failure receipt needs a failure-report tracking code, got " + data.code.digits());
  }
  if (data.credit_policy.empty()) return make_error("failure receipt needs the service's credit policy text");
  const Language lang = data.language;
  const bool fa = lang == Language::Persian;
  const std::string service =
      localized_digits(std::to_string(data.service_number), lang) + " - " + data.service_title;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{fa ? "رسید خرابی" : "Failure report receipt"});
  b.emplace_back(Text{fa ? "گزارش شما از قطع یا افت کیفیت خدمت ثبت شد."
                         : "Your report of an outage or a drop in service quality is recorded.",
                      Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Small, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{fa ? "کد رهگیری گزارش" : "Report tracking code", Align::Center, TextSize::Normal,
                      Emphasis::Regular});
  b.emplace_back(Text{format(data.code, lang), Align::Center, TextSize::Huge, Emphasis::Bold});
  b.emplace_back(Qr{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(KeyValue{fa ? "خدمت" : "Service", service});
  b.emplace_back(KeyValue{fa ? "نوع خرابی" : "Reported", std::string(describe(data.kind, lang))});
  b.emplace_back(KeyValue{fa ? "زمان گزارش" : "Reported at", format_date_time(data.reported_unix, lang)});
  b.emplace_back(KeyValue{fa ? "پایانه" : "Terminal", format_terminal(data.terminal_number, lang)});
  if (!data.details.empty()) {
    b.emplace_back(KeyValue{fa ? "شرح" : "Details", data.details});
  }
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{fa ? "جبران خسارت" : "Compensation", Align::Start, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(Text{data.credit_policy, Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Spacer{10});
  b.emplace_back(Text{fa ? "رسیدگی به اعتراض" : "Disputes", Align::Start, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(Text{
      fa ? "برای رسیدگی به اعتراض، با همین کد رهگیری به " + std::string(kDisputeOfficeFa) + " مراجعه کنید."
         : "To dispute, bring this tracking code to " + std::string(kDisputeOfficeEn) + " (" +
               std::string(kDisputeOfficeFa) + ").",
      Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{fa ? "این رسید سند ثبت گزارش شماست؛ آن را نگه دارید."
                           : "This receipt is your proof of the report; keep it."});
  return receipt;
}

}  // namespace pk::receipts
