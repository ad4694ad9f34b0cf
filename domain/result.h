#pragma once
// Result<T>: what a call that can fail returns instead of throwing half-way.
// (C++23's std::expected is not in g++ 12.) An Error carries a message meant for a person
// (a technician or a log reader): it names the file, the field, the value that was wrong.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace pk {

struct Error {
  std::string message;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_state(std::move(value)) {}
  Result(Error error) : m_state(std::move(error)) {}

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] T& value() & {
    assert(ok());
    return std::get<T>(m_state);
  }
  [[nodiscard]] const T& value() const& {
    assert(ok());
    return std::get<T>(m_state);
  }
  // On a temporary, value() moves the value out: `const auto& x = f().value();` cannot dangle.
  [[nodiscard]] T value() && {
    assert(ok());
    return std::get<T>(std::move(m_state));
  }
  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return std::get<Error>(m_state);
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_failed(true) {}

  [[nodiscard]] bool ok() const { return !m_failed; }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] const Error& error() const {
    assert(m_failed);
    return m_error;
  }

 private:
  Error m_error;
  bool m_failed = false;
};

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace pk
