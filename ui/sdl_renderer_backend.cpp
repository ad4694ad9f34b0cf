#include "ui/sdl_renderer_backend.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

namespace pk::ui {

SdlRendererBackend::SdlRendererBackend(SDL_Renderer* renderer) : m_renderer(renderer) {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "pishkhan_sdl_renderer";
  // We honour ImDrawCmd::VtxOffset, so meshes over 64K vertices work with 16-bit indices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

SdlRendererBackend::~SdlRendererBackend() {
  for (auto& [key, texture] : m_external) SDL_DestroyTexture(texture);
  if (m_font_texture) {
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    SDL_DestroyTexture(m_font_texture);
  }
}

static SDL_Texture* make_rgba_texture(SDL_Renderer* renderer, int width, int height) {
  // ABGR8888 is R,G,B,A in memory on little-endian machines: the layout of IM_COL32.
  SDL_Texture* texture =
      SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, width, height);
  if (texture) {
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
  }
  return texture;
}

bool SdlRendererBackend::create_font_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  m_font_texture = make_rgba_texture(m_renderer, width, height);
  if (!m_font_texture) return false;
  SDL_UpdateTexture(m_font_texture, nullptr, pixels, 4 * width);
  io.Fonts->SetTexID(static_cast<ImTextureID>(m_font_texture));
  return true;
}

void SdlRendererBackend::sync(const std::vector<ExternalTexture>& textures) {
  // Textures whose owner no longer lists them (a wiped preview) are freed.
  for (auto it = m_external.begin(); it != m_external.end();) {
    bool listed = false;
    for (const ExternalTexture& page : textures) listed = listed || page.key == it->first;
    if (listed) {
      ++it;
    } else {
      SDL_DestroyTexture(it->second);
      it = m_external.erase(it);
    }
  }
  for (const ExternalTexture& page : textures) {
    auto it = m_external.find(page.key);
    if (it == m_external.end()) {
      SDL_Texture* texture = make_rgba_texture(m_renderer, page.width, page.height);
      if (!texture) continue;
      it = m_external.emplace(page.key, texture).first;
      *page.dirty = true;
    }
    if (*page.dirty) {
      SDL_UpdateTexture(it->second, nullptr, page.rgba, 4 * page.width);
      *page.dirty = false;
    }
  }
}

SDL_Texture* SdlRendererBackend::resolve(const void* texture_id) const {
  auto it = m_external.find(texture_id);
  if (it != m_external.end()) return it->second;
  if (texture_id == m_font_texture) return m_font_texture;
  // An id nobody registered (a preview already wiped): draw nothing rather than trust it.
  return nullptr;
}

void SdlRendererBackend::render(const ImDrawData* draw_data) {
  const ImVec2 scale = draw_data->FramebufferScale;
  const int fb_width = static_cast<int>(draw_data->DisplaySize.x * scale.x);
  const int fb_height = static_cast<int>(draw_data->DisplaySize.y * scale.y);
  if (fb_width <= 0 || fb_height <= 0) return;

  const ImVec2 origin = draw_data->DisplayPos;
  for (int n = 0; n < draw_data->CmdListsCount; n++) {
    const ImDrawList* list = draw_data->CmdLists[n];
    const ImDrawVert* vertices = list->VtxBuffer.Data;
    const ImDrawIdx* indices = list->IdxBuffer.Data;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = std::max((cmd.ClipRect.x - origin.x) * scale.x, 0.0f);
      const float y0 = std::max((cmd.ClipRect.y - origin.y) * scale.y, 0.0f);
      const float x1 = std::min((cmd.ClipRect.z - origin.x) * scale.x, static_cast<float>(fb_width));
      const float y1 = std::min((cmd.ClipRect.w - origin.y) * scale.y, static_cast<float>(fb_height));
      if (x1 <= x0 || y1 <= y0) continue;
      const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
                          static_cast<int>(y1 - y0)};
      SDL_RenderSetClipRect(m_renderer, &clip);

      const ImDrawVert* first = vertices + cmd.VtxOffset;
      const int vertex_count = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
      SDL_Texture* texture = resolve(cmd.TextureId);
      if (!texture && cmd.TextureId) continue;
      SDL_RenderGeometryRaw(m_renderer, texture, &first->pos.x, sizeof(ImDrawVert),
                            reinterpret_cast<const SDL_Color*>(&first->col), sizeof(ImDrawVert), &first->uv.x,
                            sizeof(ImDrawVert), vertex_count, indices + cmd.IdxOffset,
                            static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
    }
  }
  SDL_RenderSetClipRect(m_renderer, nullptr);
}

}  // namespace pk::ui
