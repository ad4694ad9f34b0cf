#include "domain/field_reader.h"

#include "domain/text_normalize.h"

namespace pk::fields {

Place Place::inside(std::string_view path) const {
  return Place(*m_problems, m_where, m_naming, m_prefix + std::string(path) + ".");
}

Place Place::headed(std::string where) const { return Place(*m_problems, std::move(where), m_naming); }

void Place::refuse(std::string_view field, std::string_view problem) const {
  const std::string_view noun = m_naming == Naming::Key ? "key" : "field";
  m_problems->add(m_where + ": " + std::string(noun) + " \"" + m_prefix + std::string(field) +
                  "\": " + std::string(problem));
}

void Place::refuse_whole(std::string_view problem) const {
  m_problems->add(m_where + ": " + std::string(problem));
}

std::string item(std::string_view list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

std::string expected_integer(Range range) {
  const bool unbounded =
      range.max == std::numeric_limits<int64_t>::max() || range.max == std::numeric_limits<int32_t>::max();
  if (range.min == range.max) return std::to_string(range.min);
  if (!unbounded) {
    return "an integer between " + std::to_string(range.min) + " and " + std::to_string(range.max);
  }
  if (range.min == 0) return "a non-negative integer";
  if (range.min == std::numeric_limits<int64_t>::min()) return "an integer";
  return "an integer >= " + std::to_string(range.min);
}

std::optional<int64_t> in_range(const Place& place, std::string_view field, int64_t value, Range range) {
  if (range.holds(value)) return value;
  place.refuse(field, "must be " + expected_integer(range) + ", not " + std::to_string(value));
  return std::nullopt;
}

std::string checked_text(const Place& place, std::string_view field, std::string text, TextRule rule) {
  if (text.size() > rule.max_bytes) {
    place.refuse(field, "must be at most " + std::to_string(rule.max_bytes) + " bytes, not " +
                            std::to_string(text.size()));
    return {};
  }
  if (rule.emptiness == Emptiness::Refuse && normalize_for_storage(text).empty()) {
    place.refuse(field, "must not be empty");
    return {};
  }
  return text;
}

std::string not_one_of(std::string_view text, std::span<const std::string_view> words) {
  std::string allowed;
  for (std::string_view word : words) allowed += (allowed.empty() ? "" : ", ") + std::string(word);
  return "\"" + std::string(text) + "\" is not one of: " + allowed;
}

}  // namespace pk::fields
