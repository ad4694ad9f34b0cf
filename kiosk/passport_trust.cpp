#include "kiosk/passport_trust.h"

#include <spdlog/spdlog.h>

#include "base/read_file.h"

namespace pk::kiosk {

std::optional<cardreader::icao::CscaMasterList> load_csca_master_list(const std::filesystem::path& data_dir) {
  const std::filesystem::path path = csca_master_list_path(data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  auto text = read_file(path, cardreader::icao::kMaxMasterListBytes);
  if (!text) {
    spdlog::error("CSCA master list {}: {}", path.string(), text.error().message);
    return std::nullopt;
  }
  auto list = cardreader::icao::parse_master_list(*text);
  if (!list) {
    spdlog::error("CSCA master list {}: {}", path.string(), list.error().message);
    return std::nullopt;
  }
  return std::move(list.value());
}

}  // namespace pk::kiosk
