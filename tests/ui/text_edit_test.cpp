// Editing at a caret by grapheme (ui/widgets_text_edit.h).
#include "ui/widgets_text_edit.h"

#include <gtest/gtest.h>

#include "domain/utf8.h"

namespace pk::ui {
namespace {

TEST(TextEdit, BackspaceRemovesALetterWithItsMarkAsOne) {
  std::string text = "\u0628\u0650\u0633";  // بِس
  EditCursor cursor{1, 1};                  // after بِ
  ASSERT_TRUE(edit::backspace(text, cursor));
  EXPECT_EQ(text, "\u0633");
  EXPECT_EQ(cursor.caret, 0U);
  EXPECT_FALSE(edit::backspace(text, cursor));  // nothing before the caret
}

TEST(TextEdit, ZwnjIsDeletedAloneAndDeleteWorksForward) {
  std::string text = "\u0645\u06CC\u200C\u062E";  // می‌خ
  EditCursor cursor{3, 3};                        // after the ZWNJ
  ASSERT_TRUE(edit::backspace(text, cursor));
  EXPECT_EQ(text, "\u0645\u06CC\u062E");
  EXPECT_EQ(cursor.caret, 2U);
  ASSERT_TRUE(edit::erase_forward(text, cursor));  // removes خ
  EXPECT_EQ(text, "\u0645\u06CC");
  EXPECT_FALSE(edit::erase_forward(text, cursor));
}

TEST(TextEdit, InsertsAtTheCaretAndReplacesASelection) {
  std::string text = "کد ۱۲۳";
  EditCursor cursor{2, 2};
  edit::insert(text, cursor, "X");
  EXPECT_EQ(text, "کدX ۱۲۳");
  EXPECT_EQ(cursor.caret, 3U);
  edit::move_to(cursor, 4, Extend::No);
  edit::move_to(cursor, 6, Extend::Yes);  // selects ۱۲
  EXPECT_EQ(edit::selected_text(text, cursor), "۱۲");
  edit::insert(text, cursor, "9");
  EXPECT_EQ(text, "کدX 9۳");
  EXPECT_EQ(cursor.caret, 5U);
  EXPECT_FALSE(cursor.has_selection());
  // A typed mark joins the letter before it: the caret stays after that grapheme.
  text = "ب";
  cursor = {1, 1};
  edit::insert(text, cursor, "\u0650");
  EXPECT_EQ(cursor.caret, 1U);
  EXPECT_EQ(edit::grapheme_count(text), 1U);
}

TEST(TextEdit, BadBytesAndOutOfRangeCursorsLeaveValidText) {
  std::string text = "ab";
  EditCursor cursor{99, 42};
  edit::insert(text, cursor, std::string("\xC3\x28\xFF", 3));
  EXPECT_TRUE(utf8::is_valid(text));
  EXPECT_EQ(text, "ab\uFFFD(\uFFFD");
  EXPECT_EQ(cursor.caret, edit::grapheme_count(text));
  std::string broken("x\xE2\x82", 3);
  EditCursor end{5, 5};
  ASSERT_TRUE(edit::backspace(broken, end));
  EXPECT_TRUE(utf8::is_valid(broken));
  EXPECT_EQ(broken, "x");
}

TEST(TextEdit, SelectAllThenBackspaceEmpties) {
  std::string text = "سلام abc";
  EditCursor cursor;
  edit::select_all(text, cursor);
  EXPECT_EQ(edit::selected_text(text, cursor), text);
  ASSERT_TRUE(edit::backspace(text, cursor));
  EXPECT_TRUE(text.empty());
  EXPECT_EQ(cursor.caret, 0U);
}

}  // namespace
}  // namespace pk::ui
