// The two receipts of the product: content, refusals, codes that decode, and PNGs of both in
// both languages at both widths for people to look at (written to the test binary dir).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/png_io.h"
#include "receipts/receipt_format.h"
#include "receipts/templates.h"
#include "tests/receipts/raster_probe.h"
#include "tests/receipts/sample_receipts.h"

namespace pk::receipts {
namespace {

using test::SampleKind;
using test::SampleLanguage;

TrackingCode code_of(TrackingKind kind) {
  auto code = make_tracking_code(kind, 42, 7);
  EXPECT_TRUE(code.ok());
  return std::move(code).value();
}

template <class T>
int count_blocks(const Receipt& receipt) {
  return static_cast<int>(std::count_if(receipt.blocks.begin(), receipt.blocks.end(),
                                        [](const Block& b) { return std::holds_alternative<T>(b); }));
}

bool has_text(const Receipt& receipt, const std::string& wanted) {
  return std::any_of(receipt.blocks.begin(), receipt.blocks.end(), [&](const Block& b) {
    if (const auto* t = std::get_if<Text>(&b)) return t->text.find(wanted) != std::string::npos;
    if (const auto* kv = std::get_if<KeyValue>(&b)) return kv->value.find(wanted) != std::string::npos;
    if (const auto* f = std::get_if<Footer>(&b)) return f->text.find(wanted) != std::string::npos;
    return false;
  });
}

TEST(ReceiptFormat, PersianDigitsMoneyAndJalaliIranTime) {
  EXPECT_EQ(format_rials(5'000'000, Language::Persian), "۵٬۰۰۰٬۰۰۰ ریال");
  EXPECT_EQ(format_rials(1'250, Language::English), "1,250 rials");
  EXPECT_EQ(format_rials(0, Language::English), "0 rials");
  EXPECT_EQ(format_rials(-1'250, Language::English), "-1,250 rials");
  EXPECT_EQ(format_terminal(42, Language::Persian), "۰۰۴۲");
  EXPECT_EQ(format_working_days(1, Language::English), "1 working day");
  EXPECT_EQ(format_working_days(14, Language::English), "14 working days");
  EXPECT_EQ(format_working_days(14, Language::Persian), "۱۴ روز کاری");
  // 2026-02-24 10:05 UTC is 5 Esfand 1404, 13:35 in Iran (UTC+03:30).
  EXPECT_EQ(format_date_time(1'771'927'500, Language::English), "5 Esfand 1404, 13:35");
  EXPECT_EQ(format_date_time(1'771'927'500, Language::Persian), "۵ اسفند ۱۴۰۴، ساعت ۱۳:۳۵");
}

TEST(Templates, TrackingReceiptCarriesTheCodeThreeWays) {
  const TrackingCode code = code_of(TrackingKind::Application);
  auto receipt = tracking_receipt({.language = Language::Persian,
                                   .office_name = "دفتر",
                                   .terminal_number = 42,
                                   .service_number = 3,
                                   .service_title = "تمدید",
                                   .code = code,
                                   .submitted_unix = 1'771'927'500,
                                   .fee_rials = 5'000'000,
                                   .handling_days = 30});
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_TRUE(has_text(*receipt, format(code, Language::Persian)));
  EXPECT_TRUE(has_text(*receipt, "۵٬۰۰۰٬۰۰۰ ریال"));
  EXPECT_TRUE(has_text(*receipt, "اسفند ۱۴۰۴"));
  EXPECT_TRUE(has_text(*receipt, std::string(kDisputeOfficeFa)));
  EXPECT_EQ(count_blocks<Qr>(*receipt), 1);
  EXPECT_EQ(count_blocks<Barcode128>(*receipt), 1);
  for (const Block& b : receipt->blocks) {
    if (const auto* qr = std::get_if<Qr>(&b)) {
      EXPECT_EQ(qr->data, code.digits());
    }
    if (const auto* bar = std::get_if<Barcode128>(&b)) {
      EXPECT_EQ(bar->data, code.digits());
    }
  }
}

TEST(Templates, TrackingReceiptNamesTheIdentityDocumentNotItsNumber) {
  auto document_lines = [](const Receipt& receipt, std::string_view value) {
    return std::count_if(receipt.blocks.begin(), receipt.blocks.end(), [&](const Block& b) {
      const auto* kv = std::get_if<KeyValue>(&b);
      return kv && kv->label == "مدرک شناسایی" && (value.empty() || kv->value == value);
    });
  };
  TrackingReceiptData data{.language = Language::Persian, .code = code_of(TrackingKind::Application)};
  auto without = tracking_receipt(data);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(document_lines(*without, ""), 0) << "no document named: no line";
  data.identity_document = "کارت آمایش";
  auto with = tracking_receipt(data);
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(document_lines(*with, "کارت آمایش"), 1);
}

TEST(Templates, CounterSlipNamesTheServiceTheDocumentsAndCarriesTheCode) {
  auto slip = counter_slip({.language = Language::Persian,
                            .office_name = "دفتر",
                            .terminal_number = 42,
                            .service_number = 11,
                            .service_title = "سرشماری مهاجرین غیرقانونی",
                            .documents = {"مدرک شناسایی", "عکس"},
                            .code = "PKSV1|11",
                            .printed_unix = 1'771'927'500});
  ASSERT_TRUE(slip.ok()) << slip.error().message;
  EXPECT_TRUE(has_text(*slip, "۱۱. سرشماری مهاجرین غیرقانونی"));
  EXPECT_TRUE(has_text(*slip, "• مدرک شناسایی"));
  EXPECT_TRUE(has_text(*slip, "• عکس"));
  ASSERT_EQ(count_blocks<Barcode128>(*slip), 1);
  for (const Block& b : slip->blocks) {
    if (const auto* bar = std::get_if<Barcode128>(&b)) {
      EXPECT_EQ(bar->data, "PKSV1|11");
    }
  }
  EXPECT_FALSE(counter_slip({.code = ""}).ok());
  EXPECT_FALSE(counter_slip({.code = "کد"}).ok());
}

TEST(Templates, EachReceiptRefusesTheOtherKindOfCode) {
  EXPECT_FALSE(tracking_receipt({.code = code_of(TrackingKind::FailureReport)}).ok());
  EXPECT_FALSE(failure_receipt({.code = code_of(TrackingKind::Application), .credit_policy = "x"}).ok());
  EXPECT_FALSE(failure_receipt({.code = code_of(TrackingKind::FailureReport), .credit_policy = ""}).ok());
  EXPECT_TRUE(failure_receipt({.code = code_of(TrackingKind::FailureReport), .credit_policy = "x"}).ok());
}

TEST(Templates, FailureReceiptSaysWhatWasReportedTheCreditPolicyAndWhereDisputesGo) {
  auto receipt = failure_receipt({.language = Language::English,
                                  .office_name = "Bureau",
                                  .terminal_number = 42,
                                  .service_number = 3,
                                  .service_title = "Residence documents",
                                  .kind = FailureKind::ServiceOutage,
                                  .details = "",
                                  .code = code_of(TrackingKind::FailureReport),
                                  .reported_unix = 1'771'927'500,
                                  .credit_policy = "Credits are set by the competent authorities."});
  ASSERT_TRUE(receipt.ok());
  EXPECT_TRUE(has_text(*receipt, "Service outage"));
  EXPECT_TRUE(has_text(*receipt, "Credits are set by the competent authorities."));
  EXPECT_TRUE(has_text(*receipt, std::string(kDisputeOfficeFa)));
  EXPECT_TRUE(has_text(*receipt, "5 Esfand 1404"));
}

TEST(Templates, EachKindOfFailureIsPrintedInItsOwnWords) {
  // The citizen chose one of five on the screen; the receipt says that one, not a neighbour.
  const FailureKind kinds[] = {FailureKind::ServiceOutage, FailureKind::QualityDrop, FailureKind::DeviceFault,
                               FailureKind::WrongInformation, FailureKind::Other};
  for (const Language language : kLanguages) {
    std::set<std::string_view> words;
    for (const FailureKind kind : kinds) words.insert(describe(kind, language));
    EXPECT_EQ(words.size(), std::size(kinds));
  }
  EXPECT_EQ(describe(FailureKind::WrongInformation, Language::Persian), "اطلاعات نادرست");
  EXPECT_EQ(describe(FailureKind::Other, Language::Persian), "سایر");
}

struct Case {
  SampleKind kind;
  SampleLanguage language;
  int width;
};

std::string name_of(const Case& c) {
  return std::string(c.kind == SampleKind::Tracking ? "tracking" : "failure") + "_" +
         (c.language == SampleLanguage::Persian   ? "fa"
          : c.language == SampleLanguage::English ? "en"
          : c.language == SampleLanguage::Dari    ? "prs"
                                                  : "ps") +
         "_" + std::to_string(c.width);
}

class SampleReceipts : public ::testing::TestWithParam<Case> {};

TEST_P(SampleReceipts, RenderToThePaperWidthWithDecodableCodesAndArePng) {
  const Case c = GetParam();
  const RasterImage paper = test::render_sample(c.kind, c.language, c.width).flatten();
  ASSERT_EQ(paper.width(), c.width);
  EXPECT_GT(paper.height(), 800);
  const std::string digits = test::sample_digits(c.kind);
  EXPECT_EQ(test::decoded_texts(paper, "QRCode"), std::vector<std::string>{digits});
  EXPECT_EQ(test::decoded_texts(paper, "Code128"), std::vector<std::string>{digits});

  const auto path = std::filesystem::path(PK_TEST_BINARY_DIR) / ("receipt_" + name_of(c) + ".png");
  ASSERT_TRUE(write_png(path, paper).ok());
  auto back = read_png(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, paper);
}

INSTANTIATE_TEST_SUITE_P(Receipts, SampleReceipts,
                         ::testing::Values(Case{SampleKind::Tracking, SampleLanguage::Persian, kDots80mm},
                                           Case{SampleKind::Tracking, SampleLanguage::English, kDots80mm},
                                           Case{SampleKind::Failure, SampleLanguage::Persian, kDots80mm},
                                           Case{SampleKind::Failure, SampleLanguage::English, kDots80mm},
                                           Case{SampleKind::Tracking, SampleLanguage::Persian, kDots58mm},
                                           Case{SampleKind::Failure, SampleLanguage::Persian, kDots58mm},
                                           Case{SampleKind::Tracking, SampleLanguage::English, kDots58mm},
                                           Case{SampleKind::Failure, SampleLanguage::English, kDots58mm},
                                           // Dari and Pashto receipts: shaped right-to-left text.
                                           Case{SampleKind::Tracking, SampleLanguage::Dari, kDots80mm},
                                           Case{SampleKind::Tracking, SampleLanguage::Pashto, kDots80mm},
                                           Case{SampleKind::Failure, SampleLanguage::Pashto, kDots80mm},
                                           Case{SampleKind::Tracking, SampleLanguage::Pashto, kDots58mm}),
                         [](const ::testing::TestParamInfo<Case>& param) { return name_of(param.param); });

}  // namespace
}  // namespace pk::receipts
