// The direct software path (ui/software_raster.h) against SDL's own software renderer: the
// same ImGui frame drawn both ways must look the same, and the span fills keep their rules.
#include "ui/software_raster.h"

#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>
#include <vector>

#include "ui/sdl_renderer_backend.h"

namespace {

using pk::ui::raster::ClipRect;
using pk::ui::raster::Source;
using pk::ui::raster::Target;

struct Canvas {
  explicit Canvas(int w, int h)
      : pixels(static_cast<size_t>(w) * h, 0xFF000000u), target{pixels.data(), w, w, h} {}
  std::vector<uint32_t> pixels;
  Target target;
  [[nodiscard]] uint32_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * target.width + x]; }
};

TEST(SoftwareRaster, TrianglesSharingAnEdgeNeverPaintAPixelTwice) {
  // A translucent quad as two triangles: painted twice, the shared diagonal would be darker.
  Canvas canvas(64, 64);
  const float a[2] = {3.3F, 4.7F}, b[2] = {60.2F, 6.1F}, c[2] = {58.9F, 59.4F}, d[2] = {5.5F, 57.0F};
  const ClipRect all{0, 0, 64, 64};
  const uint32_t half_white = IM_COL32(255, 255, 255, 128);
  pk::ui::raster::fill_triangle(canvas.target, all, a, b, c, half_white);
  pk::ui::raster::fill_triangle(canvas.target, all, a, c, d, half_white);
  int painted = 0;
  for (uint32_t p : canvas.pixels) {
    const uint32_t r = (p >> 16) & 0xFF;
    EXPECT_TRUE(r == 0 || r == 128) << std::hex << p;
    painted += r == 128;
  }
  // About the quad's area (shoelace formula), give or take its perimeter.
  EXPECT_NEAR(painted, 2911, 120);
}

TEST(SoftwareRaster, OpaqueRectCoversWholePixelsLikeSdlAndHonoursTheClip) {
  // SDL truncates the corners to (4, 2) and (24, 10): pixels 4..23 by 2..9.
  Canvas canvas(32, 32);
  pk::ui::raster::fill_rect(canvas.target, {0, 0, 20, 32}, 4.4F, 2.6F, 24.0F, 10.5F,
                            IM_COL32(10, 20, 30, 255));
  EXPECT_EQ(canvas.at(3, 3), 0xFF000000u);
  EXPECT_EQ(canvas.at(4, 3), 0xFF0A141Eu);
  EXPECT_EQ(canvas.at(5, 1), 0xFF000000u);
  EXPECT_EQ(canvas.at(5, 2), 0xFF0A141Eu);
  EXPECT_EQ(canvas.at(19, 9), 0xFF0A141Eu);
  EXPECT_EQ(canvas.at(19, 10), 0xFF000000u);
  EXPECT_EQ(canvas.at(20, 5), 0xFF000000u);  // clipped
}

TEST(SoftwareRaster, GlyphCopyModulatesByTheTextColourAndBlends) {
  Canvas canvas(8, 8);
  std::fill(canvas.pixels.begin(), canvas.pixels.end(), 0xFFFFFFFFu);  // a white background
  // An atlas glyph: white, coverage in alpha (0, 128, 255).
  const std::vector<uint32_t> atlas = {0x00FFFFFFu, 0x80FFFFFFu, 0xFFFFFFFFu};
  const Source src{atlas.data(), 3, 1};
  pk::ui::raster::blend_copy(canvas.target, {0, 0, 8, 8}, 2, 2, src, 0, 0, 3, 1, IM_COL32(0, 0, 200, 255));
  EXPECT_EQ(canvas.at(2, 2), 0xFFFFFFFFu);
  EXPECT_EQ(canvas.at(4, 2), 0xFF0000C8u);
  const uint32_t half = canvas.at(3, 2);
  EXPECT_NEAR(static_cast<int>((half >> 16) & 0xFF), 127, 1);  // red: white half covered by no red
  EXPECT_NEAR(static_cast<int>(half & 0xFF), 227, 1);          // blue: 200 and 255 half and half
}

TEST(SoftwareRaster, ScaledOpaqueImageKeepsItsColours) {
  std::vector<uint32_t> image(16 * 16, IM_COL32(200, 100, 50, 255));
  const Source src{image.data(), 16, 16};
  ASSERT_TRUE(pk::ui::raster::is_opaque(src, 0, 0, 16, 16));
  std::vector<uint32_t> out(5 * 7);
  pk::ui::raster::scale_to_argb(src, 0, 0, 16, 16, 5, 7, out.data());
  for (uint32_t p : out) EXPECT_EQ(p, 0xFFC86432u);
  image[3] = IM_COL32(0, 0, 0, 10);
  EXPECT_FALSE(pk::ui::raster::is_opaque(src, 0, 0, 16, 16));
}

// One ImGui frame with what the kiosk draws: rounded rectangles, outlines, text-like glyph
// quads from an atlas page, a thumbnail drawn scaled, circles and a translucent band.
class BothPaths : public ::testing::Test {
 protected:
  static constexpr int kW = 480;
  static constexpr int kH = 320;

  void SetUp() override {
    ImGui::CreateContext();
    ImGui::GetIO().DisplaySize = ImVec2(kW, kH);
    ImGui::GetIO().IniFilename = nullptr;
    m_surface = SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888);
    ASSERT_NE(m_surface, nullptr);
    m_renderer = SDL_CreateSoftwareRenderer(m_surface);
    ASSERT_NE(m_renderer, nullptr);
    m_backend = std::make_unique<pk::ui::SdlRendererBackend>(m_renderer);
    ASSERT_TRUE(m_backend->create_font_texture());
    // A glyph page: white with a coverage ramp; a photo: opaque colour gradient.
    m_page.assign(64 * 64, 0);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x)
        m_page[y * 64 + x] = (static_cast<uint32_t>((x * 4 + y) & 0xFF) << 24) | 0xFFFFFFu;
    m_photo.assign(40 * 60, 0);
    for (int y = 0; y < 60; ++y)
      for (int x = 0; x < 40; ++x) m_photo[y * 40 + x] = IM_COL32(x * 6, y * 4, 255 - x * 3, 255);
  }
  void TearDown() override {
    m_backend.reset();
    SDL_DestroyRenderer(m_renderer);
    SDL_FreeSurface(m_surface);
    ImGui::DestroyContext();
  }

  std::vector<uint32_t> render(bool direct) {
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled({0, 0}, {kW, kH}, IM_COL32(244, 246, 248, 255));
    draw->AddRectFilled({20.5F, 20.25F}, {300, 90}, IM_COL32(0, 122, 153, 255), 14);
    draw->AddRect({20, 110}, {300, 170}, IM_COL32(0, 122, 153, 255), 14, 0, 3);
    draw->AddCircleFilled({380, 70}, 40, IM_COL32(200, 40, 40, 255));
    draw->AddRectFilled({0, 200}, {kW, 240}, IM_COL32(0, 0, 0, 90));
    draw->PushTextureID(m_page.data());
    for (int i = 0; i < 12; ++i) {
      const float x = 30.0F + static_cast<float>(i) * 18;
      draw->PrimReserve(6, 4);
      draw->PrimRectUV({x, 250}, {x + 16, 274}, {i / 64.0F, 8 / 64.0F}, {(i + 16) / 64.0F, 32 / 64.0F},
                       IM_COL32(28, 33, 40, 255));
    }
    draw->PopTextureID();
    draw->AddImage(m_photo.data(), {330, 150}, {430, 300});
    ImGui::Render();
    bool page_dirty = true;
    bool photo_dirty = true;
    m_backend->sync({{m_page.data(), 64, 64, m_page.data(), &page_dirty},
                     {m_photo.data(), 40, 60, m_photo.data(), &photo_dirty}});
    m_backend->set_software_target(direct ? m_surface : nullptr);
    SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
    SDL_RenderClear(m_renderer);
    m_backend->render(ImGui::GetDrawData());
    std::vector<uint32_t> pixels(static_cast<size_t>(kW) * kH);
    SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, pixels.data(), kW * 4);
    return pixels;
  }

  SDL_Surface* m_surface = nullptr;
  SDL_Renderer* m_renderer = nullptr;
  std::unique_ptr<pk::ui::SdlRendererBackend> m_backend;
  std::vector<uint32_t> m_page;
  std::vector<uint32_t> m_photo;
};

TEST_F(BothPaths, TheDirectPathDrawsWhatSdlDraws) {
  const std::vector<uint32_t> sdl = render(false);
  const std::vector<uint32_t> direct = render(true);
  ASSERT_EQ(sdl.size(), direct.size());
  size_t off = 0;  // pixels that differ visibly (edges may differ by a pixel's coverage)
  long total = 0;
  for (size_t i = 0; i < sdl.size(); ++i) {
    int worst = 0;
    for (int shift = 0; shift < 24; shift += 8)
      worst = std::max(worst, std::abs(static_cast<int>((sdl[i] >> shift) & 0xFF) -
                                       static_cast<int>((direct[i] >> shift) & 0xFF)));
    total += worst;
    off += worst > 40;
  }
  // Interiors match exactly; what differs is a thin rim along some edges and the photo's
  // filtering (a fraction of a percent of the frame).
  EXPECT_LT(off, sdl.size() / 100) << off << " pixels differ";
  EXPECT_LT(static_cast<double>(total) / static_cast<double>(sdl.size()), 1.5);
  EXPECT_EQ(sdl[50 * kW + 100], direct[50 * kW + 100]);  // inside the rounded rectangle
  // Under the translucent band: SDL's blend rounds a little differently.
  for (int shift = 0; shift < 24; shift += 8)
    EXPECT_NEAR(static_cast<int>((sdl[220 * kW + 100] >> shift) & 0xFF),
                static_cast<int>((direct[220 * kW + 100] >> shift) & 0xFF), 1);
  EXPECT_EQ(sdl[70 * kW + 380], direct[70 * kW + 380]);  // the circle's centre
}

}  // namespace

#include <cstdlib>

#include "ui/platform.h"

namespace {

// Without a GPU the kiosk's window is drawn by SDL's software renderer into the window's
// surface, and the direct path writes there too: the same frame must come out as headless.
std::vector<uint8_t> platform_frame(pk::ui::DisplayMode mode) {
  auto platform = pk::ui::Platform::create({.mode = mode, .width = 320, .height = 200});
  if (!platform) {
    ADD_FAILURE() << platform.error().message;
    return {};
  }
  std::vector<uint8_t> pixels;
  for (int i = 0; i < 2; ++i) {
    (*platform)->begin_frame(1.0f / 60);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled({0, 0}, {320, 200}, IM_COL32(244, 246, 248, 255));
    draw->AddRectFilled({10.5F, 20}, {300, 90}, IM_COL32(0, 122, 153, 255), 14);
    draw->AddCircleFilled({160, 150}, 30, IM_COL32(200, 40, 40, 255));
    draw->AddText({20, 100}, IM_COL32(28, 33, 40, 255), "Pishkhan");
    (*platform)->end_frame({});
    pixels = (*platform)->read_pixels();
  }
  return pixels;
}

TEST(SoftwareRaster, AWindowWithoutGpuShowsWhatHeadlessRenders) {
  ::setenv("SDL_VIDEODRIVER", "dummy", 1);
  const std::vector<uint8_t> headless = platform_frame(pk::ui::DisplayMode::Headless);
  const std::vector<uint8_t> windowed = platform_frame(pk::ui::DisplayMode::Windowed);
  ASSERT_EQ(headless.size(), windowed.size());
  ASSERT_FALSE(headless.empty());
  EXPECT_TRUE(headless == windowed);
  EXPECT_EQ(headless[(50 * 320 + 150) * 4], 0);  // inside the teal rectangle: red 0
}

}  // namespace
