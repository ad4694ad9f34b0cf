#pragma once
// Result<T>: what a call that can fail returns instead of throwing half-way.
// (C++23's std::expected is not in g++ 12.) An Error carries a message meant for a person
// (a technician or a log reader): it names the file, the field, the value that was wrong; and a
// kind, set where the error arises, meant for the code: a caller that decides what to do (retry,
// tell the technician which fix, word it for a citizen) decides on the kind, never on the text.
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace pk {

enum class ErrorKind : uint8_t {
  Unspecified,       // made with no kind: no caller decides on it (most errors only reach a log)
  NotFound,          // the file, record or device is not there (unplugged, no such file)
  PermissionDenied,  // it is there, but this process may not open it
  Busy,              // another program or request holds it; it may be free later
  Unavailable,       // a service, backend or driver that should answer does not (not running, unreachable)
  Refused,           // the other side answered no, or is not the one we trust: the same request will not pass
  Timeout,           // no answer in the time given
  Malformed,         // input or a reply not in the shape agreed (a bad field, a cut-short reply)
  NoMedia,           // the device answers but has nothing to work on (no paper, card, document or code)
  DeviceFault,       // the device reports a fault (a jam, an open cover)
  Io,                // reading or writing local storage failed (disk full, I/O error)
};

[[nodiscard]] constexpr std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Unspecified:
      return "unspecified";
    case ErrorKind::NotFound:
      return "not-found";
    case ErrorKind::PermissionDenied:
      return "permission-denied";
    case ErrorKind::Busy:
      return "busy";
    case ErrorKind::Unavailable:
      return "unavailable";
    case ErrorKind::Refused:
      return "refused";
    case ErrorKind::Timeout:
      return "timeout";
    case ErrorKind::Malformed:
      return "malformed";
    case ErrorKind::NoMedia:
      return "no-media";
    case ErrorKind::DeviceFault:
      return "device-fault";
    case ErrorKind::Io:
      return "io";
  }
  return "?";
}

struct Error {
  std::string message;
  ErrorKind kind = ErrorKind::Unspecified;
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
inline Error make_error(ErrorKind kind, std::string message) { return Error{std::move(message), kind}; }
// "<context>: <the cause's message>", keeping the cause's kind: the caller higher up still knows
// what went wrong after every layer has said where.
inline Error wrap_error(std::string_view context, const Error& cause) {
  return Error{std::string(context) + ": " + cause.message, cause.kind};
}

}  // namespace pk
