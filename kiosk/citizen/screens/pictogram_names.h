#pragma once
// The pictograms of the citizen screens' main actions: data/pictograms/<name>.svg. A service's
// comes from the catalog (catalog::Service::pictogram_name()).
#include <array>
#include <string_view>

namespace pk::kiosk::pictograms {

inline constexpr std::string_view kStart = "action-start";
inline constexpr std::string_view kBack = "action-back";
inline constexpr std::string_view kHome = "action-home";
inline constexpr std::string_view kSearch = "action-search";
inline constexpr std::string_view kApply = "action-apply";
inline constexpr std::string_view kStatus = "action-status";
inline constexpr std::string_view kReport = "action-report";
inline constexpr std::string_view kScan = "action-scan";
inline constexpr std::string_view kContinue = "action-continue";
inline constexpr std::string_view kPrint = "action-print";
inline constexpr std::string_view kLanguage = "action-language";
inline constexpr std::string_view kHelp = "action-help";
inline constexpr std::string_view kSpeaker = "action-speaker";

inline constexpr std::array kActions = {kStart, kBack,     kHome,  kSearch,   kApply, kStatus, kReport,
                                        kScan,  kContinue, kPrint, kLanguage, kHelp,  kSpeaker};

// Arrows point the way the screen reads: flipped on a right-to-left screen.
inline constexpr std::array kMirroredInRtl = {kBack, kContinue};

}  // namespace pk::kiosk::pictograms
