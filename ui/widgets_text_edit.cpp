#include "ui/widgets_text_edit.h"

#include <algorithm>
#include <vector>

#include "domain/utf8.h"
#include "ui/text/graphemes.h"

namespace pk::ui::edit {

namespace {

// Byte offset of the boundary before grapheme `index` (clamped to the end).
size_t byte_at(const std::vector<size_t>& bounds, size_t index) {
  return bounds[std::min(index, bounds.size() - 1)];
}

// The text and cursor after removing [from, to) graphemes.
void erase_range(std::string& text, EditCursor& cursor, size_t from, size_t to) {
  const std::vector<size_t> bounds = grapheme_byte_boundaries(text);
  const size_t a = byte_at(bounds, from);
  text.erase(a, byte_at(bounds, to) - a);
  cursor.caret = cursor.anchor = from;
}

// Text that came in ill-formed (it should not) is repaired before it is edited.
void repair(std::string& text) {
  if (!utf8::is_valid(text)) text = utf8::sanitize(text);
}

}  // namespace

size_t grapheme_count(std::string_view text) { return grapheme_byte_boundaries(text).size() - 1; }

void clamp(std::string_view text, EditCursor& cursor) {
  const size_t n = grapheme_count(text);
  cursor.caret = std::min(cursor.caret, n);
  cursor.anchor = std::min(cursor.anchor, n);
}

void move_to(EditCursor& cursor, size_t caret, Extend extend) {
  cursor.caret = caret;
  if (extend == Extend::No) cursor.anchor = caret;
}

void select_all(std::string_view text, EditCursor& cursor) {
  cursor.anchor = 0;
  cursor.caret = grapheme_count(text);
}

std::string selected_text(std::string_view text, const EditCursor& cursor) {
  const std::vector<size_t> bounds = grapheme_byte_boundaries(text);
  const size_t a = byte_at(bounds, cursor.start());
  return std::string(text.substr(a, byte_at(bounds, cursor.end()) - a));
}

void insert(std::string& text, EditCursor& cursor, std::string_view utf8) {
  repair(text);
  clamp(text, cursor);
  if (cursor.has_selection()) erase_range(text, cursor, cursor.start(), cursor.end());
  const std::vector<size_t> bounds = grapheme_byte_boundaries(text);
  const size_t at = byte_at(bounds, cursor.caret);
  const std::string clean = utf8::sanitize(utf8);
  text.insert(at, clean);
  // The caret goes after what was typed; count the graphemes up to there, since a typed mark
  // can join the grapheme before it.
  cursor.caret = cursor.anchor = grapheme_count(std::string_view(text).substr(0, at + clean.size()));
}

bool backspace(std::string& text, EditCursor& cursor) {
  repair(text);
  clamp(text, cursor);
  if (cursor.has_selection()) {
    erase_range(text, cursor, cursor.start(), cursor.end());
    return true;
  }
  if (cursor.caret == 0) return false;
  erase_range(text, cursor, cursor.caret - 1, cursor.caret);
  return true;
}

bool erase_forward(std::string& text, EditCursor& cursor) {
  repair(text);
  clamp(text, cursor);
  if (cursor.has_selection()) {
    erase_range(text, cursor, cursor.start(), cursor.end());
    return true;
  }
  if (cursor.caret >= grapheme_count(text)) return false;
  erase_range(text, cursor, cursor.caret, cursor.caret + 1);
  return true;
}

}  // namespace pk::ui::edit
