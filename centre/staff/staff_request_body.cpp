#include "centre/staff/staff_request_body.h"

#include "centre/centre_http.h"

namespace pk::centre {

StaffRequestBody::StaffRequestBody(std::string_view text)
    : m_body(nlohmann::json::parse(text, nullptr, false)),
      m_fields(m_body, fields::Place(m_problems, "request")) {}

bool StaffRequestBody::refused(httplib::Response& response) const {
  if (!m_body.is_object()) {
    http::reply_error(response, 400, "the request is not a JSON object");
    return true;
  }
  if (m_problems.ok()) return false;
  http::reply_error(response, 400, m_problems.error().message);
  return true;
}

std::string StaffRequestBody::text(const char* key) const {
  return m_fields.optional_string(key).value_or("");
}

std::optional<int64_t> StaffRequestBody::integer(const char* key, fields::Range range) const {
  auto value = m_fields.optional_integer(key, range);
  // The reader gives 0 for a value it refused: a refused value is none.
  if (!m_fields.ok()) return std::nullopt;
  return value;
}

const nlohmann::json* StaffRequestBody::find(const char* key) const {
  return m_fields.find(key, fields::Presence::Optional);
}

}  // namespace pk::centre
