#include "receipts/receipt_format.h"
#include "receipts/templates.h"

namespace pk::receipts {

Result<Receipt> tracking_receipt(const TrackingReceiptData& data) {
  if (data.code.kind() != TrackingKind::Application) {
    return make_error("tracking receipt needs an application tracking code, got " + data.code.digits());
  }
  const Language lang = data.language;
  const bool fa = lang == Language::Persian;
  const std::string service =
      localized_digits(std::to_string(data.service_number), lang) + " - " + data.service_title;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{fa ? "رسید ثبت درخواست" : "Application receipt"});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{fa ? "کد رهگیری شما" : "Your tracking code", Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Text{format(data.code, lang), Align::Center, TextSize::Huge, Emphasis::Bold});
  b.emplace_back(Qr{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(KeyValue{fa ? "خدمت" : "Service", service});
  if (!data.identity_document.empty())
    b.emplace_back(KeyValue{fa ? "مدرک شناسایی" : "Identified with", data.identity_document});
  b.emplace_back(KeyValue{fa ? "زمان ثبت" : "Submitted", format_date_time(data.submitted_unix, lang)});
  b.emplace_back(KeyValue{fa ? "هزینه" : "Fee", format_rials(data.fee_rials, lang)});
  b.emplace_back(
      KeyValue{fa ? "زمان رسیدگی" : "Handling time", format_working_days(data.handling_days, lang)});
  b.emplace_back(KeyValue{fa ? "پایانه" : "Terminal", format_terminal(data.terminal_number, lang)});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{fa ? "پیگیری وضعیت درخواست" : "Checking your application", Align::Start,
                      TextSize::Normal, Emphasis::Bold});
  b.emplace_back(Text{
      fa ? "این بارکد را در کیوسک پیشخوان اسکن کنید، یا کد رهگیری را در کیوسک یا درگاه خدمات الکترونیک استانداری وارد کنید. این رسید را تا پایان کار نگه دارید."
         : "Scan this barcode at any pishkhan kiosk, or enter the tracking code at a kiosk or on "
           "the governorate's e-services portal. Keep this receipt until your case is closed.",
      Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{fa ? "در صورت اعتراض به " + std::string(kDisputeOfficeFa) + " مراجعه کنید."
                           : "Disputes: " + std::string(kDisputeOfficeEn) + "."});
  return receipt;
}

}  // namespace pk::receipts
