#include "domain/catalog.h"

#include <algorithm>

namespace pk::catalog {

const std::string& LocalText::in(Language l) const {
  return persian_or_english(l) == Language::English ? en : fa;
}

bool Service::offered_at(Channel c) const {
  return std::find(channels.begin(), channels.end(), c) != channels.end();
}

bool Service::is_sample(std::string_view field) const {
  return std::find(sample_fields.begin(), sample_fields.end(), field) != sample_fields.end();
}

std::string Service::pictogram_name() const {
  if (!pictogram.empty()) return pictogram;
  std::string digits = std::to_string(number);
  if (digits.size() < 2) digits.insert(0, 2 - digits.size(), '0');
  return "service-" + digits;
}

const Service* Catalog::find(int number) const {
  // Validated catalogs are numbered 1..N in order, so the number is the index; the check
  // keeps a hand-built Catalog (as in tests) from being misread.
  if (number >= 1 && static_cast<std::size_t>(number) <= services.size() &&
      services[static_cast<std::size_t>(number - 1)].number == number) {
    return &services[static_cast<std::size_t>(number - 1)];
  }
  const auto it =
      std::find_if(services.begin(), services.end(), [&](const Service& s) { return s.number == number; });
  return it == services.end() ? nullptr : &*it;
}

const Office* Catalog::office(std::string_view id) const {
  const auto it = std::find_if(offices.begin(), offices.end(), [&](const Office& o) { return o.id == id; });
  return it == offices.end() ? nullptr : &*it;
}

const std::vector<std::string_view>& service_field_names() {
  static const std::vector<std::string_view> names = {
      "number", "office_id", "title",    "channels",      "steps",         "documents",
      "forms",  "fee_rials", "approver", "handling_days", "credit_policy", "dispute"};
  return names;
}

}  // namespace pk::catalog
