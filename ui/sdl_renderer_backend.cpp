#include "ui/sdl_renderer_backend.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

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
  m_font_cpu = {reinterpret_cast<const uint32_t*>(pixels), width, height};
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
  m_cpu.clear();
  for (const ExternalTexture& page : textures) {
    m_cpu[page.key] = raster::Source{page.rgba, page.width, page.height};
    auto it = m_external.find(page.key);
    if (it == m_external.end()) {
      SDL_Texture* texture = make_rgba_texture(m_renderer, page.width, page.height);
      if (!texture) continue;
      it = m_external.emplace(page.key, texture).first;
      *page.dirty = true;
    }
    if (*page.dirty) {
      std::erase_if(m_scaled, [&](const auto& entry) { return std::get<0>(entry.first) == page.key; });
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
  ++m_frame;
  if (m_target.pixels) {
    SDL_RenderFlush(m_renderer);  // the clear before the frame lands before our first pixel
    m_sdl_has_queued = false;
  }
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
      if (m_target.pixels) {
        render_direct(list, cmd, {clip.x, clip.y, clip.x + clip.w, clip.y + clip.h});
        continue;
      }

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
  // Scaled copies of images no longer on screen are dropped after a second or so.
  std::erase_if(m_scaled, [&](const auto& entry) { return entry.second.last_used + 60 < m_frame; });
}

void SdlRendererBackend::set_software_target(SDL_Surface* surface) {
  m_target = {};
  if (!surface || !surface->pixels || SDL_MUSTLOCK(surface)) return;
  const Uint32 format = surface->format->format;
  if (format != SDL_PIXELFORMAT_ARGB8888 && format != SDL_PIXELFORMAT_RGB888) return;
  m_target = {static_cast<uint32_t*>(surface->pixels), surface->pitch / 4, surface->w, surface->h};
}

const raster::Source* SdlRendererBackend::cpu_pixels(const void* texture_id) const {
  if (texture_id == m_font_texture && m_font_cpu.rgba) return &m_font_cpu;
  auto it = m_cpu.find(texture_id);
  return it == m_cpu.end() ? nullptr : &it->second;
}

void SdlRendererBackend::flush_to_sdl(const ImDrawList* list, const ImDrawCmd& cmd) {
  if (m_pending.empty()) return;
  const ImDrawVert* first = list->VtxBuffer.Data + cmd.VtxOffset;
  const int vertex_count = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
  SDL_RenderGeometryRaw(m_renderer, resolve(cmd.TextureId), &first->pos.x, sizeof(ImDrawVert),
                        reinterpret_cast<const SDL_Color*>(&first->col), sizeof(ImDrawVert), &first->uv.x,
                        sizeof(ImDrawVert), vertex_count, m_pending.data(),
                        static_cast<int>(m_pending.size()), sizeof(int));
  m_pending.clear();
  m_sdl_has_queued = true;
}

const std::vector<uint32_t>* SdlRendererBackend::scaled(const void* texture_id, const raster::Source& src,
                                                        int sx, int sy, int sw, int sh, int w, int h) {
  const ScaledKey key{texture_id, src.rgba, sx, sy, sw, sh, w, h};
  auto it = m_scaled.find(key);
  if (it == m_scaled.end()) {
    ScaledImage image;
    // Only opaque images (pages, photos) are copied; anything with transparency blends.
    if (raster::is_opaque(src, sx, sy, sw, sh)) {
      image.argb.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
      raster::scale_to_argb(src, sx, sy, sw, sh, w, h, image.argb.data());
    }
    it = m_scaled.emplace(key, std::move(image)).first;
  }
  it->second.last_used = m_frame;
  return it->second.argb.empty() ? nullptr : &it->second.argb;
}

namespace {

// A vertex colour (IM_COL32) times a texel (R, G, B, A bytes), as the GPU would.
uint32_t modulate(uint32_t color, uint32_t texel) {
  uint32_t out = 0;
  for (uint32_t shift = 0; shift < 32; shift += 8)
    out |= (((color >> shift) & 0xFF) * ((texel >> shift) & 0xFF) + 127) / 255 << shift;
  return out;
}

bool near_integer(float v) { return std::fabs(v - std::round(v)) < 0.01F; }

}  // namespace

void SdlRendererBackend::render_direct(const ImDrawList* list, const ImDrawCmd& cmd,
                                       const raster::ClipRect& clip) {
  const raster::Source* tex = cpu_pixels(cmd.TextureId);
  if (!tex && cmd.TextureId) return;  // as resolve(): an unregistered id draws nothing
  const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
  const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
  const unsigned n = cmd.ElemCount;
  // Before drawing a pixel ourselves, everything queued for SDL before it must be drawn.
  auto direct = [&] {
    flush_to_sdl(list, cmd);
    if (m_sdl_has_queued) SDL_RenderFlush(m_renderer);
    m_sdl_has_queued = false;
  };
  auto texel_at = [&](const ImVec2& uv) -> uint32_t {
    if (!tex) return 0xFFFFFFFFu;
    const int x = std::clamp(static_cast<int>(uv.x * static_cast<float>(tex->width)), 0, tex->width - 1);
    const int y = std::clamp(static_cast<int>(uv.y * static_cast<float>(tex->height)), 0, tex->height - 1);
    return tex->rgba[static_cast<std::ptrdiff_t>(y) * tex->width + x];
  };
  const auto same_uv = [](const ImVec2& p, const ImVec2& q) { return p.x == q.x && p.y == q.y; };
  unsigned i = 0;
  while (i + 2 < n) {
    const ImDrawVert& a = v[idx[i]];
    const ImDrawVert& b = v[idx[i + 1]];
    const ImDrawVert& c = v[idx[i + 2]];
    // ImGui's PrimRect/PrimRectUV: corners a b c d clockwise from the top left, (a b c)(a c d).
    if (i + 5 < n && idx[i] == idx[i + 3] && idx[i + 2] == idx[i + 4]) {
      const ImDrawVert& d = v[idx[i + 5]];
      const bool axis_aligned = a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y &&
                                d.pos.x == a.pos.x && a.pos.x < c.pos.x && a.pos.y < c.pos.y;
      const bool one_color = a.col == b.col && a.col == c.col && a.col == d.col;
      if (axis_aligned && one_color) {
        if (same_uv(a.uv, b.uv) && same_uv(a.uv, c.uv) && same_uv(a.uv, d.uv)) {
          direct();
          raster::fill_rect(m_target, clip, a.pos.x, a.pos.y, c.pos.x, c.pos.y,
                            modulate(a.col, texel_at(a.uv)));
          i += 6;
          continue;
        }
        const bool uv_aligned = a.uv.y == b.uv.y && b.uv.x == c.uv.x && c.uv.y == d.uv.y && d.uv.x == a.uv.x;
        if (tex && uv_aligned) {
          const float su0 = a.uv.x * static_cast<float>(tex->width);
          const float sv0 = a.uv.y * static_cast<float>(tex->height);
          const float su1 = c.uv.x * static_cast<float>(tex->width);
          const float sv1 = c.uv.y * static_cast<float>(tex->height);
          const int sx = static_cast<int>(std::lround(su0));
          const int sy = static_cast<int>(std::lround(sv0));
          const int sw = static_cast<int>(std::lround(su1 - su0));
          const int sh = static_cast<int>(std::lround(sv1 - sv0));
          const bool whole_texels = near_integer(su0) && near_integer(sv0) && near_integer(su1) &&
                                    near_integer(sv1) && sw > 0 && sh > 0 && sx >= 0 && sy >= 0 &&
                                    sx + sw <= tex->width && sy + sh <= tex->height;
          // Where SDL's own copy would put it: positions truncated, sizes rounded.
          const int dx = static_cast<int>(std::floor(a.pos.x));
          const int dy = static_cast<int>(std::floor(a.pos.y));
          const int w = static_cast<int>(std::lround(c.pos.x - a.pos.x));
          const int h = static_cast<int>(std::lround(c.pos.y - a.pos.y));
          if (whole_texels && w == sw && h == sh) {  // a glyph: texels 1:1 with pixels
            direct();
            raster::blend_copy(m_target, clip, dx, dy, *tex, sx, sy, sw, sh, a.col);
            i += 6;
            continue;
          }
          if (whole_texels && a.col == IM_COL32_WHITE && w > 0 && h > 0) {  // a picture drawn scaled
            if (const std::vector<uint32_t>* image = scaled(cmd.TextureId, *tex, sx, sy, sw, sh, w, h)) {
              direct();
              raster::opaque_copy(m_target, clip, dx, dy, image->data(), w, h);
              i += 6;
              continue;
            }
          }
        }
      }
    }
    // A solid triangle (a fan slice of a rounded rectangle, a line's core).
    if (a.col == b.col && a.col == c.col && same_uv(a.uv, b.uv) && same_uv(a.uv, c.uv)) {
      direct();
      raster::fill_triangle(m_target, clip, &a.pos.x, &b.pos.x, &c.pos.x, modulate(a.col, texel_at(a.uv)));
      i += 3;
      continue;
    }
    // Colour or texture varies across it (anti-aliased fringes): SDL draws it.
    m_pending.insert(m_pending.end(), {idx[i], idx[i + 1], idx[i + 2]});
    i += 3;
  }
  flush_to_sdl(list, cmd);
}

}  // namespace pk::ui
