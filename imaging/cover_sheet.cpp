#include "imaging/cover_sheet.h"

#include <algorithm>
#include <charconv>

#include "domain/tracking_code.h"

namespace pk::imaging {
namespace {

bool is_id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}
bool is_type_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

Result<void> check_field(std::string_view value, std::string_view what, bool (*allowed)(char)) {
  if (value.empty()) return make_error("cover sheet: empty " + std::string(what));
  if (value.size() > kCoverSheetFieldMax) {
    return make_error("cover sheet: " + std::string(what) + " longer than " +
                      std::to_string(kCoverSheetFieldMax));
  }
  if (!std::all_of(value.begin(), value.end(), allowed)) {
    return make_error("cover sheet: " + std::string(what) + " has a character outside its alphabet");
  }
  return {};
}

}  // namespace

Result<CoverSheet> parse_cover_sheet(std::string_view payload) {
  if (!payload.starts_with(kCoverSheetMagic)) return make_error("not a cover sheet (no PKSH prefix)");
  std::string_view rest = payload.substr(kCoverSheetMagic.size());
  const auto bar = rest.find('|');
  const std::string_view version_text = rest.substr(0, bar);
  int version = 0;
  const auto parsed =
      std::from_chars(version_text.data(), version_text.data() + version_text.size(), version);
  if (version_text.empty() || version_text.size() > 4 || parsed.ec != std::errc{} ||
      parsed.ptr != version_text.data() + version_text.size() ||
      (version_text.size() > 1 && version_text[0] == '0')) {
    return make_error("cover sheet: bad version \"" + std::string(version_text.substr(0, 8)) + "\"");
  }
  if (version != kCoverSheetVersion) {
    return make_error("cover sheet version " + std::to_string(version) +
                      " is not supported (this terminal reads " + std::to_string(kCoverSheetVersion) + ")");
  }
  if (bar == std::string_view::npos) return make_error("cover sheet: no fields");
  rest = rest.substr(bar + 1);
  const auto second = rest.find('|');
  if (second == std::string_view::npos) return make_error("cover sheet: 2 fields expected, 1 found");
  CoverSheet sheet{std::string(rest.substr(0, second)), std::string(rest.substr(second + 1))};
  if (sheet.document_type.find('|') != std::string::npos)
    return make_error("cover sheet: more than 2 fields");
  if (auto ok = check_field(sheet.application_id, "application id", is_id_char); !ok) return ok.error();
  if (auto ok = check_field(sheet.document_type, "document type", is_type_char); !ok) return ok.error();
  return sheet;
}

Result<std::string> format_cover_sheet(const CoverSheet& sheet) {
  if (auto ok = check_field(sheet.application_id, "application id", is_id_char); !ok) return ok.error();
  if (auto ok = check_field(sheet.document_type, "document type", is_type_char); !ok) return ok.error();
  return std::string(kCoverSheetMagic) + std::to_string(kCoverSheetVersion) + "|" + sheet.application_id +
         "|" + sheet.document_type;
}

CodeKind classify_code(std::string_view payload) {
  if (payload.starts_with(kCoverSheetMagic)) {
    return parse_cover_sheet(payload) ? CodeKind::CoverSheet : CodeKind::BrokenCoverSheet;
  }
  // Only the bare 14 digits a receipt's barcode carries; typed forms with dashes are for people.
  if (payload.size() == kTrackingCodeDigits &&
      std::all_of(payload.begin(), payload.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      parse_tracking_code(payload)) {
    return CodeKind::TrackingCode;
  }
  return CodeKind::Foreign;
}

}  // namespace pk::imaging
