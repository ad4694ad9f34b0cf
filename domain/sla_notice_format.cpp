#include "domain/sla_notice_format.h"

#include <algorithm>
#include <cstdio>

#include "domain/jalali.h"
#include "domain/text_normalize.h"

namespace pk::sla {
namespace {

std::string clock_time(int64_t unix_seconds) {
  const int64_t local = unix_seconds + jalali::kIranUtcOffsetSeconds;
  const int64_t second_of_day = ((local % 86400) + 86400) % 86400;
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60));
  return text;
}

// How many services a notice names before it says "and N more": a band, not a list.
constexpr size_t kNamedServices = 3;

std::string services_text(const ServiceScope& services, Language language, const ServiceTitle& title) {
  const bool persian = persian_or_english(language) == Language::Persian;
  if (services.is_all()) return persian ? "همه خدمات" : "all services";
  if (title) {
    std::string list;
    size_t named = 0;
    for (int n : services.numbers()) {
      if (named == kNamedServices) break;
      if (!list.empty()) list += persian ? "؛ " : "; ";
      const std::string number = persian ? to_persian_digits(std::to_string(n)) : std::to_string(n);
      const std::string name = title(n, language);
      list += (persian ? "خدمت " : "service ") + number;
      if (!name.empty()) list += " (" + name + ")";
      ++named;
    }
    if (const size_t more = services.numbers().size() - named; more > 0) {
      const std::string count = std::to_string(more);
      list += persian ? " و " + to_persian_digits(count) + " خدمت دیگر"
                      : " and " + count + (more == 1 ? " more service" : " more services");
    }
    return list;
  }
  std::string list;
  for (int n : services.numbers()) {
    if (!list.empty()) list += persian ? "، " : ", ";
    list += std::to_string(n);
  }
  if (persian)
    return (services.numbers().size() == 1 ? "خدمت شماره " : "خدمات شماره ") + to_persian_digits(list);
  return (services.numbers().size() == 1 ? "service " : "services ") + list;
}

}  // namespace

NoticeTiming timing(const Notice& notice, int64_t now_unix) {
  if (now_unix < notice.starts_unix) return NoticeTiming::Upcoming;
  if (now_unix < notice.ends_unix) return NoticeTiming::Current;
  return NoticeTiming::Past;
}

std::vector<Notice> notices_to_show(std::span<const Notice> notices, int64_t now_unix,
                                    int64_t horizon_seconds) {
  std::vector<Notice> shown;
  for (const Notice& notice : notices) {
    const NoticeTiming when = timing(notice, now_unix);
    if (when == NoticeTiming::Current ||
        (when == NoticeTiming::Upcoming && notice.starts_unix - now_unix <= horizon_seconds)) {
      shown.push_back(notice);
    }
  }
  std::stable_sort(shown.begin(), shown.end(),
                   [](const Notice& a, const Notice& b) { return a.starts_unix < b.starts_unix; });
  return shown;
}

std::string format_instant(int64_t unix_seconds, Language language) {
  const std::string date =
      jalali::format_jalali(jalali::from_unix(unix_seconds), language, jalali::DateStyle::Long);
  if (is_rtl(language)) return date + " ساعت " + to_persian_digits(clock_time(unix_seconds));
  return date + " " + clock_time(unix_seconds);
}

std::string format_notice(const Notice& notice, Language language, int64_t now_unix,
                          const ServiceTitle& title) {
  const bool persian = persian_or_english(language) == Language::Persian;
  const std::string& body = persian || notice.text_en.empty() ? notice.text_fa : notice.text_en;
  std::string text;
  const NoticeTiming when = timing(notice, now_unix);
  if (when == NoticeTiming::Current) {
    text = persian ? "قطعی در جریان تا " : "Outage in progress until ";
  } else {
    if (when == NoticeTiming::Upcoming) {
      text = persian ? "قطعی اعلام‌شده از " : "Announced outage from ";
    } else {
      text = persian ? "قطعی گذشته از " : "Past outage from ";
    }
    text += format_instant(notice.starts_unix, language);
    text += persian ? " تا " : " to ";
  }
  text += format_instant(notice.ends_unix, language);
  text += persian ? "، " : ", ";
  text += services_text(notice.services, language, title);
  text += ". ";
  text += body;
  return text;
}

}  // namespace pk::sla
