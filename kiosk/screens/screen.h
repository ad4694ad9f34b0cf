#pragma once
// What every citizen screen draws with. Screens are free functions of this context: they
// read the flow's state, draw, and send the flow events when the citizen taps.
#include "domain/catalog.h"
#include "kiosk/citizen_flow.h"
#include "kiosk/config.h"
#include "kiosk/strings.h"
#include "ui/keyboard.h"
#include "ui/widgets.h"

namespace pk::kiosk {

struct ScreenContext {
  ui::Ui& ui;
  CitizenFlow& flow;
  ui::OnScreenKeyboard& keyboard;
  const catalog::Catalog& catalog;
  const Config& config;
  ui::Rect screen;
  [[nodiscard]] catalog::Language lang() const { return flow.language(); }
  [[nodiscard]] const char* tr(const Text& text) const { return text.in(flow.language()); }
  [[nodiscard]] const std::string& tr(const catalog::LocalText& text) const { return text.in(flow.language()); }
};

// The band across the top of every screen; returns the rectangle left below it.
ui::Rect draw_header(ScreenContext& ctx);

void draw_welcome_screen(ScreenContext& ctx);
void draw_browse_screen(ScreenContext& ctx);
void draw_service_card_screen(ScreenContext& ctx);

}  // namespace pk::kiosk
