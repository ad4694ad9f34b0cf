#pragma once
// On-screen keyboards for a touch kiosk with no physical keyboard: Persian (the standard
// ISIRI 9147 letter arrangement, with a ZWNJ key), English (QWERTY), a numeric pad with
// Persian digits, and the same pad with a "+" for phone numbers with a country code. Keys are large touch
// targets with ids "key/<text>" so scripts can type.
//
// The keyboard edits a UTF-8 string at the caret of the active text field (Ui::field_edit of
// Ui::active_field(); at the end when no field is focused). Backspace removes one whole
// grapheme before the caret (a letter together with its diacritics, never half of it; a ZWNJ
// alone), or the selection. A physical keyboard, when there is one, types too, with Delete,
// Ctrl+A and copy, cut and paste through the system clipboard.
#include <optional>
#include <string>
#include <string_view>

#include "ui/widgets.h"

namespace pk::ui {

enum class KeyboardLayout { Persian, English, Numeric, Phone };

// The words on the control keys, in the session's language (the kiosk's string tables give
// them: ui/ knows no language but the layouts'). Each must stay valid while the keyboard draws;
// the string tables' texts live as long as the program. The language switch keys name each
// language in itself ("English", "فارسی") and are not among them.
struct KeyboardLabels {
  std::string_view erase_digit;   // says only one digit goes, not the whole field
  std::string_view erase_letter;  // one letter (a grapheme), not the word
  std::string_view space;
  std::string_view zwnj;
};

// The numeric pads (Numeric, Phone): three keys a row, digits only (and Phone's "+").
[[nodiscard]] constexpr bool is_pad(KeyboardLayout layout) {
  return layout == KeyboardLayout::Numeric || layout == KeyboardLayout::Phone;
}

// Removes the last grapheme of a UTF-8 string (ui/text/graphemes.h: a base character and the
// marks and joiners that follow it; a ZWNJ alone). Returns false when the string was empty.
bool erase_last_grapheme(std::string& text);

class OnScreenKeyboard {
 public:
  explicit OnScreenKeyboard(KeyboardLayout layout = KeyboardLayout::Persian) : m_layout(layout) {}

  [[nodiscard]] KeyboardLayout layout() const { return m_layout; }
  void set_layout(KeyboardLayout layout) { m_layout = layout; }
  // Numeric pads offer no way to switch to letters (identity numbers, mobile numbers).
  void lock_numeric(bool locked) { m_numeric_only = locked; }
  // The control keys' words for the session's language. Until set, they follow the layout:
  // English on the English letters, Persian on the others.
  void set_labels(const KeyboardLabels& labels) { m_labels = labels; }

  // Draws the keyboard in `area` and applies taps (and physical keys) to `text`, the active
  // field's stored text. Returns true when text changed.
  bool draw(Ui& ui, const Rect& area, std::string& text);
  // The height the keyboard wants for a given width.
  [[nodiscard]] float preferred_height(const Theme& theme) const;

 private:
  KeyboardLayout m_layout;
  bool m_numeric_only = false;
  std::optional<KeyboardLabels> m_labels;
};

}  // namespace pk::ui
