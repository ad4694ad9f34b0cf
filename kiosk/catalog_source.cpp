#include "kiosk/catalog_source.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

namespace pk::kiosk {

namespace {

Result<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(file.string() + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<catalog::Catalog> read_catalog(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) return text.error();
  return catalog::parse_catalog(*text, file.string());
}

// Write then rename, with an fsync of the file and its folder, so a power cut leaves either
// the old last-good catalog or the new one, never a torn file.
Result<void> write_atomically(const std::filesystem::path& file, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const std::filesystem::path partial = file.string() + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return make_error(partial.string() + ": cannot write (disk full?)");
  }
  if (FILE* f = std::fopen(partial.c_str(), "rb")) {
    ::fsync(fileno(f));
    std::fclose(f);
  }
  std::filesystem::rename(partial, file, ec);
  if (ec) return make_error(file.string() + ": cannot replace: " + ec.message());
  return {};
}

}  // namespace

Result<LoadedCatalog> load_catalog(const std::filesystem::path& candidate,
                                   const std::filesystem::path& last_good) {
  LoadedCatalog loaded;
  std::optional<catalog::Catalog> good;
  if (std::filesystem::exists(last_good)) {
    auto kept = read_catalog(last_good);
    if (kept)
      good = std::move(kept.value());
    else
      loaded.refusals.push_back(kept.error().message);
  }

  auto offered = read_catalog(candidate);
  if (offered && (!good || offered->version >= good->version)) {
    if (!good || offered->version > good->version) {
      auto text = read_file(candidate);
      if (text) {
        auto written = write_atomically(last_good, *text);
        if (!written) loaded.refusals.push_back(written.error().message);
      }
    }
    loaded.catalog = std::move(offered.value());
    loaded.from = candidate;
    return loaded;
  }
  if (!offered)
    loaded.refusals.push_back(offered.error().message);
  else
    loaded.refusals.push_back(candidate.string() + ": version " + std::to_string(offered->version) +
                              " is older than the catalog in use (version " + std::to_string(good->version) +
                              "); keeping the newer one");
  if (!good) {
    std::string why;
    for (const std::string& r : loaded.refusals) why += "\n  " + r;
    return make_error("no usable service catalog:" + why);
  }
  loaded.catalog = std::move(*good);
  loaded.from = last_good;
  return loaded;
}

}  // namespace pk::kiosk
