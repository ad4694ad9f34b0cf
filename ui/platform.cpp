#include "ui/platform.h"

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "ui/png_writer.h"
#include "ui/renderer_choice.h"

namespace pk::ui {

static Error sdl_error(const std::string& what) { return make_error(what + ": " + SDL_GetError()); }

namespace {

SDL_Window* open_window(const PlatformOptions& options) {
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  flags |= options.mode == DisplayMode::Fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
  return SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                          options.width, options.height, flags);
}

}  // namespace

Result<std::unique_ptr<Platform>> Platform::create(const PlatformOptions& options) {
  std::unique_ptr<Platform> platform(new Platform());
  platform->m_mode = options.mode;
  platform->m_width = options.width;
  platform->m_height = options.height;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;

  if (options.mode == DisplayMode::Headless) {
    // Software rendering into a surface: no video driver, no display, no GPU needed.
    platform->m_surface =
        SDL_CreateRGBSurfaceWithFormat(0, options.width, options.height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!platform->m_surface) return sdl_error("cannot create the off-screen surface");
    platform->m_renderer = SDL_CreateSoftwareRenderer(platform->m_surface);
    if (!platform->m_renderer) return sdl_error("cannot create the software renderer");
    io.DisplaySize = ImVec2(static_cast<float>(options.width), static_cast<float>(options.height));
  } else {
    // No libdecor: cage answers the window's decoration request with "client side", and SDL 2.26
    // then switches the shown window to libdecor by taking its xdg_toplevel away without
    // giving it back, so cage never maps the kiosk and the screen stays black (found by
    // tests/packaging/boot_test.sh). A full-screen kiosk has no title bar to draw anyway. Set before
    // SDL starts its video driver, which reads it.
    SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return sdl_error("cannot start SDL video");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    platform->m_window = open_window(options);
    if (!platform->m_window) return sdl_error("cannot open the window");
    // Only X11 gives SDL's software renderer pixels of the window's own (a shared-memory image);
    // elsewhere (Wayland) it would hand every frame to a GL texture all the same.
    const RendererPreference preference = renderer_preference_from_environment();
    const bool window_has_pixels = std::string_view(SDL_GetCurrentVideoDriver()) == "x11";
    const char* software_because = nullptr;  // set when the software renderer draws the window
    if (window_has_pixels && preference == RendererPreference::Software)
      software_because = "PK_RENDERER=software";
    else if (window_has_pixels && preference == RendererPreference::Auto && !machine_has_gpu())
      software_because = "no GPU device";
    bool software = software_because != nullptr;
    if (!software) {
      platform->m_renderer =
          SDL_CreateRenderer(platform->m_window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
      if (platform->m_renderer && window_has_pixels && preference == RendererPreference::Auto &&
          gl_renderer_is_software(platform->m_renderer)) {
        SDL_DestroyRenderer(platform->m_renderer);
        platform->m_renderer = nullptr;
        SDL_DestroyWindow(platform->m_window);  // SDL made it again for GL; a plain one will do
        platform->m_window = open_window(options);
        if (!platform->m_window) return sdl_error("cannot open the window");
        software = true;
        software_because = "OpenGL here is a rasteriser on the CPU";
      }
    }
    if (software) {
      SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // X11's image, not a GL texture
      platform->m_renderer = SDL_CreateRenderer(platform->m_window, -1, SDL_RENDERER_SOFTWARE);
      spdlog::info("renderer: software, into the window's pixels ({})", software_because);
    }
    if (!platform->m_renderer)  // no GPU: SDL's software renderer still works
      platform->m_renderer = SDL_CreateRenderer(platform->m_window, -1, SDL_RENDERER_SOFTWARE);
    if (!platform->m_renderer) return sdl_error("cannot create a renderer");
    if (options.mode == DisplayMode::Fullscreen) SDL_ShowCursor(SDL_DISABLE);  // touch kiosk
    SDL_GetRendererOutputSize(platform->m_renderer, &platform->m_width, &platform->m_height);
    ImGui_ImplSDL2_InitForSDLRenderer(platform->m_window);
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    platform->m_event_driver_waits = driver == "x11" || driver == "wayland";
    platform->m_sdl_platform_ready = true;
  }
  SDL_RendererInfo info{};
  platform->m_software_renderer =
      SDL_GetRendererInfo(platform->m_renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
  platform->m_backend = std::make_unique<SdlRendererBackend>(platform->m_renderer);
  return platform;
}

Platform::~Platform() {
  m_backend.reset();
  if (m_sdl_platform_ready) ImGui_ImplSDL2_Shutdown();
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  if (m_renderer) SDL_DestroyRenderer(m_renderer);
  if (m_surface) SDL_FreeSurface(m_surface);
  if (m_window) SDL_DestroyWindow(m_window);
  if (m_mode != DisplayMode::Headless) SDL_Quit();
}

bool Platform::pump_events(int timeout_ms, bool& had_input) {
  had_input = false;
  if (m_mode == DisplayMode::Headless) return true;
  SDL_Event event;
  if (m_event_driver_waits) {
    // X11 and Wayland: SDL sleeps in the kernel until input arrives or the timeout passes.
    if (!SDL_WaitEventTimeout(&event, timeout_ms)) return true;
  } else {
    // Other drivers (KMS/DRM, dummy): SDL's own wait would poll every millisecond, a
    // thousand wake-ups a second. Poll at 100 Hz instead: 10 ms is below what a finger feels.
    const Uint64 deadline = SDL_GetTicks64() + static_cast<Uint64>(timeout_ms);
    while (!SDL_PollEvent(&event)) {
      if (SDL_GetTicks64() >= deadline) return true;
      SDL_Delay(10);
    }
  }
  do {
    ImGui_ImplSDL2_ProcessEvent(&event);
    had_input = true;
    if (event.type == SDL_QUIT) return false;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
      SDL_GetRendererOutputSize(m_renderer, &m_width, &m_height);
  } while (SDL_PollEvent(&event));
  return true;
}

void Platform::begin_frame(float delta_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.Fonts->IsBuilt() || !io.Fonts->TexID) m_backend->create_font_texture();
  if (m_sdl_platform_ready) {
    // The size the compositor gave us, read every frame: under Wayland a full-screen window is
    // created at the configured size and learns the display's only after it is first shown,
    // and SDL's size-changed event can come before the renderer's size has followed (cage on a
    // 1280x720 display showed the top-left of a 1920x1080 frame).
    SDL_GetRendererOutputSize(m_renderer, &m_width, &m_height);
    ImGui_ImplSDL2_NewFrame();
  } else {
    io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
  }
  io.DeltaTime = delta_seconds > 0 ? delta_seconds : 1.0f / 60.0f;
  ImGui::NewFrame();
}

void Platform::end_frame(const std::vector<ExternalTexture>& textures) {
  ImGui::Render();
  m_backend->sync(textures);
  // SDL's own software rasteriser is slow on large fills and text: draw those straight into
  // the pixels SDL renders to (the off-screen surface, or the window's when there is no GPU).
  // PK_SOFTWARE_RASTER=sdl leaves all drawing to SDL, to compare the two.
  static const bool sdl_only = [] {
    const char* v = std::getenv("PK_SOFTWARE_RASTER");
    return v && std::string_view(v) == "sdl";
  }();
  SDL_Surface* direct = sdl_only ? nullptr : m_surface;
  if (!direct && !sdl_only && m_window && m_software_renderer) direct = SDL_GetWindowSurface(m_window);
  m_backend->set_software_target(direct);
  SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
  SDL_RenderClear(m_renderer);
  m_backend->render(ImGui::GetDrawData());
}

void Platform::present() {
  if (m_mode != DisplayMode::Headless) SDL_RenderPresent(m_renderer);
}

std::vector<uint8_t> Platform::read_pixels() const {
  std::vector<uint8_t> pixels(static_cast<size_t>(m_width) * m_height * 4);
  SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), m_width * 4);
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the screen is opaque
  return pixels;
}

Result<void> Platform::screenshot(const std::filesystem::path& png_file) const {
  return write_png_rgba(png_file, read_pixels(), m_width, m_height);
}

}  // namespace pk::ui
