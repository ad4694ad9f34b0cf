// The layout checker (ui/drawn_boxes.h) on boxes made by hand and on a real headless frame of
// widgets laid out wrong on purpose: it must name each fault, and stay quiet on a sound layout.
#include <gtest/gtest.h>
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "ui/drawn_boxes.h"
#include "ui/platform.h"
#include "ui/widgets.h"

namespace pk::ui {
namespace {

const BoxRect kScreen{{0, 0}, {1920, 1080}};

DrawnBox text(std::string s, BoxRect ink, BoxRect box) {
  return {.kind = BoxKind::Text, .text = std::move(s), .ink = ink, .box = box, .clip = kScreen};
}
DrawnBox widget(std::string id, BoxRect r) {
  return {.kind = BoxKind::Widget, .text = std::move(id), .ink = r, .box = r, .clip = kScreen};
}

TEST(CheckLayout, ASoundLayoutHasNoFault) {
  const std::vector<DrawnBox> boxes = {
      text("title", {{100, 100}, {500, 140}}, {{100, 100}, {900, 140}}),
      widget("start", {{100, 200}, {500, 300}}),
      text("شروع", {{250, 230}, {350, 270}}, {{110, 200}, {490, 300}}),   // its label
      text("below", {{100, 300}, {400, 340}}, {{100, 300}, {900, 400}}),  // touches, does not cross
  };
  EXPECT_TRUE(check_layout(boxes, kScreen, "welcome").empty());
}

TEST(CheckLayout, NamesTwoTextsThatCross) {
  const std::vector<DrawnBox> boxes = {
      text("کارت آمایش (کارت اقامت پناهندگی)", {{100, 100}, {500, 180}}, {{100, 100}, {500, 200}}),
      text("گذرنامه", {{100, 150}, {300, 190}}, {{100, 150}, {500, 190}}),
  };
  const auto faults = check_layout(boxes, kScreen, "review");
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::TextsOverlap);
  EXPECT_NE(faults[0].message.find("screen review"), std::string::npos) << faults[0].message;
  EXPECT_NE(faults[0].message.find("کارت آمایش"), std::string::npos) << faults[0].message;
  EXPECT_NE(faults[0].message.find("گذرنامه"), std::string::npos) << faults[0].message;
  EXPECT_NE(faults[0].message.find("(100,150)-(300,190)"), std::string::npos) << faults[0].message;
}

TEST(CheckLayout, NamesTextOutOfItsBoxAndOffTheScreen) {
  const std::vector<DrawnBox> boxes = {
      text("too long for its button", {{100, 100}, {600, 140}}, {{100, 100}, {400, 140}}),
      text("off the bottom", {{100, 1060}, {400, 1100}}, {{100, 1060}, {400, 1100}}),
  };
  const auto faults = check_layout(boxes, kScreen, "x");
  ASSERT_EQ(faults.size(), 2u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::LeavesBox);
  EXPECT_EQ(faults[1].kind, LayoutFaultKind::LeavesScreen);
}

TEST(CheckLayout, NamesAWidgetUnderAForeignTextAndTwoWidgetsThatCross) {
  const std::vector<DrawnBox> boxes = {
      widget("status", {{100, 800}, {500, 900}}),
      widget("report", {{450, 800}, {900, 900}}),
      text("footer", {{100, 880}, {900, 920}}, {{100, 880}, {900, 920}}),
  };
  const auto faults = check_layout(boxes, kScreen, "welcome");
  ASSERT_EQ(faults.size(), 3u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::WidgetsOverlap);
  EXPECT_EQ(faults[1].kind, LayoutFaultKind::TextOverWidget);
  EXPECT_EQ(faults[2].kind, LayoutFaultKind::TextOverWidget);
}

DrawnBox image(std::string name, BoxRect r) {
  return {.kind = BoxKind::Image, .text = std::move(name), .ink = r, .box = r, .clip = kScreen};
}

TEST(CheckLayout, NamesAnImageOverATextAnImageOverAnImageAndOneOffTheScreen) {
  const std::vector<DrawnBox> boxes = {
      text("صفحهٔ ۱ یک کد دارد", {{100, 100}, {500, 140}}, {{100, 100}, {900, 140}}),
      image("preview/1", {{300, 120}, {600, 500}}),    // runs up over the line above it
      image("service-3", {{550, 450}, {650, 550}}),    // crosses the preview
      image("preview/2", {{1800, 600}, {2000, 900}}),  // past the right edge
  };
  const auto faults = check_layout(boxes, kScreen, "capture");
  ASSERT_EQ(faults.size(), 3u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::LeavesScreen);
  EXPECT_NE(faults[0].message.find("image \"preview/2\""), std::string::npos) << faults[0].message;
  EXPECT_EQ(faults[1].kind, LayoutFaultKind::TextOverImage);
  EXPECT_NE(faults[1].message.find("preview/1"), std::string::npos) << faults[1].message;
  EXPECT_EQ(faults[2].kind, LayoutFaultKind::ImagesOverlap);
}

TEST(CheckLayout, AnIconInsideItsWidgetIsItsOwnButOneAcrossAWidgetEdgeIsNot) {
  const std::vector<DrawnBox> inside = {
      widget("speak/problem/other", {{100, 100}, {172, 172}}),
      image("speaker", {{114, 114}, {158, 158}}),
  };
  EXPECT_TRUE(check_layout(inside, kScreen, "report_details").empty());
  const std::vector<DrawnBox> across = {
      widget("problem/other", {{100, 100}, {300, 172}}),
      image("speaker", {{280, 114}, {324, 158}}),
  };
  const auto faults = check_layout(across, kScreen, "report_details");
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::ImageOverWidget);
}

TEST(CheckLayout, WhatAListScrolledOutOfViewIsNotChecked) {
  DrawnBox hidden = text("row 9", {{100, 1200}, {400, 1240}}, {{100, 1200}, {400, 1240}});
  hidden.clip = {{0, 200}, {1920, 1000}};
  EXPECT_TRUE(check_layout({hidden}, kScreen, "browse").empty());
}

// Real widgets in a real headless frame: the recorder sees what they drew.
class BrokenFrame : public ::testing::Test {
 protected:
  void SetUp() override {
    auto platform = Platform::create({.mode = DisplayMode::Headless, .width = 1280, .height = 720});
    ASSERT_TRUE(platform) << platform.error().message;
    m_platform = std::move(platform.value());
    auto engine = TextEngine::create(FontPaths::debian_noto());
    ASSERT_TRUE(engine) << engine.error().message;
    m_text = std::move(engine.value());
    m_theme = kiosk_theme(720, TextSize::Large);
    m_ui = std::make_unique<Ui>(*m_text, m_theme);
  }
  template <typename Draw>
  std::vector<LayoutFault> frame(Draw draw) {
    m_platform->begin_frame(1.0f / 60);
    m_text->begin_frame();
    m_ui->begin_frame(true);
    m_ui->drawn().set_recording(true);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({1280, 720});
    ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    draw();
    ImGui::End();
    {
      std::vector<ExternalTexture> none;
      m_platform->end_frame(none);
    }
    return check_layout(m_ui->drawn().boxes(), {{0, 0}, {1280, 720}}, "test");
  }
  std::unique_ptr<Platform> m_platform;
  std::unique_ptr<TextEngine> m_text;
  Theme m_theme;
  std::unique_ptr<Ui> m_ui;
};

TEST_F(BrokenFrame, ALabelThatWrapsOverTheNextOneAndAButtonTooNarrowAreCaught) {
  const Theme& t = m_theme;
  const auto faults = frame([&] {
    // A long document label given one line's height, the next label right under it: it wraps
    // in the narrow column and its second line runs over the next label.
    text_in(*m_ui, {{900, 100}, {1100, 100 + t.body_px}}, "کارت آمایش (کارت اقامت پناهندگی)",
            {.size_px = t.body_px}, t.text);
    text_in(*m_ui, {{900, 100 + t.body_px * 1.5f}, {1100, 200 + t.body_px * 1.5f}}, "گذرنامه",
            {.size_px = t.body_px}, t.text);
    // A button with a label that does not fit its height at the larger size.
    button(*m_ui, "next", {{100, 400}, {180, 400 + t.body_px}}, "ادامهٔ درخواست", ButtonKind::Primary);
  });
  ASSERT_FALSE(faults.empty());
  bool overlap = false;
  bool out_of_box = false;
  for (const LayoutFault& f : faults) {
    overlap |= f.kind == LayoutFaultKind::TextsOverlap && f.message.find("گذرنامه") != std::string::npos;
    out_of_box |= f.kind == LayoutFaultKind::LeavesBox && f.message.find("ادامه") != std::string::npos;
  }
  EXPECT_TRUE(overlap);
  EXPECT_TRUE(out_of_box);
}

TEST_F(BrokenFrame, TheSameWidgetsLaidOutWithRoomPass) {
  const Theme& t = m_theme;
  const auto faults = frame([&] {
    const float h = text_in(*m_ui, {{600, 100}, {1100, 400}}, "کارت آمایش (کارت اقامت پناهندگی)",
                            {.size_px = t.body_px}, t.text);
    text_in(*m_ui, {{600, 100 + h}, {1100, 400}}, "گذرنامه", {.size_px = t.body_px}, t.text);
    button(*m_ui, "next", {{100, 500}, {500, 500 + t.touch_target}}, "ادامهٔ درخواست", ButtonKind::Primary);
  });
  for (const LayoutFault& f : faults) ADD_FAILURE() << f.message;
}

// A picture drawn straight on the draw list, recorded by the Ui, and a text laid over it in a
// real frame: the walk sees it now (before, only texts and widgets were recorded).
TEST_F(BrokenFrame, AnImageDrawnUnderATextIsCaught) {
  const Theme& t = m_theme;
  const auto faults = frame([&] {
    const Rect preview{{100, 150}, {900, 560}};  // under the whole line, whichever edge it starts from
    ImGui::GetWindowDrawList()->AddRectFilled(preview.min, preview.max, t.divider);
    m_ui->record_image("preview/1", preview);
    text_in(*m_ui, {{100, 300}, {900, 400}}, "این صفحه یک کد دارد", {.size_px = t.body_px}, t.text);
  });
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, LayoutFaultKind::TextOverImage);
  EXPECT_NE(faults[0].message.find("preview/1"), std::string::npos) << faults[0].message;
}

TEST_F(BrokenFrame, NothingIsRecordedUnlessTurnedOn) {
  m_platform->begin_frame(1.0f / 60);
  m_text->begin_frame();
  m_ui->begin_frame(true);
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize({1280, 720});
  ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  text_in(*m_ui, {{100, 100}, {600, 200}}, "سلام", {.size_px = m_theme.body_px}, m_theme.text);
  ImGui::End();
  {
    std::vector<ExternalTexture> none;
    m_platform->end_frame(none);
  }
  EXPECT_TRUE(m_ui->drawn().boxes().empty());
}

}  // namespace
}  // namespace pk::ui
