#pragma once
// The technician's device set-up, diagnostics and factory-reset panels (issue 10), drawn from
// the desk's SetupView; taps become TechContext requests that the desk performs after the frame.
#include "kiosk/technician/technician_screens.h"

namespace pk::kiosk::tech {

void draw_device_setup(TechContext& ctx, const ui::Rect& body);
void draw_diagnostics(TechContext& ctx, const ui::Rect& body);
void draw_factory_reset(TechContext& ctx, const ui::Rect& body);

}  // namespace pk::kiosk::tech
