#pragma once
// A failed system call as an Error: "<what> <path>: <the system's reason>", so the message names
// the step that failed (create, write, fsync, close, rename, the folder's fsync), the file, and
// why (No space left on device, Permission denied, ...).
#include <cerrno>
#include <cstring>
#include <string>

#include "domain/result.h"

namespace pk {

// The kind a caller decides on, from the system's error number.
[[nodiscard]] inline ErrorKind error_kind_of_errno(int error_number) {
  switch (error_number) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
      return ErrorKind::NotFound;
    case EACCES:
    case EPERM:
    case EROFS:
      return ErrorKind::PermissionDenied;
    case EBUSY:
    case EAGAIN:
      return ErrorKind::Busy;
    case ETIMEDOUT:
      return ErrorKind::Timeout;
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
      return ErrorKind::Unavailable;
    default:
      return ErrorKind::Io;
  }
}

[[nodiscard]] inline Error system_error(int error_number, const std::string& what, const std::string& path) {
  return make_error(error_kind_of_errno(error_number),
                    what + " " + path + ": " + std::strerror(error_number));
}

}  // namespace pk
