#pragma once
// The pictogram widget: a pictogram from the Ui's atlas, drawn 1:1 at a whole pixel and tinted
// like text, its box recorded for the frame (tests and the box walk read them). Every screen
// (citizen, operator, technician) draws pictograms through here.
#include <imgui.h>

#include <string_view>

#include "ui/pictograms/pictogram_atlas.h"
#include "ui/widgets.h"

namespace pk::ui {

// The image drawn for `name` at about `wanted_px` on this frame's direction, or nullptr when
// the Ui has no atlas or the atlas has no such pictogram (then draw the text alone).
[[nodiscard]] const PictogramImage* pictogram_image(const Ui& ui, std::string_view name, float wanted_px);

// Draws `image` centred in `box` (at a whole pixel) in `color`; records the box under `name`.
void draw_pictogram(Ui& ui, std::string_view name, const PictogramImage& image, const Rect& box, ImU32 color);

// Both at once: the pictogram `name` centred in `box`, about `wanted_px` square. Returns the
// size drawn, 0 when there is none.
float pictogram(Ui& ui, std::string_view name, const Rect& box, float wanted_px, ImU32 color);

}  // namespace pk::ui
