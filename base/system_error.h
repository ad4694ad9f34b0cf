#pragma once
// A failed system call as an Error: "<what> <path>: <the system's reason>", so the message names
// the step that failed (create, write, fsync, close, rename, the folder's fsync), the file, and
// why (No space left on device, Permission denied, ...).
#include <cstring>
#include <string>

#include "domain/result.h"

namespace pk {

[[nodiscard]] inline Error system_error(int error_number, const std::string& what, const std::string& path) {
  return make_error(what + " " + path + ": " + std::strerror(error_number));
}

}  // namespace pk
