#include "tests/receipts/sample_receipts.h"

#include <gtest/gtest.h>

#include "receipts/receipt_render.h"
#include "receipts/templates.h"
#include "tests/receipts/shared_renderer.h"

namespace pk::test {
namespace {

// 2026-02-24 10:05 UTC = 5 Esfand 1404, 13:35 Iran time.
constexpr std::int64_t kSampleUnix = 1'771'927'500;

TrackingCode sample_code(SampleKind kind) {
  auto code = make_tracking_code(
      kind == SampleKind::Tracking ? TrackingKind::Application : TrackingKind::FailureReport, 42, 1'234'567);
  EXPECT_TRUE(code.ok());
  return std::move(code).value();
}

receipts::Receipt sample_receipt(SampleKind kind, Language lang) {
  // The catalog's texts are Persian in a Dari or Pashto session, as the kiosk fills them.
  const bool fa = persian_or_english(lang) == Language::Persian;
  const std::string office =
      fa ? "دفتر امور اتباع و مهاجرین خارجی" : "Bureau for Foreign Nationals and Immigrants Affairs";
  const std::string service =
      fa ? "تمدید و تعویض مدارک اقامتی اتباع خارجی" : "Extension and replacement of residence documents";
  if (kind == SampleKind::Tracking) {
    auto receipt = receipts::tracking_receipt({.language = lang,
                                               .office_name = office,
                                               .terminal_number = 42,
                                               .service_number = 3,
                                               .service_title = service,
                                               .code = sample_code(kind),
                                               .submitted_unix = kSampleUnix,
                                               .fee_rials = 5'000'000,
                                               .handling_days = 30});
    EXPECT_TRUE(receipt.ok());
    return std::move(receipt).value();
  }
  auto receipt = receipts::failure_receipt(
      {.language = lang,
       .office_name = office,
       .terminal_number = 42,
       .service_number = 3,
       .service_title = service,
       .kind = receipts::FailureKind::QualityDrop,
       .details = fa ? "سامانه بیش از یک ساعت پاسخ نداد" : "The system did not answer for over an hour",
       .code = sample_code(kind),
       .reported_unix = kSampleUnix,
       .credit_policy =
           fa ? "اگر خدمت در سطح توافق‌شده ارائه نشود، میزان و شیوهٔ جبران آن را مراجع ذی‌صلاح تعیین می‌کنند و در درگاه خدمات الکترونیک استانداری خراسان جنوبی اعلام می‌شود."
              : "If the service is not delivered at the agreed level, the compensation and how to "
                "claim it are set by the competent authorities and posted on the South Khorasan "
                "governorate's e-services portal."});
  EXPECT_TRUE(receipt.ok());
  return std::move(receipt).value();
}

}  // namespace

std::string sample_digits(SampleKind kind) { return sample_code(kind).digits(); }

receipts::RenderedReceipt render_sample(SampleKind kind, SampleLanguage language, int width_dots) {
  const Language lang = language == SampleLanguage::Persian   ? Language::Persian
                        : language == SampleLanguage::English ? Language::English
                        : language == SampleLanguage::Dari    ? Language::Dari
                                                              : Language::Pashto;
  auto rendered = shared_renderer().render(sample_receipt(kind, lang), {.width_dots = width_dots});
  EXPECT_TRUE(rendered.ok()) << rendered.error().message;
  return rendered.ok() ? std::move(rendered).value() : receipts::RenderedReceipt{};
}

}  // namespace pk::test
