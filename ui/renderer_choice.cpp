#include "ui/renderer_choice.h"

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace pk::ui {

RendererPreference renderer_preference_from_environment() {
  const char* value = std::getenv("PK_RENDERER");
  const std::string_view choice = value ? value : "";
  if (choice == "gpu") return RendererPreference::Gpu;
  if (choice == "software") return RendererPreference::Software;
  return RendererPreference::Auto;
}

bool machine_has_gpu() {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
    if (entry.path().filename().string().starts_with("renderD")) return true;
  return std::filesystem::exists("/dev/nvidia0", ec);
}

bool gl_renderer_is_software(SDL_Renderer* renderer) {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer, &info) != 0 || !info.name ||
      !std::string_view(info.name).starts_with("opengl"))
    return false;
  // The renderer's context is current once SDL_CreateRenderer has returned. GL_RENDERER's value,
  // without pulling in a GL header.
  constexpr unsigned kGlRenderer = 0x1F01;
  using GetString = const unsigned char* (*)(unsigned);
  const auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  const unsigned char* name = get_string ? get_string(kGlRenderer) : nullptr;
  if (!name) return false;
  const std::string_view gl_renderer(reinterpret_cast<const char*>(name));
  return gl_renderer.find("llvmpipe") != std::string_view::npos ||
         gl_renderer.find("softpipe") != std::string_view::npos ||
         gl_renderer.find("Software Rasterizer") != std::string_view::npos;
}

}  // namespace pk::ui
