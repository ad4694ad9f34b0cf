#include "kiosk/service_screen.h"

#include <imgui.h>

#include <chrono>

#include "kiosk/format.h"
#include "kiosk/frame_loop.h"
#include "kiosk/strings.h"

namespace pk::kiosk {

using catalog::Language;

const Text& service_hint(TerminalMode mode) {
  return mode == TerminalMode::Counter ? strings::kServiceOperatorHint : strings::kServiceCitizenHint;
}

Result<std::unique_ptr<ServiceScreen>> ServiceScreen::create(ServiceScreenInfo info,
                                                             const ui::PlatformOptions& options) {
  std::unique_ptr<ServiceScreen> screen(new ServiceScreen());
  screen->m_info = std::move(info);
  auto text = ui::TextEngine::create(ui::FontPaths::debian_noto());
  if (!text) return text.error();
  screen->m_text = std::move(text.value());
  auto platform = ui::Platform::create(options);
  if (!platform) return platform.error();
  screen->m_platform = std::move(platform.value());
  screen->m_theme = ui::kiosk_theme(static_cast<float>(screen->m_platform->height()));
  screen->m_ui = std::make_unique<ui::Ui>(*screen->m_text, screen->m_theme);
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(screen->m_theme.background);
  return screen;
}

void ServiceScreen::render_frame(double now) {
  const float delta = m_last_frame > 0 ? static_cast<float>(now - m_last_frame) : 1.0f / 60.0f;
  m_last_frame = now;
  m_platform->begin_frame(delta);
  // The display's real size is known only once the window is shown (see Platform::begin_frame).
  if (ui::kiosk_theme(static_cast<float>(m_platform->height())).scale != m_theme.scale)
    m_theme = ui::kiosk_theme(static_cast<float>(m_platform->height()));
  m_text->begin_frame();
  m_ui->begin_frame(true);
  const ImVec2 size(static_cast<float>(m_platform->width()), static_cast<float>(m_platform->height()));
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##service", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs);
  const ui::Theme& t = m_theme;
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // The same header band as every screen, so the citizen knows whose kiosk this is.
  const ui::Rect band{{0, 0}, {size.x, t.header_height}};
  draw->AddRectFilled(band.min, band.max, t.header);
  ui::text_in(*m_ui, band.inset(t.margin, 0), strings::kAppTitle.in(Language::Persian),
              {.size_px = t.title_px, .weight = ui::Weight::Bold, .max_lines = 1}, t.on_header, true);

  const float column = std::min(size.x - 2 * t.margin, t.em(1400));
  const float left = (size.x - column) / 2;
  const ui::Rect col{{left, band.max.y + t.margin}, {left + column, size.y - t.margin}};
  float y = col.min.y;
  const auto centred = [&](std::string_view text, float px, ui::Weight weight, ImU32 color,
                           ui::BaseDirection direction = ui::BaseDirection::Auto) {
    y += ui::text_in(
        *m_ui, {{col.min.x, y}, col.max}, text,
        {.size_px = px, .weight = weight, .align = ui::TextAlign::Center, .direction = direction}, color);
  };
  // A warning stripe: the screen must read as "out of service" from across the hall.
  draw->AddRectFilled({col.min.x, y}, {col.max.x, y + t.em(12)}, t.notice_text, t.radius);
  y += t.em(12) + t.margin;
  centred(strings::kServiceTitle.in(Language::Persian), t.display_px, ui::Weight::Bold, t.text);
  y += t.gap;
  const Text& hint = service_hint(m_info.mode);
  centred(hint.in(Language::Persian), t.title_px, ui::Weight::Regular, t.text);
  y += t.gap;
  centred(strings::kServiceTitle.in(Language::English), t.title_px, ui::Weight::Bold, t.text_muted,
          ui::BaseDirection::LeftToRight);
  y += t.gap / 2;
  centred(hint.in(Language::English), t.body_px, ui::Weight::Regular, t.text_muted,
          ui::BaseDirection::LeftToRight);
  // Tight enough that the technician's box, with the count of unclean starts, fits on the screen.
  y += t.margin;

  // The technician's part, smaller, in a box at the bottom.
  // The terminal and the count on separate lines: a Latin terminal id next to Persian digits
  // would be reordered into one left-to-right run by the bidi algorithm.
  const std::string terminal_fa =
      std::string(strings::kServiceTerminal.in(Language::Persian)) + ": " + m_info.terminal_id;
  const std::string terminal_en =
      std::string(strings::kServiceTerminal.in(Language::English)) + ": " + m_info.terminal_id;
  std::string starts_fa;
  std::string starts_en;
  if (m_info.unclean_starts > 0) {
    starts_fa = format_number(m_info.unclean_starts, Language::Persian) + " " +
                strings::kServiceUncleanStarts.in(Language::Persian);
    starts_en = format_number(m_info.unclean_starts, Language::English) + " " +
                strings::kServiceUncleanStarts.in(Language::English);
  }
  const float box_top = y;
  y += t.gap;
  const ui::Rect inner{{col.min.x + t.margin, y}, {col.max.x - t.margin, col.max.y}};
  const auto boxed = [&](std::string_view text, ui::BaseDirection direction) {
    y += ui::text_in(*m_ui, {{inner.min.x, y}, inner.max}, text,
                     {.size_px = t.small_px, .align = ui::TextAlign::Start, .direction = direction},
                     t.notice_text);
    y += t.gap / 2;
  };
  // Measured on a first pass would be nicer; the box is drawn behind with the final height
  // through a channel split so the text stays on top.
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  boxed(strings::kServiceTechnicianHint.in(Language::Persian), ui::BaseDirection::RightToLeft);
  boxed(strings::kServiceTechnicianHint.in(Language::English), ui::BaseDirection::LeftToRight);
  y += ui::text_in(*m_ui, {{inner.min.x, y}, inner.max}, strings::kServiceCommands,
                   {.size_px = t.small_px,
                    .weight = ui::Weight::Bold,
                    .align = ui::TextAlign::Center,
                    .direction = ui::BaseDirection::LeftToRight},
                   t.notice_text);
  y += t.gap;
  boxed(terminal_fa, ui::BaseDirection::RightToLeft);
  if (!starts_fa.empty()) boxed(starts_fa, ui::BaseDirection::RightToLeft);
  boxed(terminal_en, ui::BaseDirection::LeftToRight);
  if (!starts_en.empty()) boxed(starts_en, ui::BaseDirection::LeftToRight);
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled({col.min.x, box_top}, {col.max.x, y + t.gap / 2}, t.notice_bg, t.radius);
  draw->ChannelsMerge();

  ImGui::End();
  std::vector<ui::ExternalTexture> textures;
  for (const auto& page : m_text->atlas_pages())
    textures.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  m_platform->end_frame(textures);
  m_platform->present();
}

int ServiceScreen::run() {
  // Redrawn on input anyway, else once a second at most: a compositor that lost the surface
  // gets it back.
  return run_frame_loop(*m_platform, "service screen: the kiosk needs a technician",
                        {.wait_ms = [](double) { return 1000; },
                         .between_frames = [](double, bool had_input) { return had_input ? 1 : 0; },
                         .render = [this](double now) { render_frame(now); }});
}

}  // namespace pk::kiosk
