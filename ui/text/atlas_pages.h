#pragma once
// The pages both atlases draw into, the glyph atlas (ui/text) and the pictogram atlas
// (ui/pictograms): 1024x1024 RGBA pages, white with alpha = coverage so the renderer tints them
// with any colour, packed on shelves with a pixel of padding around each bitmap (bilinear
// sampling never picks up a neighbour). A page is added when the last one is full; clear()
// empties them all and packing starts again from the first, so the pages (the renderer's
// texture ids, AtlasPage*) stay where they are for the owner's life.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "ui/text/text_layout.h"

namespace pk::ui {

class AtlasPages {
 public:
  static constexpr int kPageSize = 1024;
  static constexpr int kPadding = 1;

  // Where a bitmap goes: a null page when it cannot fit a page.
  struct Spot {
    AtlasPage* page = nullptr;
    int x = 0, y = 0;  // top-left in the page
  };
  // Finds room for a `width` x `height` bitmap: on the filling shelf, a new shelf or the next page.
  [[nodiscard]] Spot allocate(int width, int height);
  // Writes a coverage bitmap (a byte a pixel, `pitch` bytes a row) at `spot` as white with
  // alpha = coverage, and marks the page dirty for the renderer to upload.
  static void put_coverage(const Spot& spot, int width, int height, const uint8_t* coverage,
                           std::ptrdiff_t pitch);
  // Empties every page (marked dirty) and packs from the first again; no page is freed.
  void clear();

  [[nodiscard]] const std::vector<std::unique_ptr<AtlasPage>>& pages() const { return m_pages; }
  [[nodiscard]] size_t pages_in_use() const { return m_pages_in_use; }

 private:
  std::vector<std::unique_ptr<AtlasPage>> m_pages;
  size_t m_pages_in_use = 0;  // pages [0, m_pages_in_use) hold bitmaps; the last one is filling
  int m_shelf_x = 0;          // packing cursor on the filling page
  int m_shelf_y = 0;
  int m_shelf_height = 0;
};

}  // namespace pk::ui
