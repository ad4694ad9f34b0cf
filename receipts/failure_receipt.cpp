#include "receipts/receipt_format.h"
#include "receipts/receipt_words.h"
#include "receipts/templates.h"

namespace pk::receipts {

std::string_view describe(FailureKind kind, Language language) {
  switch (kind) {
    case FailureKind::ServiceOutage:
      return words::kKindOutage.in(language);
    case FailureKind::QualityDrop:
      return words::kKindQualityDrop.in(language);
    case FailureKind::DeviceFault:
      return words::kKindDeviceFault.in(language);
    case FailureKind::WrongInformation:
      return words::kKindWrongInformation.in(language);
    case FailureKind::Other:
      return words::kKindOther.in(language);
  }
  return words::kKindUnknown.in(language);
}

Result<Receipt> failure_receipt(const FailureReceiptData& data) {
  if (data.code.kind() != TrackingKind::FailureReport) {
    return make_error("failure receipt needs a failure-report tracking code, got " + data.code.digits());
  }
  if (data.credit_policy.empty()) return make_error("failure receipt needs the service's credit policy text");
  const Language lang = data.language;
  const std::string service =
      localized_digits(std::to_string(data.service_number), lang) + " - " + data.service_title;

  Receipt receipt{lang, {}};
  auto& b = receipt.blocks;
  b.emplace_back(Logo{});
  b.emplace_back(Title{std::string(words::kFailureReceipt.in(lang))});
  b.emplace_back(Text{std::string(words::kFailureRecorded.in(lang)), Align::Center, TextSize::Normal,
                      Emphasis::Regular});
  b.emplace_back(Text{data.office_name, Align::Center, TextSize::Small, Emphasis::Regular});
  b.emplace_back(DashedRule{});
  b.emplace_back(Text{std::string(words::kReportTrackingCode.in(lang)), Align::Center, TextSize::Normal,
                      Emphasis::Regular});
  b.emplace_back(Text{format(data.code, lang), Align::Center, TextSize::Huge, Emphasis::Bold});
  b.emplace_back(Qr{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(KeyValue{std::string(words::kService.in(lang)), service});
  b.emplace_back(
      KeyValue{std::string(words::kReportedKind.in(lang)), std::string(describe(data.kind, lang))});
  b.emplace_back(
      KeyValue{std::string(words::kReportedAt.in(lang)), format_date_time(data.reported_unix, lang)});
  b.emplace_back(
      KeyValue{std::string(words::kTerminal.in(lang)), format_terminal(data.terminal_number, lang)});
  if (!data.details.empty()) {
    b.emplace_back(KeyValue{std::string(words::kDetails.in(lang)), data.details});
  }
  b.emplace_back(DashedRule{});
  b.emplace_back(
      Text{std::string(words::kCompensation.in(lang)), Align::Start, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(Text{data.credit_policy, Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Spacer{10});
  b.emplace_back(
      Text{std::string(words::kDisputes.in(lang)), Align::Start, TextSize::Normal, Emphasis::Bold});
  b.emplace_back(
      Text{std::string(words::kDisputeBody.in(lang)), Align::Start, TextSize::Normal, Emphasis::Regular});
  b.emplace_back(Barcode128{data.code.digits()});
  b.emplace_back(DashedRule{});
  b.emplace_back(Footer{std::string(words::kFailureFooter.in(lang))});
  return receipt;
}

}  // namespace pk::receipts
