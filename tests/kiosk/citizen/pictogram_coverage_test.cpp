// Every service of the shipped catalog and every main action of the citizen screens has a
// pictogram in data/pictograms that librsvg loads (a real load, as the kiosk does at start) and
// that the atlas holds with ink, in both directions.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "domain/catalog.h"
#include "kiosk/citizen/screens/pictogram_names.h"
#include "ui/pictograms/pictogram_atlas.h"

namespace {

namespace fs = std::filesystem;
const fs::path kFolder = fs::path(PK_SOURCE_DATA_DIR) / "pictograms";

pk::catalog::Catalog shipped_catalog() {
  std::ifstream in(fs::path(PK_SOURCE_DATA_DIR) / "catalog.json");
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = pk::catalog::parse_catalog(text.str(), "catalog.json");
  if (!parsed) ADD_FAILURE() << parsed.error().message;
  return parsed ? parsed.value() : pk::catalog::Catalog{};
}

int opaque_pixels(const pk::ui::PictogramImage& image) {
  int n = 0;
  for (int y = image.y; y < image.y + image.size; ++y)
    for (int x = image.x; x < image.x + image.size; ++x)
      if ((image.page->rgba[static_cast<size_t>(y) * pk::ui::PictogramAtlas::kPageSize + x] >> 24) > 128) ++n;
  return n;
}

void expect_drawn(const pk::ui::PictogramAtlas& atlas, const std::string& name) {
  SCOPED_TRACE(name);
  EXPECT_TRUE(fs::exists(kFolder / (name + ".svg")));
  for (bool rtl : {false, true}) {
    const pk::ui::PictogramImage* image = atlas.find(name, 60, rtl);
    ASSERT_NE(image, nullptr) << "no pictogram " << name;
    EXPECT_GT(opaque_pixels(*image), image->size * image->size / 10);
  }
}

TEST(Pictograms, EveryShippedServiceHasItsOwn) {
  const pk::catalog::Catalog catalog = shipped_catalog();
  ASSERT_EQ(catalog.services.size(), 23U);
  const std::vector<std::string> mirrored(pk::kiosk::pictograms::kMirroredInRtl.begin(),
                                          pk::kiosk::pictograms::kMirroredInRtl.end());
  auto loaded = pk::ui::PictogramAtlas::load(kFolder, 32, mirrored);
  for (const std::string& problem : loaded.problems) ADD_FAILURE() << problem;
  std::set<std::string> names;
  for (const pk::catalog::Service& service : catalog.services) {
    EXPECT_FALSE(service.pictogram.empty()) << "service " << service.number << " names no pictogram";
    expect_drawn(*loaded.atlas, service.pictogram_name());
    names.insert(service.pictogram_name());
  }
  EXPECT_EQ(names.size(), catalog.services.size()) << "two services share a pictogram";
}

TEST(Pictograms, EveryMainActionHasOne) {
  const std::vector<std::string> mirrored(pk::kiosk::pictograms::kMirroredInRtl.begin(),
                                          pk::kiosk::pictograms::kMirroredInRtl.end());
  auto loaded = pk::ui::PictogramAtlas::load(kFolder, 32, mirrored);
  for (const std::string& problem : loaded.problems) ADD_FAILURE() << problem;
  for (std::string_view action : pk::kiosk::pictograms::kActions)
    expect_drawn(*loaded.atlas, std::string(action));
  // Arrows turn round on a right-to-left screen: a different image.
  for (std::string_view arrow : pk::kiosk::pictograms::kMirroredInRtl) {
    const pk::ui::PictogramImage* ltr = loaded.atlas->find(arrow, 40, false);
    const pk::ui::PictogramImage* rtl = loaded.atlas->find(arrow, 40, true);
    ASSERT_TRUE(ltr && rtl) << arrow;
    EXPECT_NE(std::pair(ltr->x, ltr->y), std::pair(rtl->x, rtl->y)) << arrow << ": an image of its own";
  }
}

}  // namespace
