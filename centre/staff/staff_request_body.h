#pragma once
// The JSON body of a staff console request, read by the shared field reader
// (domain/json_fields.h), so a field sent with the wrong type is refused in the same words as
// everywhere else: 400, "request: field \"username\": must be a string, not the number 5".
// The console's forms leave a blank field out, so a field that is missing reads as absent
// (an empty string) and the route's own checks name it with a 422 the form can show beside it.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/json_fields.h"

namespace pk::centre {

class StaffRequestBody {
 public:
  explicit StaffRequestBody(std::string_view text);
  StaffRequestBody(const StaffRequestBody&) = delete;  // the reader keeps references into this object
  StaffRequestBody& operator=(const StaffRequestBody&) = delete;

  // True after replying 400 when the body is not a JSON object or a field read so far was of
  // another type: call once before the reads and once after them.
  [[nodiscard]] bool refused(httplib::Response& response) const;

  // The string at key; empty when it is missing or null.
  [[nodiscard]] std::string text(const char* key) const;
  // The integer at key within range; nullopt when it is missing or null.
  [[nodiscard]] std::optional<int64_t> integer(const char* key, fields::Range range) const;
  // The value at key, whatever its type; nullptr when it is missing or null.
  [[nodiscard]] const nlohmann::json* find(const char* key) const;

 private:
  nlohmann::json m_body;
  fields::Problems m_problems;
  fields::JsonFields m_fields;
};

}  // namespace pk::centre
