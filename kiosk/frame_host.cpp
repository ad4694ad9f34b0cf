#include "kiosk/frame_host.h"

#include <SDL.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string>

#include "kiosk/citizen/screens/pictogram_names.h"
#include "kiosk/frame_loop.h"

namespace pk::kiosk {

std::unique_ptr<ui::PictogramAtlas> load_pictograms(const std::filesystem::path& folder, float body_px) {
  const double started = monotonic_seconds();
  const std::vector<std::string> mirrored(pictograms::kMirroredInRtl.begin(),
                                          pictograms::kMirroredInRtl.end());
  ui::PictogramAtlas::Loaded loaded = ui::PictogramAtlas::load(folder, body_px, mirrored);
  for (const std::string& problem : loaded.problems) spdlog::warn("pictogram left out: {}", problem);
  spdlog::info("pictograms: {} drawn from {} in {:.1f} ms", loaded.atlas->names().size(), folder.string(),
               (monotonic_seconds() - started) * 1000);
  return std::move(loaded.atlas);
}

void FrameHost::prepare(ui::DisplayMode mode) {
  if (mode != ui::DisplayMode::Headless) return;
  ::setenv("SDL_AUDIODRIVER", "dummy", 0);
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
}

Result<std::unique_ptr<FrameHost>> FrameHost::open(const ui::PlatformOptions& options, ui::TextEngine& text,
                                                   std::unique_ptr<ui::PictogramAtlas> pictograms) {
  std::unique_ptr<FrameHost> host(new FrameHost(text));
  auto platform = ui::Platform::create(options);
  if (!platform) return platform.error();
  host->m_platform = std::move(platform.value());
  host->m_theme = ui::kiosk_theme(static_cast<float>(host->m_platform->height()));
  host->m_pictograms = std::move(pictograms);
  host->m_pictograms->rebuild(host->m_theme.body_px);
  host->m_ui = std::make_unique<ui::Ui>(text, host->m_theme);
  host->m_ui->set_pictograms(host->m_pictograms.get());
  host->apply_style();
  return host;
}

void FrameHost::apply_style() const {
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

ui::Rect FrameHost::begin(double now, bool rtl, const char* window, ui::TextSize text_size) {
  const float delta = m_last_frame > 0 ? static_cast<float>(now - m_last_frame) : 1.0f / 60.0f;
  m_last_frame = now;
  m_platform->begin_frame(delta);
  // The display may turn out another size than the one the window was made at (a full-screen
  // window learns it after it is shown; a monitor may be swapped): scale the theme to it, and
  // to the citizen's text size. The atlas is rebuilt at the new size before anything is laid out.
  const ui::Theme wanted = ui::kiosk_theme(static_cast<float>(m_platform->height()), text_size);
  if (wanted.scale != m_theme.scale || wanted.text_size != m_theme.text_size) {
    m_theme = wanted;
    apply_style();
  }
  m_text.rebuild_atlas(m_theme.scale * m_theme.text_factor);
  // Pictograms follow the text size (a new display size, the A+ button): drawn again only
  // when it changed.
  m_pictograms->rebuild(m_theme.body_px);
  m_text.begin_frame();
  m_ui->begin_frame(rtl);
  const ImVec2 size(static_cast<float>(m_platform->width()), static_cast<float>(m_platform->height()));
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(window, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  return ui::Rect{{0, 0}, size};
}

void FrameHost::finish(std::vector<ui::ExternalTexture>& images) {
  std::vector<ui::ExternalTexture> textures;
  for (const auto& page : m_text.atlas_pages())
    textures.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  for (const auto& page : m_pictograms->pages())
    textures.push_back({page.get(), page->width, page->height, page->rgba.data(), &page->dirty});
  textures.insert(textures.end(), images.begin(), images.end());
  m_platform->end_frame(textures);
  m_platform->present();
}

}  // namespace pk::kiosk
