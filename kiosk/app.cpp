#include "kiosk/app.h"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "kiosk/catalog_source.h"
#include "kiosk/screens/screen.h"

namespace pk::kiosk {

static double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Result<std::unique_ptr<App>> App::create(const Config& config, ui::DisplayMode mode) {
  std::unique_ptr<App> app(new App());
  app->m_config = config;

  auto loaded = load_catalog(config.catalog_file, config.data_dir / "catalog" / "last-good.json");
  if (!loaded) return loaded.error();
  for (const std::string& refusal : loaded->refusals) spdlog::error("catalog refused: {}", refusal);
  spdlog::info("catalog version {} with {} services from {}", loaded->catalog.version,
               loaded->catalog.services.size(), loaded->from.string());
  app->m_catalog = std::move(loaded->catalog);

  auto text = ui::TextEngine::create(ui::FontPaths::debian_noto());
  if (!text) return text.error();
  app->m_text = std::move(text.value());

  auto platform = ui::Platform::create({.mode = mode, .width = config.width, .height = config.height});
  if (!platform) return platform.error();
  app->m_platform = std::move(platform.value());

  app->m_theme = ui::kiosk_theme(static_cast<float>(app->m_platform->height()));
  app->m_ui = std::make_unique<ui::Ui>(*app->m_text, app->m_theme);
  app->m_flow = std::make_unique<CitizenFlow>(app->m_catalog, config.language, config.idle_timeout_seconds);
  app->apply_style();
  return app;
}

App::~App() = default;

void App::apply_style() const {
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.ScrollbarSize = 20 * m_theme.scale;  // wide enough for a finger
  style.ScrollbarRounding = 10 * m_theme.scale;
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(m_theme.background);
  style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(m_theme.divider);
}

void App::render_frame(double now) {
  const float delta = m_last_frame > 0 ? static_cast<float>(now - m_last_frame) : 1.0f / 60.0f;
  m_last_frame = now;
  m_platform->begin_frame(delta);
  m_ui->begin_frame(m_flow->rtl());

  const ImVec2 size(static_cast<float>(m_platform->width()), static_cast<float>(m_platform->height()));
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  // Each session's keyboard starts in the session's language.
  if (m_flow->state().screen == CitizenScreen::Welcome)
    m_keyboard.set_layout(m_flow->rtl() ? ui::KeyboardLayout::Persian : ui::KeyboardLayout::English);
  ScreenContext ctx{*m_ui, *m_flow, m_keyboard, m_catalog, m_config, ui::Rect{{0, 0}, size}};
  switch (m_flow->state().screen) {
    case CitizenScreen::Welcome: draw_welcome_screen(ctx); break;
    case CitizenScreen::Browse: draw_browse_screen(ctx); break;
    case CitizenScreen::ServiceCard: draw_service_card_screen(ctx); break;
  }
  ImGui::End();

  std::vector<ui::ExternalTexture> pages;
  for (const auto& page : m_text->atlas_pages())
    pages.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  m_platform->end_frame(pages);
  m_platform->present();
}

bool App::tap(std::string_view widget_id, double now) {
  const ui::Rect* target = m_ui->target(widget_id);
  if (!target) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = target->center();
  io.MouseDown[0] = true;
  render_frame(now);
  io.MouseDown[0] = false;
  m_flow->touched(now);
  render_frame(now + 0.05);
  return true;
}

int App::run() {
  int frames_to_draw = 3;  // ImGui settles hover and layout over a couple of frames
  for (;;) {
    const double now = monotonic_seconds();
    // Sleep until input, or until the idle timeout is due (never longer than a second).
    int timeout_ms = 0;
    if (frames_to_draw == 0) {
      const double until_idle = m_flow->seconds_until_idle(now);
      timeout_ms = static_cast<int>(std::clamp(until_idle * 1000, 50.0, 1000.0));
    }
    bool had_input = false;
    if (!m_platform->pump_events(timeout_ms, had_input)) return 0;
    const double after = monotonic_seconds();
    if (had_input) {
      m_flow->touched(after);
      frames_to_draw = 3;
    }
    if (m_flow->tick(after)) {
      spdlog::info("session idle: wiped and back to the welcome screen");
      frames_to_draw = 3;
    }
    if (frames_to_draw > 0) {
      render_frame(after);
      --frames_to_draw;
    }
  }
}

}  // namespace pk::kiosk
