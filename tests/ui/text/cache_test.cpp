// The layout cache: unchanged strings are not reshaped, and its size has a bound.
#include <string>

#include "text_test_support.h"

namespace pk::ui::test {
namespace {

TEST(LayoutCache, SameInputReturnsTheSameObjectWithoutReshaping) {
  auto engine = fresh_engine();
  const TextLayout* first = &engine->layout("خوش آمدید", TextStyle{});
  const TextLayout* second = &engine->layout("خوش آمدید", TextStyle{});
  EXPECT_EQ(first, second);
  EXPECT_EQ(engine->stats().layouts_built, 1U);
  EXPECT_EQ(engine->stats().cache_hits, 1U);
  TextStyle bold;
  bold.weight = Weight::Bold;
  EXPECT_NE(&engine->layout("خوش آمدید", bold), first) << "the style is part of the key";
  EXPECT_EQ(engine->stats().layouts_built, 2U);
}

TEST(LayoutCache, DoesNotGrowWithoutBound) {
  auto engine = fresh_engine();
  engine->set_cache_capacity(16);
  for (int i = 0; i < 200; ++i) (void)engine->layout("شماره " + std::to_string(i), TextStyle{});
  EXPECT_EQ(engine->stats().cached_layouts, 16U);
  EXPECT_EQ(engine->stats().layouts_built, 200U);
  // The oldest was evicted and is shaped again; the newest is still cached.
  (void)engine->layout("شماره 0", TextStyle{});
  EXPECT_EQ(engine->stats().layouts_built, 201U);
  (void)engine->layout("شماره 199", TextStyle{});
  EXPECT_EQ(engine->stats().layouts_built, 201U);
}

TEST(LayoutCache, RecentlyUsedLayoutsSurvive) {
  auto engine = fresh_engine();
  engine->set_cache_capacity(8);
  const TextLayout* title = &engine->layout("عنوان", TextStyle{});
  for (int i = 0; i < 100; ++i) {
    (void)engine->layout("ردیف " + std::to_string(i), TextStyle{});
    EXPECT_EQ(&engine->layout("عنوان", TextStyle{}), title) << "drawn every frame, so never evicted";
  }
  EXPECT_EQ(engine->stats().layouts_built, 101U);
}

TEST(LayoutCache, GlyphsAreRasterisedOncePerSize) {
  auto engine = fresh_engine();
  (void)engine->layout("بببب", TextStyle{});
  const size_t glyphs = engine->stats().atlas_glyphs;
  (void)engine->layout("ببب ببب", TextStyle{});
  EXPECT_EQ(engine->stats().atlas_glyphs, glyphs + 1) << "only the space is new";
  TextStyle big;
  big.size_px = 40;
  (void)engine->layout("بببب", big);
  EXPECT_GT(engine->stats().atlas_glyphs, glyphs + 1);
}

}  // namespace
}  // namespace pk::ui::test
