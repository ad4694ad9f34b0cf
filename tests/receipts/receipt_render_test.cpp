// The renderer: paper width, direction of text and key-value rows, wrapping within margins,
// codes that decode, refusals.
#include <gtest/gtest.h>

#include "receipts/receipt_render.h"
#include "tests/receipts/raster_probe.h"
#include "tests/receipts/shared_renderer.h"

namespace pk::receipts {
namespace {

using test::ink_bounds;
using test::shared_renderer;

constexpr int kMargin = 16;

RasterImage render(Language language, std::vector<Block> blocks, int width = kDots80mm) {
  auto image = shared_renderer().render_raster({language, std::move(blocks)},
                                               {.width_dots = width, .margin_dots = kMargin});
  EXPECT_TRUE(image.ok()) << image.error().message;
  return image.ok() ? std::move(image).value() : RasterImage{};
}

class PaperWidths : public ::testing::TestWithParam<int> {};

TEST_P(PaperWidths, ReceiptIsExactlyThePaperWidthAndHasInk) {
  const int width = GetParam();
  const RasterImage image = render(Language::Persian,
                                   {Logo{}, Title{"رسید ثبت درخواست"}, DashedRule{},
                                    KeyValue{"هزینه", "۵٬۰۰۰٬۰۰۰ ریال"}, Qr{"10042123456789"}},
                                   width);
  EXPECT_EQ(image.width(), width);
  EXPECT_GT(image.height(), 200);
  EXPECT_GT(image.black_dots(), 2000U);
  // Nothing but the codes' quiet zones may reach the side margins, and those are blank.
  const auto bounds = ink_bounds(image);
  EXPECT_GE(bounds.left, kMargin);
  EXPECT_LT(bounds.right, width - kMargin);
}

INSTANTIATE_TEST_SUITE_P(Receipts, PaperWidths, ::testing::Values(kDots80mm, kDots58mm));

TEST(ReceiptRender, PersianTextStartsAtTheRightEdgeEnglishAtTheLeft) {
  const RasterImage fa = render(Language::Persian, {Text{"کد رهگیری"}});
  const RasterImage en = render(Language::English, {Text{"Tracking code"}});
  const auto fa_ink = ink_bounds(fa);
  const auto en_ink = ink_bounds(en);
  ASSERT_FALSE(fa_ink.blank());
  ASSERT_FALSE(en_ink.blank());
  // Start-aligned: ink touches the start margin (within a glyph's side bearing) and stays
  // far from the other one.
  EXPECT_GE(fa_ink.right, kDots80mm - kMargin - 6);
  EXPECT_GT(fa_ink.left, kDots80mm / 2);
  EXPECT_LE(en_ink.left, kMargin + 6);
  EXPECT_LT(en_ink.right, kDots80mm / 2);
}

TEST(ReceiptRender, PashtoAndDariTextStartAtTheRightEdge) {
  // Pashto's own letters (ټ ګ ښ ې) shape and run right to left like Persian.
  for (const Language language : {Language::Pashto, Language::Dari}) {
    const auto ink = ink_bounds(render(language, {Text{"د تعقیب کوډ: ګټه، ښځې"}}));
    ASSERT_FALSE(ink.blank()) << language_code(language);
    EXPECT_GE(ink.right, kDots80mm - kMargin - 6) << language_code(language);
    EXPECT_GT(ink.left, kDots80mm / 2) << language_code(language);
  }
}

TEST(ReceiptRender, CentredTextIsCentred) {
  const RasterImage image = render(Language::Persian, {Text{"کد رهگیری", Align::Center}});
  const auto ink = ink_bounds(image);
  ASSERT_FALSE(ink.blank());
  const int centre = (ink.left + ink.right) / 2;
  EXPECT_NEAR(centre, kDots80mm / 2, 8);
}

TEST(ReceiptRender, PersianKeyValueHasItsLabelOnTheRightAndValueOnTheLeft) {
  const RasterImage label_only = render(Language::Persian, {KeyValue{"هزینه", ""}});
  const RasterImage value_only = render(Language::Persian, {KeyValue{"", "۵٬۰۰۰٬۰۰۰ ریال"}});
  const RasterImage both = render(Language::Persian, {KeyValue{"هزینه", "۵٬۰۰۰٬۰۰۰ ریال"}});
  const auto label = ink_bounds(label_only);
  const auto value = ink_bounds(value_only);
  ASSERT_FALSE(label.blank());
  ASSERT_FALSE(value.blank());
  EXPECT_GE(label.right, kDots80mm - kMargin - 6);
  EXPECT_GT(label.left, kDots80mm / 2);
  EXPECT_LE(value.left, kMargin + 6);
  EXPECT_LT(value.right, kDots80mm / 2);
  // Drawn together, they share one row: the same height as each alone.
  EXPECT_EQ(both.height(), std::max(label_only.height(), value_only.height()));
  EXPECT_EQ(both.black_dots(), label_only.black_dots() + value_only.black_dots());
}

TEST(ReceiptRender, EnglishKeyValueHasItsLabelOnTheLeft) {
  const auto label = ink_bounds(render(Language::English, {KeyValue{"Fee", ""}}));
  const auto value = ink_bounds(render(Language::English, {KeyValue{"", "5,000,000 rials"}}));
  ASSERT_FALSE(label.blank());
  ASSERT_FALSE(value.blank());
  EXPECT_LE(label.left, kMargin + 6);
  EXPECT_GE(value.right, kDots80mm - kMargin - 6);
}

TEST(ReceiptRender, LongPersianParagraphWrapsInsideTheMargins) {
  const std::string paragraph =
      "اگر خدمت در سطح توافق‌شده ارائه نشود، میزان و شیوهٔ جبران آن را مراجع ذی‌صلاح تعیین می‌کنند و در درگاه خدمات الکترونیک استانداری خراسان جنوبی اعلام می‌شود. برای رسیدگی به اعتراض به دفتر بازرسی و امور حقوقی استانداری خراسان جنوبی مراجعه کنید.";
  for (const int width : {kDots80mm, kDots58mm}) {
    const RasterImage one_line = render(Language::Persian, {Text{"خراسان"}}, width);
    const RasterImage image = render(Language::Persian, {Text{paragraph}}, width);
    const auto ink = ink_bounds(image);
    ASSERT_FALSE(ink.blank());
    EXPECT_GE(ink.left, kMargin) << width;
    EXPECT_LT(ink.right, width - kMargin) << width;
    EXPECT_GE(image.height(), 4 * one_line.height()) << "did not wrap on " << width;
  }
}

TEST(ReceiptRender, LongKeyValueWrapsInItsOwnColumnWithoutCrossingTheLabel) {
  const RasterImage label_only = render(Language::Persian, {KeyValue{"خدمت", ""}});
  const RasterImage image = render(
      Language::Persian,
      {KeyValue{
          "خدمت",
          "۲ - اعطای تابعیت، موضوع ماده واحده تعیین تکلیف فرزندان حاصل از ازدواج مردان خارجی با زنان ایرانی"}});
  const auto label = ink_bounds(label_only);
  EXPECT_GT(image.height(), 2 * label_only.height());
  // Below the first row only the value remains: its ink stays left of the label's column.
  const auto value_lower = ink_bounds(image, label_only.height());
  ASSERT_FALSE(value_lower.blank());
  EXPECT_LT(value_lower.right, label.left);
}

TEST(ReceiptRender, RasterQrAndCode128DecodeToTheirData) {
  for (const int width : {kDots80mm, kDots58mm}) {
    const RasterImage image = render(
        Language::Persian, {Text{"کد رهگیری"}, Qr{"10042123456789"}, Barcode128{"10042123456789"}}, width);
    EXPECT_EQ(test::decoded_texts(image, "QRCode"), std::vector<std::string>{"10042123456789"}) << width;
    EXPECT_EQ(test::decoded_texts(image, "Code128"), std::vector<std::string>{"10042123456789"}) << width;
  }
}

TEST(ReceiptRender, HugeTextShrinksOntoOneLineOnNarrowPaper) {
  const RasterImage one =
      render(Language::Persian, {Text{"۱", Align::Center, TextSize::Huge, Emphasis::Bold}}, kDots58mm);
  const RasterImage code =
      render(Language::Persian, {Text{"۱۰۰۴-۲۱۲۳-۴۵۶۷-۸۹", Align::Center, TextSize::Huge, Emphasis::Bold}},
             kDots58mm);
  EXPECT_LE(code.height(), one.height());
  const auto ink = ink_bounds(code);
  EXPECT_GE(ink.left, kMargin);
  EXPECT_LT(ink.right, kDots58mm - kMargin);
}

TEST(ReceiptRender, RefusesPaperTooNarrowAndCodesThatCannotBeEncoded) {
  auto& renderer = shared_renderer();
  EXPECT_FALSE(renderer.render({Language::Persian, {Text{"x"}}}, {.width_dots = 64}).ok());
  EXPECT_FALSE(
      renderer.render({Language::Persian, {Text{"x"}}}, {.width_dots = 384, .margin_dots = 150}).ok());
  const auto non_ascii = renderer.render({Language::Persian, {Barcode128{"کد"}}}, {});
  ASSERT_FALSE(non_ascii.ok());
  EXPECT_NE(non_ascii.error().message.find("ASCII"), std::string::npos);
  EXPECT_FALSE(
      renderer.render({Language::English, {Barcode128{std::string(60, 'A')}}}, {.width_dots = 384}).ok());
}

TEST(ReceiptRender, ThresholdDecidesHowMuchGreyBecomesInk) {
  const Receipt receipt{Language::Persian, {Text{"رسید خرابی"}}};
  auto light = shared_renderer().render_raster(receipt, {.ink_threshold = 230});
  auto normal = shared_renderer().render_raster(receipt, {});
  auto heavy = shared_renderer().render_raster(receipt, {.ink_threshold = 20});
  ASSERT_TRUE(light.ok() && normal.ok() && heavy.ok());
  EXPECT_LT(light->black_dots(), normal->black_dots());
  EXPECT_LT(normal->black_dots(), heavy->black_dots());
}

}  // namespace
}  // namespace pk::receipts
