#pragma once
// The product's receipts (and the counter slip), built from plain data (the caller reads the catalog, the
// store and the clock; nothing here does I/O). Each is a Receipt (receipt.h) ready to render.
//
// Both carry the tracking code three ways: printed big in groups of four (read aloud at a
// counter, typed at a kiosk), as a QR code (a phone), as a Code 128 barcode of the 14 ASCII
// digits (the kiosk's and the counter's hand scanner).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/language.h"
#include "domain/result.h"
#include "domain/tracking_code.h"
#include "receipts/receipt.h"

namespace pk::receipts {

// Where the SLA sends disputes; printed on both receipts.
inline constexpr std::string_view kDisputeOfficeFa = "دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی";
inline constexpr std::string_view kDisputeOfficeEn =
    "the Inspection and Legal Affairs Office of the South Khorasan Governorate";

// Texts are in the receipt's language (catalog::LocalText::in(language)).
struct TrackingReceiptData {
  Language language = Language::Persian;
  std::string office_name{};  // the office that owns the service (catalog Office::name)
  int terminal_number = 0;
  int service_number = 0;
  std::string service_title{};
  TrackingCode code;  // kind Application
  std::int64_t submitted_unix = 0;
  std::int64_t fee_rials = 0;
  int handling_days = 0;
  // The name of the document the citizen identified with ("کارت آمایش"), never its number;
  // empty: the line is left out.
  std::string identity_document{};
};

// Refuses a code of another kind (a failure-report code on an application receipt would send
// the citizen to the wrong queue).
[[nodiscard]] Result<Receipt> tracking_receipt(const TrackingReceiptData& data);

// What the citizen reported (SLA: an outage, or a drop in the quality of the service).
// The citizen's own choice on the report screen, printed in the same words.
enum class FailureKind : std::uint8_t { ServiceOutage, QualityDrop, DeviceFault, WrongInformation, Other };
[[nodiscard]] std::string_view describe(FailureKind kind, Language language);

struct FailureReceiptData {
  Language language = Language::Persian;
  std::string office_name{};
  int terminal_number = 0;
  int service_number = 0;
  std::string service_title{};
  FailureKind kind = FailureKind::ServiceOutage;
  std::string details{};  // the citizen's own words; may be empty
  TrackingCode code;      // kind FailureReport
  std::int64_t reported_unix = 0;
  std::string credit_policy{};  // catalog Service::credit_policy in the receipt's language
};

// Refuses a code of another kind and an empty credit policy (the SLA requires it on paper).
[[nodiscard]] Result<Receipt> failure_receipt(const FailureReceiptData& data);

// The slip a kiosk prints for a service offered only at the counter: the service, what to
// bring, and a Code 128 barcode (drivers/barcode/service_slip.h) the counter's scanner reads to
// open the application with the service chosen. It holds nothing about the person.
struct CounterSlipData {
  Language language = Language::Persian;
  std::string office_name{};
  int terminal_number = 0;
  int service_number = 0;
  std::string service_title{};
  std::vector<std::string> documents{};  // each required document as the citizen reads it
  std::string code{};                    // the barcode's payload, ASCII
  std::int64_t printed_unix = 0;
};

// Refuses an empty code (the counter could not read the slip) and a code Code 128 cannot carry.
[[nodiscard]] Result<Receipt> counter_slip(const CounterSlipData& data);

}  // namespace pk::receipts
