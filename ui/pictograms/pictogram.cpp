#include "ui/pictograms/pictogram.h"

#include <cmath>

namespace pk::ui {

const PictogramImage* pictogram_image(const Ui& ui, std::string_view name, float wanted_px) {
  if (!ui.pictograms() || name.empty()) return nullptr;
  return ui.pictograms()->find(name, wanted_px, ui.rtl());
}

void draw_pictogram(Ui& ui, std::string_view name, const PictogramImage& image, const Rect& box,
                    ImU32 color) {
  const auto size = static_cast<float>(image.size);
  // Whole pixels and the image's own size: the renderer copies the texels 1:1, as a glyph.
  const ImVec2 min{std::floor(box.center().x - size / 2), std::floor(box.center().y - size / 2)};
  const ImVec2 max{min.x + size, min.y + size};
  const auto page = static_cast<float>(PictogramAtlas::kPageSize);
  const ImVec2 uv0{static_cast<float>(image.x) / page, static_cast<float>(image.y) / page};
  const ImVec2 uv1{static_cast<float>(image.x + image.size) / page,
                   static_cast<float>(image.y + image.size) / page};
  ImGui::GetWindowDrawList()->AddImage(static_cast<ImTextureID>(image.page), min, max, uv0, uv1, color);
  ui.record_pictogram(name, {min, max});
}

float pictogram(Ui& ui, std::string_view name, const Rect& box, float wanted_px, ImU32 color) {
  const PictogramImage* image = pictogram_image(ui, name, wanted_px);
  if (!image) return 0;
  draw_pictogram(ui, name, *image, box, color);
  return static_cast<float>(image->size);
}

}  // namespace pk::ui
