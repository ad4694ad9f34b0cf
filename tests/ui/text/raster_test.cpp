// Rendering: a sample of Persian paragraphs rasterised into a PNG (look at it: it is the
// golden-ish check a Persian reader makes), right alignment of ink, ImGui draw commands.
#include <algorithm>
#include <string>

#include "text_test_support.h"

namespace pk::ui::test {
namespace {

struct Image {
  int width;
  int height;
  std::vector<uint8_t> pixels;
  Image(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * h, 0) {}
  [[nodiscard]] uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
  // Leftmost and rightmost columns with ink in rows [top, bottom); {-1, -1} when blank.
  [[nodiscard]] std::pair<int, int> ink_columns(int top, int bottom) const {
    int left = -1;
    int right = -1;
    for (int y = top; y < bottom; ++y) {
      for (int x = 0; x < width; ++x) {
        if (at(x, y) > 128) {
          left = left < 0 ? x : std::min(left, x);
          right = std::max(right, x);
        }
      }
    }
    return {left, right};
  }
};

// Every Arabic letter, isolated: at 200 px their bitmaps fill more than one 1024x1024 page.
std::string isolated_arabic_letters() {
  std::string all;
  for (char32_t cp = 0x0621; cp <= 0x064A; ++cp) {
    all += static_cast<char>(0xC0 | (cp >> 6));
    all += static_cast<char>(0x80 | (cp & 0x3F));
    all += ' ';
  }
  return all;
}

TEST(Raster, SamplePersianParagraphs) {
  TextEngine& engine = shared_engine();
  const int width = 720;
  const int margin = 20;
  TextStyle body;
  body.max_width = static_cast<float>(width - 2 * margin);
  TextStyle title = body;
  title.size_px = 34;
  title.weight = Weight::Bold;
  TextStyle one_line = body;
  one_line.max_lines = 1;
  const std::vector<std::pair<std::string, TextStyle>> blocks = {
      {"شناسنامه خدمت: تمدید و تعویض مدارک اقامتی اتباع خارجی", title},
      {"اعطای تابعیت، موضوع ماده واحده تعیین تکلیف فرزندان حاصل از ازدواج مردان خارجی با زنان ایرانی. مدارک لازم را همراه داشته باشید و پیش از ثبت، هزینه را بپردازید.",
       body},
      {"کد رهگیری: 1 2345 678 ثبت شد (Saved)", body},
      {"می‌خواهم درخواستم را پیگیری کنم؛ شمارهٔ پرونده ۱۴۰۳/۰۷/۱۲ است. لا، بِسْمِ",
       body},
      {"بررسی درخواست جابجایی محل سکونت و انتقال پرونده شناسایی (داخل استان-خارج استان) برای اتباع",
       one_line},
      {"برگه تردد ۹۰ روزه", body},
  };
  int total_height = margin;
  std::vector<const TextLayout*> layouts;
  for (const auto& [text, style] : blocks) {
    layouts.push_back(&engine.layout(text, style));
    total_height += static_cast<int>(layouts.back()->size.y) + 12;
  }
  Image image(width, total_height + margin);
  int y = margin;
  std::vector<std::pair<int, int>> block_rows;
  for (const TextLayout* layout : layouts) {
    engine.rasterize(*layout, margin, y, image.pixels.data(), image.width, image.width, image.height);
    block_rows.emplace_back(y, y + static_cast<int>(layout->size.y));
    y += static_cast<int>(layout->size.y) + 12;
  }
  const std::string path = std::string(PK_TEST_BINARY_DIR) + "/text_sample.png";
  ASSERT_TRUE(write_png(path, image.pixels, image.width, image.height)) << path;
  std::printf("sample written to %s\n", path.c_str());

  const long ink = std::count_if(image.pixels.begin(), image.pixels.end(), [](uint8_t p) { return p > 128; });
  EXPECT_GT(ink, 5000) << "the sample is (nearly) blank";
  for (size_t block = 0; block < layouts.size(); ++block) {
    const auto [left, right] = image.ink_columns(block_rows[block].first, block_rows[block].second);
    ASSERT_GE(left, 0) << "block " << block << " has no ink";
    // Start alignment of a right-to-left paragraph: every block's ink reaches the right margin.
    EXPECT_GT(right, width - margin - 8) << "block " << block;
    EXPECT_LE(right, width - margin + 4) << "block " << block;
  }
  // The short last block is in the right half only.
  EXPECT_GT(image.ink_columns(block_rows.back().first, block_rows.back().second).first, width / 2);
}

TEST(Raster, ClipsAtTheImageEdges) {
  const TextLayout& layout = shared_engine().layout("متن بیرون از تصویر", TextStyle{});
  Image image(40, 10);
  for (const auto& [x, y] : std::vector<std::pair<int, int>>{{-30, -10}, {20, 5}, {-500, 0}, {39, 9}}) {
    shared_engine().rasterize(layout, x, y, image.pixels.data(), image.width, image.width, image.height);
  }
  Image sink(1, 1);
  shared_engine().rasterize(layout, 0, 0, sink.pixels.data(), 1, 0, 0);  // empty image: no-op
  EXPECT_EQ(sink.at(0, 0), 0);
}

TEST(Raster, DrawEmitsOneQuadPerInkedGlyphTexturedWithItsPage) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(800, 600);
  unsigned char* font_pixels = nullptr;
  int fw = 0;
  int fh = 0;
  io.Fonts->GetTexDataAsRGBA32(&font_pixels, &fw, &fh);
  ImGui::NewFrame();
  ImDrawList* list = ImGui::GetForegroundDrawList();
  const int vertices_before = list->VtxBuffer.Size;

  const TextLayout& layout = shared_engine().layout("کد رهگیری: ۱۲۳ (OK)", TextStyle{});
  shared_engine().draw(list, ImVec2(100, 50), layout, IM_COL32(0, 0, 0, 255));
  const long inked = std::count_if(layout.glyphs.begin(), layout.glyphs.end(),
                                   [](const PositionedGlyph& g) { return g.page != nullptr; });
  EXPECT_GT(inked, 10);
  EXPECT_EQ(list->VtxBuffer.Size - vertices_before, 4 * inked);
  const auto& pages = shared_engine().atlas_pages();
  bool used_page = false;
  for (const ImDrawCmd& cmd : list->CmdBuffer) {
    for (const auto& page : pages)
      used_page = used_page || cmd.TextureId == static_cast<ImTextureID>(page.get());
  }
  EXPECT_TRUE(used_page);
  // The first vertex is at the first glyph's quad, offset by the draw position.
  const ImDrawVert& first = list->VtxBuffer[vertices_before];
  const auto first_inked = std::find_if(layout.glyphs.begin(), layout.glyphs.end(),
                                        [](const PositionedGlyph& g) { return g.page != nullptr; });
  EXPECT_FLOAT_EQ(first.pos.x, 100 + first_inked->x0);
  EXPECT_FLOAT_EQ(first.pos.y, 50 + first_inked->y0);
  ImGui::EndFrame();
  ImGui::DestroyContext();

  ASSERT_FALSE(pages.empty());
  EXPECT_EQ(pages[0]->width, 1024);
  EXPECT_EQ(pages[0]->rgba.size(), 1024U * 1024U);
  const long covered =
      std::count_if(pages[0]->rgba.begin(), pages[0]->rgba.end(), [](uint32_t p) { return (p >> 24) > 0; });
  EXPECT_GT(covered, 100);
}

TEST(Raster, AtlasAddsPagesWhenFull) {
  auto engine = fresh_engine();
  const std::string all = isolated_arabic_letters();
  TextStyle style;
  style.size_px = 200;
  (void)engine->layout(all, style);
  EXPECT_GE(engine->atlas_pages().size(), 2U);
  for (const auto& page : engine->atlas_pages()) EXPECT_TRUE(page->dirty);
}

TEST(Raster, BeginFrameEmptiesAnAtlasPastItsLimitAndReusesThePages) {
  auto engine = fresh_engine();
  const std::string all = isolated_arabic_letters();
  TextStyle big;
  big.size_px = 200;
  (void)engine->layout(all, big);
  const size_t pages = engine->atlas_pages().size();
  ASSERT_GE(pages, 2U);
  engine->begin_frame();  // under the default limit: nothing happens
  EXPECT_EQ(engine->stats().atlas_resets, 0U);
  EXPECT_EQ(engine->stats().cached_layouts, 1U);

  engine->set_atlas_page_limit(1);
  for (const auto& page : engine->atlas_pages()) page->dirty = false;  // as the renderer does
  engine->begin_frame();
  EXPECT_EQ(engine->stats().atlas_resets, 1U);
  EXPECT_EQ(engine->stats().atlas_glyphs, 0U);
  EXPECT_EQ(engine->stats().cached_layouts, 0U);
  for (const auto& page : engine->atlas_pages()) {
    EXPECT_TRUE(page->dirty) << "a cleared page must be uploaded again";
    EXPECT_TRUE(std::all_of(page->rgba.begin(), page->rgba.end(), [](uint32_t p) { return (p >> 24) == 0; }));
  }
  const TextLayout& again = engine->layout("دوباره", TextStyle{});
  EXPECT_EQ(engine->atlas_pages().size(), pages) << "pages are reused, not reallocated";
  EXPECT_EQ(engine->stats().atlas_pages_in_use, 1U);
  for (const PositionedGlyph& glyph : again.glyphs) EXPECT_EQ(glyph.page, engine->atlas_pages()[0].get());
}

}  // namespace
}  // namespace pk::ui::test
