#pragma once
// Outage notices as the kiosk's welcome screen shows them: which ones, and in what words.
// Dates are real Jalali dates in Iran time; Persian text uses Persian digits.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "domain/language.h"
#include "domain/sla_model.h"

namespace pk::sla {

// How far ahead an upcoming notice is shown: a week covers the 72 hours the agreement asks for.
inline constexpr int64_t kWelcomeHorizonSeconds = 7 * 24 * 3600;

enum class NoticeTiming { Upcoming, Current, Past };
[[nodiscard]] NoticeTiming timing(const Notice& notice, int64_t now_unix);

// Current notices (starts <= now < ends) and upcoming ones starting within `horizon_seconds`,
// soonest first; a notice is shown even if its publication time is "in the future" by our
// clock (our clock may be the one that is wrong).
[[nodiscard]] std::vector<Notice> notices_to_show(std::span<const Notice> notices, int64_t now_unix,
                                                  int64_t horizon_seconds = kWelcomeHorizonSeconds);

// A service's title in a language, by its catalog number; empty when the catalog has none.
using ServiceTitle = std::function<std::string(int number, Language language)>;

// One paragraph: what, when (Jalali date and Iran time), which services, and the centre's text
// in that language (the Persian text when the English one is empty). For example, in English:
//   "Announced outage from 4 Azar 1405 02:00 to 4 Azar 1405 04:00, all services. <text_en>"
// and the same sentence in Persian, with Persian digits, followed by <text_fa>. With `title`,
// services are named as the citizen knows them ("service 3, Residence documents"), at most
// three of them and then how many more; without it, by number.
[[nodiscard]] std::string format_notice(const Notice& notice, Language language, int64_t now_unix,
                                        const ServiceTitle& title = {});

// "۴ آذر ۱۴۰۵ ساعت ۰۲:۰۰" / "4 Azar 1405 02:00" (Iran time).
[[nodiscard]] std::string format_instant(int64_t unix_seconds, Language language);

}  // namespace pk::sla
