#pragma once
// Validated<T, E>: the outcome of checking what a person typed: the clean value, or an error
// enum that the UI turns into words in the citizen's language (see describe() next to each E).
// Unlike pk::Result, whose Error is a message for technicians, the error here is a code.
#include <cassert>
#include <utility>
#include <variant>

namespace pk {

template <class T, class E>
class [[nodiscard]] Validated {
 public:
  Validated(T value) : m_state(std::move(value)) {}
  Validated(E error) : m_state(error) {}

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const T& value() const {
    assert(ok());
    return std::get<T>(m_state);
  }
  [[nodiscard]] E error() const {
    assert(!ok());
    return std::get<E>(m_state);
  }

 private:
  std::variant<T, E> m_state;
};

}  // namespace pk
