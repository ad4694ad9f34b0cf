// A text field and the on-screen keyboard rendered headless, driven like a finger and a
// physical keyboard: the caret goes where the field is touched, keys type at the caret,
// Shift+arrows select. Writes text_field_fa.png and keyboard_en.png next to the test binary.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <memory>
#include <string>

#include "ui/keyboard.h"
#include "ui/platform.h"
#include "ui/text/caret.h"
#include "ui/widgets.h"

namespace pk::ui {
namespace {

class FieldScreen : public ::testing::Test {
 protected:
  void SetUp() override {
    auto platform = Platform::create({.mode = DisplayMode::Headless, .width = 1920, .height = 1080});
    ASSERT_TRUE(platform) << platform.error().message;
    m_platform = std::move(platform.value());
    auto engine = TextEngine::create(FontPaths::debian_noto());
    ASSERT_TRUE(engine) << engine.error().message;
    m_text = std::move(engine.value());
    m_theme = kiosk_theme(1080);
    m_ui = std::make_unique<Ui>(*m_text, m_theme);
  }

  // One frame: the field (focused) above the keyboard.
  void frame(bool rtl) {
    m_platform->begin_frame(1.0f / 60);
    m_text->begin_frame();
    m_ui->begin_frame(rtl);
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({1920, 1080});
    ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, {1920, 1080}, m_theme.background);
    text_field(*m_ui, "field/name", m_field, m_value, "", true);
    m_keyboard.draw(*m_ui, {{160, 420}, {1760, 1040}}, m_value);
    ImGui::End();
    std::vector<ExternalTexture> textures;
    for (const auto& page : m_text->atlas_pages())
      textures.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
    m_platform->end_frame(textures);
  }
  void touch(ImVec2 at, bool rtl) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frame(rtl);
    io.MouseDown[0] = false;
    frame(rtl);
  }
  // A physical key press, as SDL's backend reports it (ImGui 1.86: KeyMap and KeysDown).
  void key(ImGuiKey k, bool shift, bool rtl) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[k] = 100 + k;
    io.KeyShift = shift;
    io.KeysDown[100 + k] = true;
    frame(rtl);
    io.KeysDown[100 + k] = false;
    io.KeyShift = false;
    frame(rtl);
  }
  // The layout the field draws, to compute where its carets are independently of the widget.
  const TextLayout& field_layout(bool rtl) {
    const Rect inner = m_field.inset(m_theme.gap, 0);
    TextStyle style{.size_px = m_theme.body_px, .max_lines = 1};
    style.direction = rtl ? BaseDirection::RightToLeft : BaseDirection::LeftToRight;
    style.max_width = inner.width();
    return m_text->layout(m_value, style);
  }
  [[nodiscard]] uint32_t pixel(int x, int y) const {
    const std::vector<uint8_t> px = m_platform->read_pixels();
    const size_t i = (static_cast<size_t>(y) * 1920 + x) * 4;
    return IM_COL32(px[i], px[i + 1], px[i + 2], 255);
  }

  std::unique_ptr<Platform> m_platform;
  std::unique_ptr<TextEngine> m_text;
  Theme m_theme;
  std::unique_ptr<Ui> m_ui;
  OnScreenKeyboard m_keyboard{KeyboardLayout::Persian};
  Rect m_field{{360, 200}, {1560, 288}};
  std::string m_value = "کد ملی ۱۲۳۴ و نام Ali";
};

TEST_F(FieldScreen, PersianFieldCaretInMixedTextTypingAndSelection) {
  frame(true);
  frame(true);
  Ui::FieldEdit& field = m_ui->field_edit("field/name");
  EXPECT_EQ(field.cursor.caret, edit::grapheme_count(m_value));  // focused: at the end

  // Touch just right of where the caret after "کد" (2 graphemes) is drawn.
  const float left = m_field.min.x + m_theme.gap;
  const CaretMap map(field_layout(true));
  touch({left + map.x_of(2) + 2, m_field.center().y}, true);
  EXPECT_EQ(field.cursor.caret, 2U);
  EXPECT_FALSE(field.cursor.has_selection());

  // The on-screen key types at the caret, not at the end.
  const Rect* letter = m_ui->target("key/ب");
  ASSERT_NE(letter, nullptr);
  touch(letter->center(), true);
  EXPECT_EQ(m_value, "کدب ملی ۱۲۳۴ و نام Ali");
  EXPECT_EQ(field.cursor.caret, 3U);

  // Backspace on the keyboard removes the letter before the caret.
  touch(m_ui->target("key/backspace")->center(), true);
  EXPECT_EQ(m_value, "کد ملی ۱۲۳۴ و نام Ali");
  EXPECT_EQ(field.cursor.caret, 2U);

  // Shift+Left twice in a right-to-left word selects the next two letters (they are on the left).
  key(ImGuiKey_LeftArrow, true, true);
  key(ImGuiKey_LeftArrow, true, true);
  EXPECT_EQ(field.cursor.anchor, 2U);
  EXPECT_EQ(field.cursor.caret, 4U);  // " م": the space and م
  EXPECT_EQ(edit::selected_text(m_value, field.cursor), " م");

  ASSERT_TRUE(m_platform->screenshot(std::string(PK_TEST_BINARY_DIR) + "/text_field_fa.png"));
  // The highlight is drawn between the two carets, behind the text; the caret is drawn at its x.
  const CaretMap now(field_layout(true));
  const int mid_x = static_cast<int>(left + (now.x_of(2) + now.x_of(3)) / 2);     // over the space
  const uint32_t wash = pixel(mid_x, static_cast<int>(m_field.center().y) + 14);  // a light primary wash
  EXPECT_NE(wash, m_theme.surface);
  EXPECT_GT(static_cast<int>((wash >> 16) & 0xFF), static_cast<int>(wash & 0xFF) + 30);  // blue over red
  const uint32_t outside =
      pixel(static_cast<int>(left + now.x_of(6)) - 6, static_cast<int>(m_field.center().y) + 14);
  EXPECT_EQ(outside, m_theme.surface);  // in the space after ملی: not selected
  const int caret_x = static_cast<int>(left + std::round(now.x_of(4)));
  EXPECT_EQ(pixel(caret_x, static_cast<int>(m_field.center().y)), m_theme.primary);

  // Typing replaces the selection.
  touch(m_ui->target("key/ن")->center(), true);
  EXPECT_EQ(m_value, "کدنلی ۱۲۳۴ و نام Ali");
}

TEST_F(FieldScreen, EnglishKeyboardTypesAtTheCaret) {
  m_keyboard.set_layout(KeyboardLayout::English);
  m_value = "P1234";
  frame(false);
  frame(false);
  Ui::FieldEdit& field = m_ui->field_edit("field/name");
  key(ImGuiKey_Home, false, false);
  key(ImGuiKey_RightArrow, false, false);  // after "P"
  EXPECT_EQ(field.cursor.caret, 1U);
  touch(m_ui->target("key/X")->center(), false);
  EXPECT_EQ(m_value, "PX1234");
  key(ImGuiKey_Delete, false, false);  // a physical Delete removes the "1" after the caret
  EXPECT_EQ(m_value, "PX234");
  ASSERT_NE(m_ui->target("key/layout"), nullptr);
  ASSERT_TRUE(m_platform->screenshot(std::string(PK_TEST_BINARY_DIR) + "/keyboard_en.png"));
}

}  // namespace
}  // namespace pk::ui
