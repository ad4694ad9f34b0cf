#include "ui/pictograms/pictogram_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>

namespace pk::ui {
PictogramAtlas::Loaded PictogramAtlas::load(const std::filesystem::path& folder, float body_px,
                                            const std::vector<std::string>& mirrored) {
  Loaded loaded;
  loaded.atlas = std::make_unique<PictogramAtlas>();
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().extension() == ".svg") files.push_back(entry.path());
  if (ec) {
    loaded.problems.push_back(folder.string() + ": cannot read the pictogram folder: " + ec.message());
    return loaded;
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    // Read at most one byte more than allowed: enough for parse() to tell a file too large.
    const auto size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    std::string bytes(ec ? 0 : std::min<std::uintmax_t>(size, SvgDocument::kMaxBytes + 1), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (ec || !in) {
      loaded.problems.push_back(file.string() + ": cannot be read" + (ec ? ": " + ec.message() : ""));
      ec.clear();
      continue;
    }
    auto document = SvgDocument::parse(bytes, file.string());
    if (!document) {
      loaded.problems.push_back(document.error().message);
      continue;
    }
    std::string name = file.stem().string();
    const bool mirrors = std::find(mirrored.begin(), mirrored.end(), name) != mirrored.end();
    loaded.atlas->add(std::move(name), std::move(document.value()), mirrors ? Mirror::Yes : Mirror::No);
  }
  loaded.atlas->rebuild(body_px);
  return loaded;
}

void PictogramAtlas::add(std::string name, SvgDocument document, Mirror mirror_in_rtl) {
  m_entries.push_back(Entry{std::move(name), std::move(document), mirror_in_rtl, {}, {}});
  m_body_px = 0;  // drawn again at the next rebuild
}

void PictogramAtlas::rebuild(float body_px) {
  if (body_px == m_body_px) return;
  m_body_px = body_px;
  m_pages.clear();
  for (size_t s = 0; s < kSizesPerBodyPx.size(); ++s) {
    const int size = std::clamp(static_cast<int>(std::lround(body_px * kSizesPerBodyPx[s])), 1,
                                std::min(SvgDocument::kMaxPixels, kPageSize - 2 * AtlasPages::kPadding));
    for (Entry& entry : m_entries) {
      entry.images[s] = place(entry.document, size, Mirror::No);
      entry.mirrored[s] =
          entry.mirror_in_rtl == Mirror::Yes ? place(entry.document, size, Mirror::Yes) : entry.images[s];
    }
  }
}

PictogramImage PictogramAtlas::place(const SvgDocument& document, int size, Mirror mirror) {
  auto ink = document.coverage(size, mirror);
  if (!ink) return {};  // parse() drew it once already; a size it cannot draw is left empty
  const AtlasPages::Spot spot = m_pages.allocate(size, size);
  if (!spot.page) return {};
  AtlasPages::put_coverage(spot, size, size, ink->data(), size);
  return {spot.page, spot.x, spot.y, size};
}

const PictogramImage* PictogramAtlas::find(std::string_view name, float wanted_px, bool rtl) const {
  const auto entry =
      std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.name == name; });
  if (entry == m_entries.end()) return nullptr;
  size_t best = 0;
  for (size_t s = 1; s < kSizesPerBodyPx.size(); ++s)
    if (std::fabs(static_cast<float>(entry->images[s].size) - wanted_px) <
        std::fabs(static_cast<float>(entry->images[best].size) - wanted_px))
      best = s;
  const PictogramImage& image = rtl ? entry->mirrored[best] : entry->images[best];
  return image.page ? &image : nullptr;
}

bool PictogramAtlas::has(std::string_view name) const {
  return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.name == name; });
}

std::vector<std::string> PictogramAtlas::names() const {
  std::vector<std::string> out;
  for (const Entry& e : m_entries) out.push_back(e.name);
  return out;
}

}  // namespace pk::ui
