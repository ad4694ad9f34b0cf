#pragma once
// How a string should be laid out (TextStyle) and which font files the engine reads
// (FontPaths). Plain data: callers build these every frame, so they must stay cheap to copy.
#include <string>

namespace pk::ui {

// Start is the edge the paragraph begins at: the right edge for a right-to-left paragraph,
// the left edge for a left-to-right one. End is the opposite edge.
enum class TextAlign { Start, Center, End };

// Auto takes the direction of the first strong character (Unicode rules P2/P3); a string
// with no strong character is laid out left to right.
enum class BaseDirection { Auto, RightToLeft, LeftToRight };

enum class Weight { Regular, Bold };

struct TextStyle {
  float size_px = 24;  // em size in pixels; clamped to [1, 256] by the engine
  Weight weight = Weight::Regular;
  float max_width = 0;  // 0 = no wrapping (only hard line breaks start new lines)
  TextAlign align = TextAlign::Start;
  BaseDirection direction = BaseDirection::Auto;
  int max_lines = 0;  // 0 = unlimited; when exceeded, the last line ends with "…"

  friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// The four faces the engine shapes with. Persian (Arabic-script) runs use the persian_*
// faces, everything else the latin_* faces; a character missing from one face is taken
// from the other.
struct FontPaths {
  std::string persian_regular;
  std::string persian_bold;
  std::string latin_regular;
  std::string latin_bold;

  // Noto Sans Arabic UI and Noto Sans from Debian's fonts-noto-ui-core / fonts-noto-core.
  [[nodiscard]] static FontPaths debian_noto();
};

}  // namespace pk::ui
