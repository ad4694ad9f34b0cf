#pragma once
// The window, the renderer and the frame loop's waiting, for three ways of running:
//  - Fullscreen: the kiosk, accelerated when the machine has a GPU.
//  - Windowed: development on a desktop.
//  - Headless: no display at all; frames are rendered in software into memory and can be
//    written as PNG. Input then comes from a script, not from SDL.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/result.h"
#include "ui/sdl_renderer_backend.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Surface;
union SDL_Event;

namespace pk::ui {

enum class DisplayMode { Fullscreen, Windowed, Headless };

struct PlatformOptions {
  DisplayMode mode = DisplayMode::Fullscreen;
  int width = 1920;  // headless and windowed size; fullscreen takes the display's size
  int height = 1080;
  std::string title = "Pishkhan";
};

class Platform {
 public:
  static Result<std::unique_ptr<Platform>> create(const PlatformOptions& options);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  [[nodiscard]] DisplayMode mode() const { return m_mode; }
  [[nodiscard]] int width() const { return m_width; }
  [[nodiscard]] int height() const { return m_height; }

  // Waits for input (up to timeout_ms, 0 = poll) and feeds it to ImGui. Returns false when
  // the window was asked to close. had_input tells the caller to redraw.
  bool pump_events(int timeout_ms, bool& had_input);
  void begin_frame(float delta_seconds);
  // Renders ImGui's draw data; external textures (glyph atlas pages) are synced first.
  void end_frame(const std::vector<ExternalTexture>& textures);
  void present();

  // Reads back the last rendered frame as RGBA8.
  [[nodiscard]] std::vector<uint8_t> read_pixels() const;
  Result<void> screenshot(const std::filesystem::path& png_file) const;

 private:
  Platform() = default;

  DisplayMode m_mode = DisplayMode::Fullscreen;
  int m_width = 0;
  int m_height = 0;
  SDL_Window* m_window = nullptr;
  SDL_Surface* m_surface = nullptr;  // headless render target
  SDL_Renderer* m_renderer = nullptr;
  std::unique_ptr<SdlRendererBackend> m_backend;
  bool m_sdl_platform_ready = false;
  bool m_event_driver_waits = false;
  bool m_software_renderer = false;  // SDL rasterises on the CPU (headless, or no GPU)  // the video driver
                                     // can sleep until input (X11, Wayland)
};

}  // namespace pk::ui
