// Every word the receipts print, in every language, is drawn by the shipped fonts: both
// receipts filled with catalog service 3 (the tracking receipt, and the failure receipt for
// every kind of failure), the counter-only service's slip and the technician's test receipt, each text block
// laid out and checked for U+FFFD and .notdef glyphs (tests/support/font_coverage.h).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "domain/catalog.h"
#include "receipts/templates.h"
#include "receipts/test_receipt.h"
#include "tests/support/font_coverage.h"

namespace pk::receipts {
namespace {

catalog::Catalog shipped_catalog() {
  std::ifstream in(std::string(PK_SOURCE_DATA_DIR) + "/catalog.json");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = catalog::parse_catalog(text.str(), "catalog.json");
  EXPECT_TRUE(parsed.ok());
  return std::move(parsed).value();
}

TrackingCode code_of(TrackingKind kind) {
  auto code = make_tracking_code(kind, 42, 7);
  EXPECT_TRUE(code.ok());
  return std::move(code).value();
}

// The receipts of one language, each with a name for the failure message.
std::vector<std::pair<std::string, Receipt>> receipts_in(Language language) {
  const catalog::Catalog catalog = shipped_catalog();
  const catalog::Service* service = catalog.find(3);
  EXPECT_NE(service, nullptr);
  const catalog::Office* office = catalog.office(service->office_id);
  EXPECT_NE(office, nullptr);
  std::vector<std::pair<std::string, Receipt>> out;
  auto tracking = tracking_receipt({.language = language,
                                    .office_name = office->name.in(language),
                                    .terminal_number = 42,
                                    .service_number = 3,
                                    .service_title = service->title.in(language),
                                    .code = code_of(TrackingKind::Application),
                                    .submitted_unix = 1'771'927'500,
                                    .fee_rials = 1'250'000,
                                    .handling_days = 14});
  EXPECT_TRUE(tracking.ok());
  out.emplace_back("tracking receipt", std::move(tracking).value());
  for (const FailureKind kind :
       {FailureKind::ServiceOutage, FailureKind::QualityDrop, FailureKind::DeviceFault,
        FailureKind::WrongInformation, FailureKind::Other}) {
    auto failure = failure_receipt({.language = language,
                                    .office_name = office->name.in(language),
                                    .terminal_number = 42,
                                    .service_number = 3,
                                    .service_title = service->title.in(language),
                                    .kind = kind,
                                    .details = "",
                                    .code = code_of(TrackingKind::FailureReport),
                                    .reported_unix = 1'771'927'500,
                                    .credit_policy = service->credit_policy.in(language)});
    EXPECT_TRUE(failure.ok());
    out.emplace_back("failure receipt (" + std::string(describe(kind, Language::English)) + ")",
                     std::move(failure).value());
  }
  auto slip = counter_slip({.language = language,
                            .office_name = office->name.in(language),
                            .terminal_number = 42,
                            .service_number = 3,
                            .service_title = service->title.in(language),
                            .documents = {service->documents.at(0).title.in(language)},
                            .code = "PK-SLIP-3",
                            .printed_unix = 1'771'927'500});
  EXPECT_TRUE(slip.ok());
  out.emplace_back("counter slip", std::move(slip).value());
  auto test = test_receipt({.language = language,
                            .terminal_id = "KSK-042",
                            .terminal_number = 42,
                            .printer_name = "Simulated ESC/POS printer",
                            .printed_unix = 1'771'927'500,
                            .sample_code = sample_tracking_digits(42)});
  EXPECT_TRUE(test.ok());
  out.emplace_back("test receipt", std::move(test).value());
  return out;
}

std::vector<std::string> texts_of(const Receipt& receipt) {
  std::vector<std::string> texts;
  for (const Block& block : receipt.blocks) {
    if (const auto* title = std::get_if<Title>(&block)) texts.push_back(title->text);
    if (const auto* text = std::get_if<Text>(&block)) texts.push_back(text->text);
    if (const auto* pair = std::get_if<KeyValue>(&block)) {
      texts.push_back(pair->label);
      texts.push_back(pair->value);
    }
    if (const auto* footer = std::get_if<Footer>(&block)) texts.push_back(footer->text);
  }
  return texts;
}

TEST(ReceiptCoverage, EveryPrintedTextOfEveryLanguageIsDrawnByTheShippedFonts) {
  for (const Language language : kLanguages) {  // Dari and Pashto receipts too
    const auto receipts = receipts_in(language);
    ASSERT_EQ(receipts.size(), 8U);
    for (const auto& [name, receipt] : receipts) {
      const std::vector<std::string> texts = texts_of(receipt);
      EXPECT_GE(texts.size(), 6U) << name;
      for (const std::string& text : texts) {
        const std::vector<char32_t> missing = test::uncovered_code_points(text, language);
        EXPECT_TRUE(missing.empty()) << name << " (" << language_code(language) << ") \"" << text
                                     << "\": no glyph for " << test::describe_code_points(missing);
      }
    }
  }
}

}  // namespace
}  // namespace pk::receipts
