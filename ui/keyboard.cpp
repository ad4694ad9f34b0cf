#include "ui/keyboard.h"

#include <algorithm>
#include <array>
#include <vector>

#include "domain/utf8.h"

namespace pk::ui {

namespace {

// Rows as space-separated key texts, left to right as printed on a physical keyboard. The
// Persian rows are ISIRI 9147's, so people who type Persian find every letter where they
// expect it; the last Persian row adds the letters that need Shift there (ژ آ ء ئ).
constexpr std::array<std::string_view, 5> kPersianRows = {
    "۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۰", "ض ص ث ق ف غ ع ه خ ح ج چ", "ش س ی ب ل ا ت ن م ک گ",
    "ظ ط ز ر ذ د پ و ژ آ", "ء ئ ؤ أ ة ، . ؟",
};
constexpr std::array<std::string_view, 5> kEnglishRows = {
    "1 2 3 4 5 6 7 8 9 0", "Q W E R T Y U I O P", "A S D F G H J K L", "Z X C V B N M", "- . , @ /",
};
constexpr std::array<std::string_view, 4> kNumericRows = {"۷ ۸ ۹", "۴ ۵ ۶", "۱ ۲ ۳", "۰"};
// A phone number from another country starts with + and its country code (+93…).
constexpr std::array<std::string_view, 4> kPhoneRows = {"۷ ۸ ۹", "۴ ۵ ۶", "۱ ۲ ۳", "+ ۰"};

// What a physical keyboard may type into the field.
enum class Typeable { Anything, Digits, PhoneDigits };

bool typeable(char32_t cp, Typeable allowed) {
  if (cp < 0x20 || cp == 0x7F) return false;  // one line, no controls
  const bool digit = (cp >= U'0' && cp <= U'9') || (cp >= U'۰' && cp <= U'۹') || (cp >= U'٠' && cp <= U'٩');
  switch (allowed) {
    case Typeable::Anything:
      return true;
    case Typeable::Digits:
      return digit;
    case Typeable::PhoneDigits:
      return digit || cp == U'+';
  }
  return false;
}

constexpr char kZwnj[] = "\u200C";

std::vector<std::string_view> split(std::string_view row) {
  std::vector<std::string_view> keys;
  while (!row.empty()) {
    const size_t space = row.find(' ');
    keys.push_back(row.substr(0, space));
    if (space == std::string_view::npos) break;
    row.remove_prefix(space + 1);
  }
  return keys;
}

// Draws one row of keys centred in `row`, in physical-keyboard order (left to right) in
// every language: a keyboard is not mirrored for right-to-left text.
// The caret of the field the keyboard types into (the one last drawn focused). A text that
// changed behind its back (the flow cleared it) puts the caret at its end.
EditCursor& caret_of(Ui& ui, const std::string& text) {
  Ui::FieldEdit& field = ui.field_edit(ui.active_field());
  const size_t graphemes = edit::grapheme_count(text);
  if (field.graphemes != graphemes) field.cursor = EditCursor{graphemes, graphemes};
  field.graphemes = graphemes;
  edit::clamp(text, field.cursor);
  return field.cursor;
}

void typed(Ui& ui, std::string& text, std::string_view key) {
  edit::insert(text, caret_of(ui, text), key);
  ui.field_edit(ui.active_field()).graphemes = edit::grapheme_count(text);
}

bool erased(Ui& ui, std::string& text, bool forward) {
  EditCursor& cursor = caret_of(ui, text);
  const bool changed = forward ? edit::erase_forward(text, cursor) : edit::backspace(text, cursor);
  ui.field_edit(ui.active_field()).graphemes = edit::grapheme_count(text);
  return changed;
}

// A physical keyboard (the counter terminal has one): typing, Backspace, Delete, and select
// all, copy, cut and paste through the system clipboard (SDL's, via ImGui).
bool physical_keys(Ui& ui, std::string& text, Typeable allowed) {
  ImGuiIO& io = ImGui::GetIO();
  bool changed = false;
  if (io.KeyCtrl) {
    EditCursor& cursor = caret_of(ui, text);
    if (key_pressed(ImGuiKey_A)) edit::select_all(text, cursor);
    if ((key_pressed(ImGuiKey_C) || key_pressed(ImGuiKey_X)) && cursor.has_selection())
      ImGui::SetClipboardText(edit::selected_text(text, cursor).c_str());
    if (key_pressed(ImGuiKey_X) && cursor.has_selection()) changed |= erased(ui, text, false);
    if (key_pressed(ImGuiKey_V)) {
      const char* pasted = ImGui::GetClipboardText();
      std::string clean;
      for (char32_t cp : utf8::decode(pasted ? pasted : ""))
        if (typeable(cp, allowed)) utf8::append(clean, cp);
      if (!clean.empty()) {
        typed(ui, text, clean);
        changed = true;
      }
    }
  } else {
    for (ImWchar c : io.InputQueueCharacters) {
      const auto cp = static_cast<char32_t>(c);
      if (!typeable(cp, allowed)) continue;
      std::string key;
      utf8::append(key, cp);
      typed(ui, text, key);
      changed = true;
    }
  }
  if (key_pressed(ImGuiKey_Backspace)) changed |= erased(ui, text, false);
  if (key_pressed(ImGuiKey_Delete)) changed |= erased(ui, text, true);
  return changed;
}

bool draw_row(Ui& ui, const Rect& row, const std::vector<std::string_view>& keys, float key_width,
              std::string& text) {
  const Theme& t = ui.theme();
  const float gap = t.gap / 2;
  const float total = static_cast<float>(keys.size()) * (key_width + gap) - gap;
  float x = row.center().x - total / 2;
  bool changed = false;
  for (std::string_view key : keys) {
    const Rect r{{x, row.min.y}, {x + key_width, row.max.y}};
    // The letter fits the key when the rows were made shorter than a touch target (A+).
    const float letter_px = std::min(t.title_px, row.height() * 0.55f);
    if (button(ui, std::string("key/") + std::string(key), r, key, ButtonKind::Secondary, letter_px)) {
      typed(ui, text, key);
      changed = true;
    }
    x += key_width + gap;
  }
  return changed;
}

}  // namespace

bool erase_last_grapheme(std::string& text) {
  EditCursor end{edit::grapheme_count(text), edit::grapheme_count(text)};
  return edit::backspace(text, end);
}

float OnScreenKeyboard::preferred_height(const Theme& t) const {
  const int rows = is_pad(m_layout) ? 5 : 6;
  return static_cast<float>(rows) * (t.touch_target + t.gap / 2) + t.gap;
}

// The control keys' words when the screen has not set its language's (operator and technician).
constexpr KeyboardLabels kPersianLabels{.erase_digit = "پاک کردن یک رقم",
                                        .erase_letter = "پاک کردن یک حرف",
                                        .space = "فاصله",
                                        .zwnj = "نیم‌فاصله"};
constexpr KeyboardLabels kEnglishLabels{
    .erase_digit = "Delete one digit", .erase_letter = "Delete one letter", .space = "space", .zwnj = "ZWNJ"};

bool OnScreenKeyboard::draw(Ui& ui, const Rect& area, std::string& text) {
  const Theme& t = ui.theme();
  ImGui::GetWindowDrawList()->AddRectFilled(area.min, area.max, t.divider, t.radius);
  const Rect inner = area.inset(t.gap, t.gap);
  const float gap = t.gap / 2;
  // Rows share the height the screen gave the keyboard: with larger text (A+) the preferred
  // height may not fit above a list, and keys a little shorter beat keys off the screen.
  const int rows = is_pad(m_layout) ? 5 : 6;
  const float shortfall = std::max(0.0f, preferred_height(t) - area.height());
  const float row_h = t.touch_target - shortfall / static_cast<float>(rows);
  bool changed = false;
  float y = inner.min.y;
  auto next_row = [&]() {
    const Rect r{{inner.min.x, y}, {inner.max.x, y + row_h}};
    y += row_h + gap;
    return r;
  };

  if (is_pad(m_layout)) {
    const float key_w = std::min(inner.width() / 3 - gap, t.em(220));
    for (std::string_view row : m_layout == KeyboardLayout::Phone ? kPhoneRows : kNumericRows)
      changed |= draw_row(ui, next_row(), split(row), key_w, text);
  } else {
    const auto& letter_rows = m_layout == KeyboardLayout::Persian ? kPersianRows : kEnglishRows;
    const float key_w = std::min(inner.width() / 12 - gap, t.em(130));
    for (std::string_view row : letter_rows) changed |= draw_row(ui, next_row(), split(row), key_w, text);
  }

  // The control row: language, ZWNJ (Persian), space, backspace.
  const Rect controls = next_row();
  const float wide = t.em(260);
  // The label says how much goes: one character, not the whole field; wide enough for one line.
  const bool digits = m_numeric_only || is_pad(m_layout);
  const KeyboardLabels labels =
      m_labels.value_or(m_layout == KeyboardLayout::English ? kEnglishLabels : kPersianLabels);
  const std::string_view erase_label = digits ? labels.erase_digit : labels.erase_letter;
  // On a pad the erase key may take two keys' width: its words ("Delete one digit", Pashto's)
  // stay on one line.
  const float erase_w = digits ? std::min(controls.width(), t.em(460)) : t.em(360);
  float x = controls.min.x;
  auto control = [&](std::string_view id, std::string_view label, float w, ButtonKind kind) {
    const Rect r{{x, controls.min.y}, {x + w, controls.max.y}};
    x += w + gap;
    return button(ui, id, r, label, kind, std::min(t.body_px, controls.height() * 0.4f));
  };
  if (!m_numeric_only && !is_pad(m_layout)) {
    const bool persian = m_layout == KeyboardLayout::Persian;
    if (control("key/layout", persian ? "English" : "فارسی", wide, ButtonKind::Quiet))
      m_layout = persian ? KeyboardLayout::English : KeyboardLayout::Persian;
    if (persian && control("key/zwnj", labels.zwnj, wide, ButtonKind::Secondary)) {
      typed(ui, text, kZwnj);
      changed = true;
    }
    const float space_w = controls.max.x - x - erase_w - gap;
    if (control("key/space", labels.space, space_w, ButtonKind::Secondary)) {
      typed(ui, text, " ");
      changed = true;
    }
  } else {
    x = controls.max.x - erase_w;
  }
  if (control("key/backspace", erase_label, erase_w, ButtonKind::Primary)) changed |= erased(ui, text, false);
  const Typeable allowed = m_layout == KeyboardLayout::Phone     ? Typeable::PhoneDigits
                           : m_layout == KeyboardLayout::Numeric ? Typeable::Digits
                                                                 : Typeable::Anything;
  changed |= physical_keys(ui, text, allowed);
  return changed;
}

}  // namespace pk::ui
