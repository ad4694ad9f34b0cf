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
#include <unordered_map>
#include <vector>

struct ImDrawData;
struct SDL_Renderer;
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

 private:
  SDL_Texture* resolve(const void* texture_id) const;

  SDL_Renderer* m_renderer;
  SDL_Texture* m_font_texture = nullptr;
  std::unordered_map<const void*, SDL_Texture*> m_external;
};

}  // namespace pk::ui
