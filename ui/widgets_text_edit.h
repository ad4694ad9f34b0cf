#pragma once
// Editing a field's UTF-8 text at a caret: insert, Backspace and Delete by grapheme, and a
// selection. The caret and its anchor count graphemes, not bytes, so a field that shows its
// text differently from how it is stored (a PIN as dots, ASCII digits shown as Persian ones)
// still shares one caret between what is drawn and what the keyboard edits.
//
// Every operation keeps the text valid UTF-8 (inserted bytes are sanitised) and the cursor
// inside it, whatever it is given.
#include <cstddef>
#include <string>
#include <string_view>

namespace pk::ui {

struct EditCursor {
  size_t caret = 0;   // graphemes before the caret
  size_t anchor = 0;  // the other end of the selection; == caret when nothing is selected
  [[nodiscard]] bool has_selection() const { return caret != anchor; }
  [[nodiscard]] size_t start() const { return caret < anchor ? caret : anchor; }
  [[nodiscard]] size_t end() const { return caret < anchor ? anchor : caret; }
};

enum class Extend { No, Yes };  // Shift held: move the caret and keep the anchor

namespace edit {

[[nodiscard]] size_t grapheme_count(std::string_view text);
// Brings caret and anchor inside [0, grapheme_count(text)].
void clamp(std::string_view text, EditCursor& cursor);
void move_to(EditCursor& cursor, size_t caret, Extend extend);
void select_all(std::string_view text, EditCursor& cursor);

[[nodiscard]] std::string selected_text(std::string_view text, const EditCursor& cursor);
// Replaces the selection (or inserts at the caret) with `utf8`; the caret ends after it.
void insert(std::string& text, EditCursor& cursor, std::string_view utf8);
// Removes the selection, or else the grapheme before (Backspace) / after (Delete) the caret.
// Return false when there was nothing to remove.
bool backspace(std::string& text, EditCursor& cursor);
bool erase_forward(std::string& text, EditCursor& cursor);

}  // namespace edit
}  // namespace pk::ui
