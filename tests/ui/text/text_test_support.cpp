#include "text_test_support.h"

#include <hb.h>
#include <png.h>

#include <cstdio>
#include <memory>

namespace pk::ui::test {

TextEngine& shared_engine() {
  static std::unique_ptr<TextEngine> engine = fresh_engine();
  return *engine;
}

std::unique_ptr<TextEngine> fresh_engine() {
  Result<std::unique_ptr<TextEngine>> created = TextEngine::create(FontPaths::debian_noto());
  if (!created) {
    std::fprintf(stderr, "cannot create the text engine: %s\n", created.error().message.c_str());
    std::abort();
  }
  return std::move(created).value();
}

namespace {
struct HbFont {
  explicit HbFont(const std::string& file) {
    hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    font = hb_font_create(face);
    upem = static_cast<int>(hb_face_get_upem(face));
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  ~HbFont() { hb_font_destroy(font); }
  HbFont(const HbFont&) = delete;
  HbFont& operator=(const HbFont&) = delete;
  hb_font_t* font;
  int upem;
};
}  // namespace

std::vector<RefGlyph> reference_shape(const std::string& font_file, const std::string& utf8) {
  HbFont font(font_file);
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), 0, -1);
  hb_buffer_set_language(buffer, hb_language_from_string("fa", -1));
  hb_buffer_guess_segment_properties(buffer);
  hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
  hb_shape(font.font, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
  std::vector<RefGlyph> glyphs;
  for (unsigned i = 0; i < count; ++i) glyphs.push_back(RefGlyph{infos[i].codepoint, positions[i].x_advance});
  hb_buffer_destroy(buffer);
  return glyphs;
}

uint32_t nominal_glyph(const std::string& font_file, char32_t cp) {
  HbFont font(font_file);
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font.font, cp, &glyph) ? glyph : 0;
}

int units_per_em(const std::string& font_file) { return HbFont(font_file).upem; }

std::vector<uint32_t> visual_clusters(const TextLayout& layout, size_t line) {
  std::vector<uint32_t> clusters;
  const TextLine& l = layout.lines.at(line);
  for (uint32_t g = l.first_glyph; g < l.first_glyph + l.glyph_count; ++g)
    clusters.push_back(layout.glyphs[g].cluster);
  return clusters;
}

int visual_position(const TextLayout& layout, uint32_t cluster, size_t line) {
  const std::vector<uint32_t> clusters = visual_clusters(layout, line);
  for (size_t i = 0; i < clusters.size(); ++i) {
    if (clusters[i] == cluster) return static_cast<int>(i);
  }
  return -1;
}

std::vector<PositionedGlyph> glyphs_of(const TextLayout& layout, uint32_t cluster) {
  std::vector<PositionedGlyph> out;
  for (const PositionedGlyph& glyph : layout.glyphs) {
    if (glyph.cluster == cluster) out.push_back(glyph);
  }
  return out;
}

bool write_png(const std::string& path, const std::vector<uint8_t>& gray, int width, int height) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return false;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    std::fclose(file);
    return false;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<uint8_t> row(static_cast<size_t>(width));
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x)
      row[x] = static_cast<uint8_t>(255 - gray[static_cast<size_t>(y) * width + x]);
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
  return true;
}

}  // namespace pk::ui::test
