#pragma once
// The one way Pishkhan reads validated fields from outside input, whatever the format: the
// catalog and the outage notices (JSON), the wire formats both sides speak (JSON), the kiosk's
// configuration (TOML). A format adaptor (domain/json_fields.h, kiosk/toml_fields.h) finds the
// value and says what it found; everything else is here, so every reader words a problem the
// same way and names the field by its path:
//
//   data/catalog.json: service 3: field "documents[0].pages": must be an integer between 1 and 1000, not 0
//   test.toml: key "terminal.number": must be an integer between 1 and 9999, not 10000
//
// The first problem is kept and reported; reads after it are no-ops that return a default, so a
// parser reads field after field without checking each one, and nothing is thrown.
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::fields {

// How a document calls its fields in messages: JSON documents have fields, TOML settings keys.
enum class Naming { Field, Key };
enum class Emptiness { Allow, Refuse };

// The first problem found in one document.
class Problems {
 public:
  [[nodiscard]] bool ok() const { return m_first.empty(); }
  void add(std::string message) {
    if (ok()) m_first = std::move(message);
  }
  // Input not in the agreed shape: ErrorKind::Malformed, whatever the format.
  [[nodiscard]] Error error() const { return Error{m_first, ErrorKind::Malformed}; }

 private:
  std::string m_first;
};

// Where fields are being read: what messages start with ("data/catalog.json: service 7"), the
// path of the enclosing object ("documents[0]."), and the problems they go to. Cheap to copy.
class Place {
 public:
  Place(Problems& problems, std::string where, Naming naming = Naming::Field, std::string prefix = {})
      : m_problems(&problems), m_where(std::move(where)), m_naming(naming), m_prefix(std::move(prefix)) {}

  // The place of an object inside this one: its fields are named "<path>.<key>".
  [[nodiscard]] Place inside(std::string_view path) const;
  // The same document seen from another heading (a service named by its number).
  [[nodiscard]] Place headed(std::string where) const;

  [[nodiscard]] bool ok() const { return m_problems->ok(); }
  [[nodiscard]] const std::string& where() const { return m_where; }

  // "<where>: field \"<prefix><field>\": <problem>"
  void refuse(std::string_view field, std::string_view problem) const;
  // "<where>: <problem>", for a problem of the whole object.
  void refuse_whole(std::string_view problem) const;

 private:
  Problems* m_problems;
  std::string m_where;
  Naming m_naming;
  std::string m_prefix;
};

// "items[3]": the path of one element of a list.
[[nodiscard]] std::string item(std::string_view list, std::size_t index);

struct Range {
  int64_t min = std::numeric_limits<int64_t>::min();
  int64_t max = std::numeric_limits<int64_t>::max();
  [[nodiscard]] static constexpr Range at_least(int64_t min) { return Range{min}; }
  [[nodiscard]] constexpr bool holds(int64_t value) const { return value >= min && value <= max; }
};
// "an integer between 1 and 9999", "an integer >= 1", "a non-negative integer", or "1" for a range
// of one value (a format's version); a maximum that is only the type's own limit is not said.
[[nodiscard]] std::string expected_integer(Range range);

// An integer the adaptor found; refused with "must be <expected>, not <value>" when outside.
[[nodiscard]] std::optional<int64_t> in_range(const Place& place, std::string_view field, int64_t value,
                                              Range range);

struct TextRule {
  Emptiness emptiness = Emptiness::Allow;  // Refuse: blank after trimming is refused too
  std::size_t max_bytes = std::numeric_limits<std::size_t>::max();
};
// A string the adaptor found, checked against the rule.
[[nodiscard]] std::string checked_text(const Place& place, std::string_view field, std::string text,
                                       TextRule rule);

// One of a fixed set of words, each standing for an enum value.
template <class E>
struct Choice {
  std::string_view word;
  E value;
};
// "\"serial\" is not one of: simulated, usb, network, none"
[[nodiscard]] std::string not_one_of(std::string_view text, std::span<const std::string_view> words);

template <class E, std::size_t N>
[[nodiscard]] std::optional<E> choose(const Place& place, std::string_view field, std::string_view text,
                                      const Choice<E> (&choices)[N]) {
  std::string_view words[N];
  for (std::size_t i = 0; i < N; ++i) {
    if (choices[i].word == text) return choices[i].value;
    words[i] = choices[i].word;
  }
  place.refuse(field, not_one_of(text, words));
  return std::nullopt;
}

}  // namespace pk::fields
