// The pictograms: SVG parsing and refusals (librsvg, for real), the atlas's images at each
// size, the right-to-left copies, rebuilding for a new text size, and a folder with a bad file.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "ui/pictograms/pictogram_atlas.h"
#include "ui/pictograms/svg_document.h"

namespace fs = std::filesystem;

namespace pk::ui {
namespace {

const fs::path kShipped = fs::path(PK_SOURCE_DATA_DIR) / "pictograms";

constexpr std::string_view kTriangle =
    R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M4 44 L24 4 L44 44 Z"/></svg>)";
// Ink only in the left half: its mirror has ink only in the right half.
constexpr std::string_view kLeftBar =
    R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect x="4" y="4" width="12" height="40"/></svg>)";

int inked(const std::vector<uint8_t>& coverage) {
  return static_cast<int>(std::count_if(coverage.begin(), coverage.end(), [](uint8_t c) { return c > 128; }));
}

// Opaque pixels of an atlas image: its ink as the renderer will copy it.
int opaque_pixels(const PictogramImage& image) {
  int n = 0;
  for (int y = image.y; y < image.y + image.size; ++y)
    for (int x = image.x; x < image.x + image.size; ++x)
      if ((image.page->rgba[static_cast<size_t>(y) * PictogramAtlas::kPageSize + x] >> 24) > 128) ++n;
  return n;
}

TEST(SvgDocument, DrawsInkWhereThePathIs) {
  auto doc = SvgDocument::parse(kTriangle, "triangle.svg");
  ASSERT_TRUE(doc) << doc.error().message;
  auto ink = doc->coverage(48);
  ASSERT_TRUE(ink) << ink.error().message;
  ASSERT_EQ(ink->size(), 48U * 48U);
  EXPECT_GT((*ink)[40 * 48 + 24], 200) << "inside the triangle, near its base";
  EXPECT_EQ((*ink)[2 * 48 + 2], 0) << "the top-left corner is outside";
  const int half = inked(*ink);
  EXPECT_NEAR(half, 800, 120) << "a triangle of base 40 and height 40";
  auto larger = doc->coverage(96);
  ASSERT_TRUE(larger);
  EXPECT_NEAR(inked(*larger), 4 * half, half / 2) << "drawn at 96 px from the vector: four times the ink";
}

TEST(SvgDocument, MirrorFlipsLeftToRight) {
  auto doc = SvgDocument::parse(kLeftBar, "bar.svg");
  ASSERT_TRUE(doc) << doc.error().message;
  auto plain = doc->coverage(48, Mirror::No);
  auto flipped = doc->coverage(48, Mirror::Yes);
  ASSERT_TRUE(plain && flipped);
  EXPECT_GT((*plain)[24 * 48 + 8], 200);
  EXPECT_EQ((*flipped)[24 * 48 + 8], 0);
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 48; ++x)
      ASSERT_EQ((*plain)[y * 48 + x], (*flipped)[y * 48 + 47 - x]) << x << "," << y;
}

TEST(SvgDocument, WhitePaintKnocksOutInk) {
  // A black square with a white disc on it: the disc is a hole, not ink of the tint colour.
  auto doc = SvgDocument::parse(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48"/>)"
      R"(<circle cx="24" cy="24" r="10" fill="#fff"/></svg>)",
      "knockout.svg");
  ASSERT_TRUE(doc) << doc.error().message;
  auto ink = doc->coverage(48);
  ASSERT_TRUE(ink);
  EXPECT_EQ((*ink)[24 * 48 + 24], 0);
  EXPECT_EQ((*ink)[2 * 48 + 2], 255);
}

TEST(SvgDocument, MalformedDocumentsAreRefusedWithAMessage) {
  struct Case {
    std::string bytes;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"", "empty"},
      {"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"><path d=", "not an SVG document"},
      {"\x89PNG\r\n\x1a\n not a vector at all", "not an SVG document"},
      {R"(<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><path d="M0 0 H48 V48 Z"/></svg>)",
       "no viewBox"},
      {R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"></svg>)", "no dark ink"},
      {R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#fff"/></svg>)",
       "no dark ink"},
      {std::string(SvgDocument::kMaxBytes + 1, ' '), "larger than"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.says);
    auto doc = SvgDocument::parse(c.bytes, "bad.svg");
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().kind, ErrorKind::Malformed);
    EXPECT_NE(doc.error().message.find("bad.svg: "), std::string::npos) << doc.error().message;
    EXPECT_NE(doc.error().message.find(c.says), std::string::npos) << doc.error().message;
  }
}

TEST(PictogramAtlas, EveryShippedPictogramHasInkAtEverySize) {
  auto loaded = PictogramAtlas::load(kShipped, 32, {"action-back"});
  for (const std::string& problem : loaded.problems) ADD_FAILURE() << problem;
  const std::vector<std::string> names = loaded.atlas->names();
  EXPECT_GE(names.size(), 23U + 12U);
  for (const std::string& name : names) {
    for (const float scale : PictogramAtlas::kSizesPerBodyPx) {
      const float wanted = 32 * scale;
      SCOPED_TRACE(name + " at " + std::to_string(wanted));
      const PictogramImage* image = loaded.atlas->find(name, wanted, false);
      ASSERT_NE(image, nullptr);
      EXPECT_EQ(image->size, static_cast<int>(std::lround(wanted)));
      ASSERT_LE(image->x + image->size, PictogramAtlas::kPageSize);
      ASSERT_LE(image->y + image->size, PictogramAtlas::kPageSize);
      // Bold lines: at least a twelfth of the square is ink (a lone arrow has the least), and
      // never all of it.
      const int ink = opaque_pixels(*image);
      EXPECT_GT(ink, image->size * image->size / 12);
      EXPECT_LT(ink, image->size * image->size * 3 / 4);
    }
  }
}

TEST(PictogramAtlas, MirroredPictogramsHaveARightToLeftCopy) {
  auto loaded = PictogramAtlas::load(kShipped, 32, {"action-back"});
  const PictogramImage* ltr = loaded.atlas->find("action-back", 40, false);
  const PictogramImage* rtl = loaded.atlas->find("action-back", 40, true);
  ASSERT_TRUE(ltr && rtl);
  EXPECT_NE(ltr->x + ltr->y * PictogramAtlas::kPageSize, rtl->x + rtl->y * PictogramAtlas::kPageSize);
  // The same drawing flipped: every pixel's ink matches its mirror's, but for anti-aliasing
  // (cairo samples pixel centres, which the flip moves by a fraction).
  const auto ink_at = [](const PictogramImage& image, int x, int y) {
    return static_cast<int>(image.page->rgba[static_cast<size_t>(image.y + y) * PictogramAtlas::kPageSize +
                                             static_cast<size_t>(image.x + x)] >>
                            24);
  };
  int differing = 0;
  for (int y = 0; y < ltr->size; ++y)
    for (int x = 0; x < ltr->size; ++x) {
      const int a = ink_at(*ltr, x, y);
      const int b = ink_at(*rtl, ltr->size - 1 - x, y);
      ASSERT_LE(std::abs(a - b), 64) << x << "," << y;
      differing += a != b;
    }
  EXPECT_LT(differing, ltr->size * ltr->size / 10);
  // And not the same image: the arrow's head is at the other end.
  int ink_left = 0;
  for (int y = 0; y < rtl->size; ++y)
    for (int x = 0; x < rtl->size / 3; ++x) ink_left += ink_at(*rtl, x, y) > 128;
  int ink_left_ltr = 0;
  for (int y = 0; y < ltr->size; ++y)
    for (int x = 0; x < ltr->size / 3; ++x) ink_left_ltr += ink_at(*ltr, x, y) > 128;
  EXPECT_GT(ink_left_ltr, 2 * ink_left) << "action-back points left, its mirror right";
  // One that does not mirror is the same image in both directions.
  const PictogramImage* home = loaded.atlas->find("action-home", 40, false);
  const PictogramImage* home_rtl = loaded.atlas->find("action-home", 40, true);
  ASSERT_TRUE(home && home_rtl);
  EXPECT_EQ(std::tuple(home->page, home->x, home->y), std::tuple(home_rtl->page, home_rtl->x, home_rtl->y));
}

TEST(PictogramAtlas, RebuildDrawsAgainAtTheNewSizeOnTheSamePages) {
  auto loaded = PictogramAtlas::load(kShipped, 32);
  const AtlasPage* first = loaded.atlas->pages().front().get();
  for (const auto& page : loaded.atlas->pages()) page->dirty = false;  // as the renderer does
  loaded.atlas->rebuild(48);                                           // A+: text half as large again
  EXPECT_EQ(loaded.atlas->pages().front().get(), first) << "the renderer's texture id stays valid";
  EXPECT_TRUE(first->dirty);
  const PictogramImage* image = loaded.atlas->find("service-03", 48 * 1.9f, false);
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->size, static_cast<int>(std::lround(48 * 1.9f)));
  EXPECT_GT(opaque_pixels(*image), image->size * image->size / 10);
}

TEST(PictogramAtlas, ABadFileIsLeftOutAndNamedAndTheOthersLoad) {
  const fs::path dir = fs::path(PK_TEST_BINARY_DIR) / ("pictograms_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kShipped / "service-03.svg", dir / "service-03.svg", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "service-04.svg") << "<svg><g>";  // cut short
  std::ofstream(dir / "notes.txt") << "not a pictogram";
  auto loaded = PictogramAtlas::load(dir, 32);
  fs::remove_all(dir);
  EXPECT_EQ(loaded.atlas->names(), std::vector<std::string>{"service-03"});
  ASSERT_EQ(loaded.problems.size(), 1U);
  EXPECT_NE(loaded.problems[0].find("service-04.svg"), std::string::npos) << loaded.problems[0];
  EXPECT_EQ(loaded.atlas->find("service-04", 40, false), nullptr) << "no image: the screen shows text alone";
}

TEST(PictogramAtlas, AMissingFolderGivesAnEmptyAtlasAndAProblem) {
  auto loaded = PictogramAtlas::load(fs::path(PK_TEST_BINARY_DIR) / "no-such-folder", 32);
  EXPECT_TRUE(loaded.atlas->names().empty());
  ASSERT_EQ(loaded.problems.size(), 1U);
  EXPECT_NE(loaded.problems[0].find("no-such-folder"), std::string::npos);
  EXPECT_EQ(loaded.atlas->find("service-01", 40, false), nullptr);
}

}  // namespace
}  // namespace pk::ui
