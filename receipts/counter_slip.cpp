#include <algorithm>

#include "receipts/receipt_format.h"
#include "receipts/receipt_words.h"
#include "receipts/templates.h"

namespace pk::receipts {

Result<Receipt> counter_slip(const CounterSlipData& data) {
  const bool printable =
      std::all_of(data.code.begin(), data.code.end(), [](char c) { return c >= 32 && c <= 126; });
  if (data.code.empty() || !printable) return make_error("counter slip needs an ASCII code for its barcode");
  const Language lang = data.language;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{std::string(words::kSlipTitle.in(lang))});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{localized_digits(std::to_string(data.service_number), lang) + ". " + data.service_title,
                      Align::Start, TextSize::Large, Emphasis::Bold});
  b.emplace_back(
      Text{std::string(words::kSlipBody.in(lang)), Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{std::string(words::kDocumentsToBring.in(lang)), Align::Start, TextSize::Normal, Emphasis::Bold});
  for (const std::string& document : data.documents)
    b.emplace_back(Text{"• " + document, Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{std::string(words::kSlipBarcode.in(lang)), Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code});
  b.emplace_back(KeyValue{std::string(words::kPrinted.in(lang)), format_date_time(data.printed_unix, lang)});
  b.emplace_back(
      KeyValue{std::string(words::kTerminal.in(lang)), format_terminal(data.terminal_number, lang)});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{std::string(words::kDisputeFooter.in(lang))});
  return receipt;
}

}  // namespace pk::receipts
