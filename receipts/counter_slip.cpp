#include <algorithm>

#include "receipts/receipt_format.h"
#include "receipts/templates.h"

namespace pk::receipts {

Result<Receipt> counter_slip(const CounterSlipData& data) {
  const bool printable =
      std::all_of(data.code.begin(), data.code.end(), [](char c) { return c >= 32 && c <= 126; });
  if (data.code.empty() || !printable) return make_error("counter slip needs an ASCII code for its barcode");
  const Language lang = data.language;
  const bool fa = lang == Language::Persian;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{fa ? "برگه مراجعه به باجه" : "Slip for the counter"});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{localized_digits(std::to_string(data.service_number), lang) + ". " + data.service_title,
                      Align::Start, TextSize::Large, Emphasis::Bold});
  b.emplace_back(Text{
      fa ? "این خدمت فقط در باجه انجام می‌شود. این برگه و مدارک زیر را به باجه ببرید."
         : "This service is only offered at the counter. Take this slip and the documents "
           "below to the counter.",
      Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{fa ? "مدارک لازم" : "Documents to bring", Align::Start, TextSize::Normal, Emphasis::Bold});
  for (const std::string& document : data.documents)
    b.emplace_back(Text{"• " + document, Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{
      fa ? "کارمند باجه این بارکد را می‌خواند تا درخواست شما با همین خدمت باز شود."
         : "The counter scans this barcode to open your application for this service.",
      Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code});
  b.emplace_back(KeyValue{fa ? "زمان چاپ" : "Printed", format_date_time(data.printed_unix, lang)});
  b.emplace_back(KeyValue{fa ? "پایانه" : "Terminal", format_terminal(data.terminal_number, lang)});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{fa ? "در صورت اعتراض به " + std::string(kDisputeOfficeFa) + " مراجعه کنید."
                           : "Disputes: " + std::string(kDisputeOfficeEn) + "."});
  return receipt;
}

}  // namespace pk::receipts
