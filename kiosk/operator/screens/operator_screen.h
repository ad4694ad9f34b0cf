#pragma once
// What every operator screen draws with, like kiosk/citizen/screens/screen.h for the citizen: screens
// are free functions of this context; they read the flow's state, draw with ui/widgets.h and
// send the flow events when the operator taps. I/O the flow agreed to is asked of the App
// (OperatorDesk) through `action`, performed after the frame.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "domain/catalog.h"
#include "kiosk/config.h"
#include "kiosk/operator/operator_flow.h"
#include "kiosk/strings/operator_strings.h"
#include "ui/keyboard.h"
#include "ui/screen_kit.h"
#include "ui/widgets.h"

namespace pk::kiosk::op {

enum class OperatorAction {
  None,
  Login,
  StartScan,
  CancelScan,
  Submit,
  LoadOutbox,
  Logout,
  // Not the desk's: the App opens these (a walk-in's errand on the citizen's screens, or
  // technician mode), since they run on the kiosk's own flows.
  OpenStatusCheck,
  OpenFailureReport,
  OpenTechnician,
};

struct OperatorScreenContext {
  ui::Ui& ui;
  OperatorFlow& flow;
  ui::OnScreenKeyboard& keyboard;
  const catalog::Catalog& catalog;
  const Config& config;
  ui::Rect screen;
  bool can_take_applications = true;  // the centre's key is here
  bool has_scanner = true;
  int64_t now_unix = 0;
  std::span<const std::string> notices{};  // the centre's outage notices, already worded
  OperatorAction action = OperatorAction::None;
  [[nodiscard]] catalog::Language lang() const { return flow.language(); }
  [[nodiscard]] const char* tr(const Text& text) const { return text.in(flow.language()); }
  [[nodiscard]] const std::string& tr(const catalog::LocalText& text) const {
    return text.in(flow.language());
  }
};

// The band across the top: the counter's title, who is logged in, log out, language.
ui::Rect draw_operator_header(OperatorScreenContext& ctx);
// A back button and a title; returns what is left below.
ui::Rect draw_operator_toolbar(OperatorScreenContext& ctx, const ui::Rect& body, std::string_view title);
// The keypad (or, for passports, Latin letters) for the focused field, at the end side of
// `body`; returns what is left at the start side.
ui::Rect draw_operator_keypad(OperatorScreenContext& ctx, const ui::Rect& body);
// A labelled field that focuses `field` when tapped ("field/<name>"); returns the rectangle.
ui::Rect draw_operator_field(OperatorScreenContext& ctx, ui::Rect row, std::string_view label, OpField field,
                             std::string_view shown);
[[nodiscard]] std::string_view op_field_name(OpField field);
// A page thumbnail with a frame (thick when selected) and a caption; taps select it.
bool draw_thumbnail(OperatorScreenContext& ctx, const ReviewPage& page, const ui::Rect& r, bool selected,
                    std::string_view caption);
// "12 min", "3 h", "2 days", in the session's digits.
[[nodiscard]] std::string format_age(const OperatorScreenContext& ctx, int64_t seconds);

// "Signing out in N s — touch to stay", over the top of the screen while the idle logout
// counts down (nothing otherwise). Its own window: a tap on it reaches nothing behind it.
void draw_idle_logout_banner(OperatorScreenContext& ctx);

void draw_login_screen(OperatorScreenContext& ctx);
void draw_home_screen(OperatorScreenContext& ctx);
void draw_new_application_screen(OperatorScreenContext& ctx);
void draw_batch_scan_screen(OperatorScreenContext& ctx);
void draw_page_review_screen(OperatorScreenContext& ctx);
// The review's panel of actions on the selected page (page_review_actions.cpp).
void draw_review_actions(OperatorScreenContext& ctx, const ui::Rect& panel);
void draw_receipt_screen(OperatorScreenContext& ctx);
void draw_outbox_screen(OperatorScreenContext& ctx);

}  // namespace pk::kiosk::op
