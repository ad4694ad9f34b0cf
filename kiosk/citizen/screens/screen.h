#pragma once
// What every citizen screen draws with. Screens are free functions of this context: they
// read the flow's state, draw, and send the flow events when the citizen taps.
#include <span>
#include <string>
#include <vector>

#include "base/secure_wipe.h"
#include "domain/catalog.h"
#include "kiosk/citizen/citizen_flow.h"
#include "kiosk/citizen/spoken_guidance.h"
#include "kiosk/config.h"
#include "kiosk/strings.h"
#include "ui/keyboard.h"
#include "ui/screen_kit.h"
#include "ui/widgets.h"

namespace pk::kiosk {

// What a screen asks the App to do after the frame: the I/O the flow agreed to.
enum class PendingAction {
  None,
  ScanPage,
  SubmitApplication,
  LookUpStatus,
  SubmitReport,
  OpenTechnician,
  ReadPassport,
  PrintCounterSlip
};

struct ScreenContext {
  ui::Ui& ui;
  CitizenFlow& flow;
  ui::OnScreenKeyboard& keyboard;
  const catalog::Catalog& catalog;
  const Config& config;
  ui::Rect screen;
  bool can_take_applications = true;  // the centre's key is here (the terminal is enrolled)
  bool has_card_reader = false;       // a passport's chip can be read here
  // Outage notices for the welcome screen, already worded; a view of the App's list for this
  // frame (no copy of every notice on every frame).
  std::span<const std::string> notices{};
  SpokenGuidance* speech = nullptr;  // null when spoken guidance is off
  PendingAction action = PendingAction::None;
  [[nodiscard]] catalog::Language lang() const { return flow.language(); }
  [[nodiscard]] const char* tr(const Text& text) const { return text.in(flow.language()); }
  [[nodiscard]] const std::string& tr(const catalog::LocalText& text) const {
    return text.in(flow.language());
  }
};

// The band across the top of every screen; returns the rectangle left below it.
ui::Rect draw_header(ScreenContext& ctx);
// A back button and a title across the top of `body` (the title in two lines at most, smaller
// when two lines of the title size do not fit: ui::back_bar); returns what is left below.
ui::Rect draw_toolbar(ScreenContext& ctx, const ui::Rect& body, std::string_view title);
// Where the keyboard goes: across the bottom (the fields above it), or in the end half of the
// bottom, beside a form whose fields take the start half and need the whole height (identify:
// two rows of document choices, two fields, a notice and the actions do not fit above a
// full-width letter keyboard).
enum class KeyboardPlace { Below, Beside };
// Gives the on-screen keyboard's control keys (erase, space, half space) the session's words;
// every citizen screen that draws the keyboard calls it first.
void set_keyboard_words(ScreenContext& ctx);
// The on-screen keyboard for the focused field at the bottom of `body` (numeric pads for
// numbers, the session's language for words); returns what is left for the fields: above it,
// or the whole body when the keyboard sits beside them (a numeric pad always does).
ui::Rect draw_keyboard(ScreenContext& ctx, const ui::Rect& body, KeyboardPlace place = KeyboardPlace::Below);
// The widget id of a field's box: "field/<name>".
[[nodiscard]] std::string_view field_name(Field field);
// A labelled one-line field that focuses `field` when tapped (and says its label, never its
// value); returns the rectangle used.
ui::Rect draw_field(ScreenContext& ctx, ui::Rect row, const Text& label, Field field, std::string_view text,
                    std::string_view placeholder = "");
void draw_more_time_dialog(ScreenContext& ctx, double now);
// A square speaker button (drawn as vector paths, sized by the theme: A+ enlarges it) at `rect`
// of the size speaker_size(); returns true when tapped. Drawn only while speech is on.
[[nodiscard]] float speaker_size(const ScreenContext& ctx);
bool speaker_button(ScreenContext& ctx, std::string_view id, const ui::Rect& rect);
// A speaker button that says `prompt` (a row's words, never a value) when tapped.
void say_button(ScreenContext& ctx, std::string_view id, const ui::Rect& rect, const Prompt& prompt);

void draw_welcome_screen(ScreenContext& ctx);
void draw_browse_screen(ScreenContext& ctx);
void draw_service_card_screen(ScreenContext& ctx);
void draw_identify_screen(ScreenContext& ctx);
void draw_passport_screen(ScreenContext& ctx);
void draw_passport_screen(ScreenContext& ctx);
void draw_capture_screen(ScreenContext& ctx);
void draw_review_screen(ScreenContext& ctx);
void draw_saved_screen(ScreenContext& ctx);
void draw_status_screens(ScreenContext& ctx);
void draw_report_screens(ScreenContext& ctx);

}  // namespace pk::kiosk
