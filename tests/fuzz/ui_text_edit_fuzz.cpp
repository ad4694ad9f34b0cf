// Fuzz target for text field editing: a random starting text (any bytes) and a random
// sequence of edits (insert random bytes, Backspace, Delete, caret moves and selections,
// select all), then caret geometry on the laid-out result (hit tests, arrow moves,
// selection spans at arbitrary positions). Aborts when the text is not valid UTF-8 after an
// edit, or the cursor or any caret answer leaves the text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "domain/utf8.h"
#include "ui/text/caret.h"
#include "ui/text/text_engine.h"
#include "ui/widgets_text_edit.h"

namespace {

pk::ui::TextEngine& engine() {
  static std::unique_ptr<pk::ui::TextEngine> instance = [] {
    auto created = pk::ui::TextEngine::create(pk::ui::FontPaths::debian_noto());
    if (!created) {
      std::fprintf(stderr, "%s\n", created.error().message.c_str());
      std::abort();
    }
    return std::move(created).value();
  }();
  return *instance;
}

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "text edit invariant broken: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto take = [&in](size_t n) {
    const std::string_view out = in.substr(0, std::min(n, in.size()));
    in.remove_prefix(out.size());
    return out;
  };
  auto byte = [&]() -> size_t { return in.empty() ? 0 : static_cast<uint8_t>(take(1)[0]); };

  std::string text(take(byte() % 64));  // may be ill-formed: the editor repairs it
  pk::ui::EditCursor cursor{byte(), byte()};
  bool edited = false;
  while (!in.empty()) {
    const uint8_t op = byte();
    switch (op % 7) {
      case 0:
        pk::ui::edit::insert(text, cursor, take(op / 7U % 8U));
        edited = true;
        break;
      case 1:
        (void)pk::ui::edit::backspace(text, cursor);
        edited = true;
        break;
      case 2:
        (void)pk::ui::edit::erase_forward(text, cursor);
        edited = true;
        break;
      case 3:
        pk::ui::edit::move_to(cursor, byte(), pk::ui::Extend::No);
        break;
      case 4:
        pk::ui::edit::move_to(cursor, byte(), pk::ui::Extend::Yes);
        break;
      case 5:
        pk::ui::edit::select_all(text, cursor);
        break;
      default:
        (void)pk::ui::edit::selected_text(text, cursor);
        break;
    }
    if (edited) {
      check(pk::utf8::is_valid(text), "text is not valid UTF-8");
      const size_t n = pk::ui::edit::grapheme_count(text);
      check(op % 7 > 2 || (cursor.caret <= n && cursor.anchor <= n), "cursor outside the text");
    }
  }
  if (text.size() > 512) return 0;

  const pk::ui::TextLayout& layout =
      engine().layout(text, pk::ui::TextStyle{.size_px = 30, .max_width = 600, .max_lines = 1});
  const pk::ui::CaretMap map(layout);
  const uint32_t end = map.end();
  check(map.boundaries().front() == 0 && map.boundaries().back() == end, "boundaries do not span the line");
  for (uint32_t b : map.boundaries()) {
    check(map.hit_test(map.x_of(b)) <= end, "hit test outside the line");
    check(map.move_visual(b, -1) <= end && map.move_visual(b, 1) <= end, "arrow outside the line");
    for (const auto& span : map.selection(b, end)) check(span.left <= span.right, "inverted selection span");
  }
  (void)map.hit_test(-1e9F);
  (void)map.hit_test(1e9F);
  (void)map.move_visual(end + 5, 1);
  (void)map.selection(end + 7, 3);
  return 0;
}
