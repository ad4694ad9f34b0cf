#pragma once
// Draws Dear ImGui's draw data with SDL_Renderer's geometry API.
//
// Why our own: Debian's libimgui.a ships the SDL2 platform code and the OpenGL renderers but
// not the SDL_Renderer one, and SDL_Renderer is what lets the same code run accelerated on a
// kiosk with a GPU and in software with no display at all (headless screenshots, CI).
//
// Textures: ImGui's font atlas and any number of "external" RGBA pages (the Persian text
// engine's glyph atlas) keyed by an opaque pointer. External pages are uploaded when dirty.
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "ui/software_raster.h"

struct ImDrawData;
struct ImDrawList;
struct ImDrawCmd;
struct SDL_Renderer;
struct SDL_Surface;
struct SDL_Texture;

namespace pk::ui {

// A CPU-side RGBA32 image the backend mirrors into a texture. `key` is the ImTextureID the
// draw commands use for it.
struct ExternalTexture {
  const void* key = nullptr;
  int width = 0;
  int height = 0;
  const uint32_t* rgba = nullptr;
  bool* dirty = nullptr;  // set by the owner when pixels change; cleared here after upload
};

class SdlRendererBackend {
 public:
  explicit SdlRendererBackend(SDL_Renderer* renderer);
  ~SdlRendererBackend();
  SdlRendererBackend(const SdlRendererBackend&) = delete;
  SdlRendererBackend& operator=(const SdlRendererBackend&) = delete;

  // Builds ImGui's font atlas texture; call after fonts are added, before the first frame.
  bool create_font_texture();
  // Uploads new or dirty external textures. Cheap when nothing changed.
  void sync(const std::vector<ExternalTexture>& textures);
  void render(const ImDrawData* draw_data);

  // When SDL renders in software into `surface` (32-bit ARGB), the frame's opaque and solid
  // shapes, glyphs and scaled opaque images are drawn straight into it (software_raster.h);
  // nullptr, or any other pixel format, leaves everything to SDL. Call before each render.
  void set_software_target(SDL_Surface* surface);

 private:
  SDL_Texture* resolve(const void* texture_id) const;
  [[nodiscard]] const raster::Source* cpu_pixels(const void* texture_id) const;
  void render_direct(const ImDrawList* list, const ImDrawCmd& cmd, const raster::ClipRect& clip);
  void flush_to_sdl(const ImDrawList* list, const ImDrawCmd& cmd);
  // A scaled copy of an opaque image region, made once and kept while it is drawn.
  const std::vector<uint32_t>* scaled(const void* texture_id, const raster::Source& src, int sx, int sy,
                                      int sw, int sh, int w, int h);

  SDL_Renderer* m_renderer;
  SDL_Texture* m_font_texture = nullptr;
  std::unordered_map<const void*, SDL_Texture*> m_external;
  // CPU-side pixels of every texture, for the direct software path.
  std::unordered_map<const void*, raster::Source> m_cpu;
  raster::Source m_font_cpu;
  raster::Target m_target;     // pixels == nullptr: no direct path
  std::vector<int> m_pending;  // triangles left to SDL, flushed in draw order
  bool m_sdl_has_queued = false;
  struct ScaledImage {
    std::vector<uint32_t> argb;
    uint64_t last_used = 0;
  };
  using ScaledKey = std::tuple<const void*, const uint32_t*, int, int, int, int, int, int>;
  std::map<ScaledKey, ScaledImage> m_scaled;
  uint64_t m_frame = 0;
};

}  // namespace pk::ui
