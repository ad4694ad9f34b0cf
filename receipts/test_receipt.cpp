#include "receipts/test_receipt.h"

#include "domain/tracking_code.h"
#include "receipts/receipt_format.h"

namespace pk::receipts {

std::string sample_tracking_digits(int terminal_number) {
  auto code = make_tracking_code(TrackingKind::FailureReport, terminal_number < 1 ? 1 : terminal_number, 0);
  return code ? std::move(code.value()).digits() : std::string("20001000000049");
}

Result<Receipt> test_receipt(const TestReceiptData& data) {
  if (data.sample_code.size() != kTrackingCodeDigits ||
      data.sample_code.find_first_not_of("0123456789") != std::string::npos)
    return make_error("a test receipt's sample code must be 14 digits, got \"" + data.sample_code + "\"");
  const Language lang = data.language;
  const bool fa = persian_or_english(lang) == Language::Persian;
  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{fa ? "رسید آزمایشی" : "Test receipt"});
  b.emplace_back(Text{fa ? "این برگه فقط برای آزمایش چاپگر است و ارزشی ندارد."
                         : "This slip only tests the printer. It is worth nothing.",
                      Align::Center, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(DashedRule{});
  b.emplace_back(KeyValue{fa ? "پایانه" : "Terminal",
                          data.terminal_id + " / " + format_terminal(data.terminal_number, lang)});
  b.emplace_back(KeyValue{fa ? "چاپگر" : "Printer", data.printer_name});
  b.emplace_back(KeyValue{fa ? "زمان" : "Printed", format_date_time(data.printed_unix, lang)});
  b.emplace_back(DashedRule{});
  // Every size and both directions: a missing dot, a smeared letter or a wrong order shows here.
  b.emplace_back(Text{fa ? "پیشخوان خدمات دولت" : "Government e-services", Align::Start, TextSize::Small,
                      Emphasis::Regular});
  b.emplace_back(Text{fa ? "چاپ فارسی: پژوهش، ثبت، گچ، ژاله" : "Persian: پژوهش، ثبت، گچ، ژاله", Align::Start,
                      TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Text{"ABC abc 0123456789 ۰۱۲۳۴۵۶۷۸۹", Align::Center, TextSize::Large, Emphasis::Bold});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{fa ? "این بارکد را با بارکدخوان دستگاه بخوانید." : "Read this barcode with the barcode scanner.",
           Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Qr{data.sample_code});
  b.emplace_back(Barcode128{data.sample_code});
  b.emplace_back(Footer{fa ? "پایان رسید آزمایشی" : "End of test receipt"});
  return receipt;
}

}  // namespace pk::receipts
