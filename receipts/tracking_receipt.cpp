#include "receipts/receipt_format.h"
#include "receipts/receipt_words.h"
#include "receipts/templates.h"

namespace pk::receipts {

Result<Receipt> tracking_receipt(const TrackingReceiptData& data) {
  if (data.code.kind() != TrackingKind::Application) {
    return make_error("tracking receipt needs an application tracking code, got " + data.code.digits());
  }
  const Language lang = data.language;
  const std::string service =
      localized_digits(std::to_string(data.service_number), lang) + " - " + data.service_title;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{std::string(words::kApplicationReceipt.in(lang))});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{std::string(words::kYourTrackingCode.in(lang)), Align::Center, TextSize::Normal,
                      Emphasis::Regular});
  b.emplace_back(Text{format(data.code, lang), Align::Center, TextSize::Huge, Emphasis::Bold});
  b.emplace_back(Qr{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(KeyValue{std::string(words::kService.in(lang)), service});
  if (!data.identity_document.empty())
    b.emplace_back(KeyValue{std::string(words::kIdentifiedWith.in(lang)), data.identity_document});
  b.emplace_back(
      KeyValue{std::string(words::kSubmitted.in(lang)), format_date_time(data.submitted_unix, lang)});
  b.emplace_back(KeyValue{std::string(words::kFee.in(lang)), format_rials(data.fee_rials, lang)});
  b.emplace_back(
      KeyValue{std::string(words::kHandlingTime.in(lang)), format_working_days(data.handling_days, lang)});
  b.emplace_back(
      KeyValue{std::string(words::kTerminal.in(lang)), format_terminal(data.terminal_number, lang)});
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{std::string(words::kCheckingHeading.in(lang)), Align::Start, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(
      Text{std::string(words::kCheckingBody.in(lang)), Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{std::string(words::kDisputeFooter.in(lang))});
  return receipt;
}

}  // namespace pk::receipts
