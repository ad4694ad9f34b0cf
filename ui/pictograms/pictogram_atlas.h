#pragma once
// The pictograms of the kiosk's screens (one per service, one per main action), parsed once at
// start-up and rasterised into atlas pages of their own, of the glyph atlas's type
// (ui/text/atlas_pages.h: white, alpha = ink, tinted at draw time) so the renderer uploads them
// and copies them 1:1 like glyphs: never a small bitmap scaled up.
//
// Each is rasterised at three sizes derived from the body text size, so a widget asks for the
// size it wants and gets the nearest one drawn for it; rebuild() draws them all again for a new
// text size (the A+ button). Pictograms marked to mirror get a flipped copy for right-to-left
// screens (arrows).
//
// A pictogram that is missing or malformed is left out with a log line; asking for it returns
// nullptr and the widget draws text only: never a crash, never a blank box.
#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/pictograms/svg_document.h"
#include "ui/text/atlas_pages.h"
#include "ui/text/text_layout.h"

namespace pk::ui {

// Where one pictogram sits in a page, at one size.
struct PictogramImage {
  AtlasPage* page = nullptr;
  int x = 0, y = 0;  // top-left in the page
  int size = 0;      // width = height in pixels
};

class PictogramAtlas {
 public:
  static constexpr int kPageSize = AtlasPages::kPageSize;
  // The sizes each pictogram is drawn at, as multiples of the body text size: beside a
  // button's label, in a list row, on the large start button.
  static constexpr std::array<float, 3> kSizesPerBodyPx = {1.25f, 1.9f, 2.5f};

  struct Loaded {
    std::unique_ptr<PictogramAtlas> atlas;
    std::vector<std::string> problems;  // one line per file left out, naming it and why
  };
  // Parses every *.svg of `folder` (the file name without ".svg" is the pictogram's name) and
  // draws them for `body_px`. Names in `mirrored` get a right-to-left copy. A missing folder is
  // a problem too, and gives an empty atlas.
  [[nodiscard]] static Loaded load(const std::filesystem::path& folder, float body_px,
                                   const std::vector<std::string>& mirrored = {});

  PictogramAtlas() = default;
  // Adds a parsed pictogram; call rebuild() afterwards to draw it.
  void add(std::string name, SvgDocument document, Mirror mirror_in_rtl = Mirror::No);
  // Draws every pictogram again for body text `body_px` (pages are reused, so their pointers,
  // the renderer's texture ids, stay valid). Does nothing when already drawn at that size.
  void rebuild(float body_px);
  [[nodiscard]] float body_px() const { return m_body_px; }

  // The image of `name` nearest to `wanted_px`, mirrored on a right-to-left screen when the
  // pictogram mirrors; nullptr when there is no such pictogram.
  [[nodiscard]] const PictogramImage* find(std::string_view name, float wanted_px, bool rtl) const;
  [[nodiscard]] bool has(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> names() const;

  [[nodiscard]] const std::vector<std::unique_ptr<AtlasPage>>& pages() const { return m_pages.pages(); }

 private:
  struct Entry {
    std::string name;
    SvgDocument document;
    Mirror mirror_in_rtl = Mirror::No;
    std::array<PictogramImage, kSizesPerBodyPx.size()> images{};
    std::array<PictogramImage, kSizesPerBodyPx.size()> mirrored{};
  };
  [[nodiscard]] PictogramImage place(const SvgDocument& document, int size, Mirror mirror);

  std::vector<Entry> m_entries;
  AtlasPages m_pages;
  float m_body_px = 0;
};

}  // namespace pk::ui
