#include "protocol/enrollment_wire.h"

#include <nlohmann/json.hpp>

#include "domain/json_fields.h"

namespace pk::enroll {
namespace {

using fields::JsonFields;
using fields::TextRule;
using nlohmann::json;

// A document of at most kMaxEnrollDocumentBytes that is a JSON object; its fields are read by
// the shared field reader, which names the one that is wrong ("enrollment reply: field \"office\"...").
Result<json> parse_object(std::string_view text, std::string_view what) {
  if (text.size() > kMaxEnrollDocumentBytes)
    return make_error(ErrorKind::Malformed, std::string(what) + ": larger than " +
                                                std::to_string(kMaxEnrollDocumentBytes) + " bytes");
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object())
    return make_error(ErrorKind::Malformed, std::string(what) + ": not a JSON object");
  return document;
}

void check_version(const JsonFields& r) {
  (void)r.integer("version", fields::Range{kEnrollVersion, kEnrollVersion});
}

// A string field that must hold something, of at most max_bytes.
std::string text_field(const JsonFields& r, const char* name, size_t max_bytes) {
  return r.string(name, TextRule{fields::Emptiness::Refuse, max_bytes});
}

bool is_pem(const std::string& text, std::string_view label) {
  return text.starts_with("-----BEGIN " + std::string(label) + "-----") &&
         text.find("-----END " + std::string(label) + "-----") != std::string::npos;
}

// The terminal id and the office name folders and certificates: no control character, no slash.
bool is_name(const std::string& text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\') return false;
  return true;
}

}  // namespace

std::string_view to_string(EnrollRefusal refusal) {
  switch (refusal) {
    case EnrollRefusal::MistypedCode:
      return "mistyped_code";
    case EnrollRefusal::UnknownCode:
      return "unknown_code";
    case EnrollRefusal::UsedCode:
      return "used_code";
    case EnrollRefusal::ExpiredCode:
      return "expired_code";
    case EnrollRefusal::BadRequest:
      return "bad_request";
  }
  return "bad_request";
}

EnrollRefusal refusal_from_string(std::string_view reason) {
  for (auto refusal : {EnrollRefusal::MistypedCode, EnrollRefusal::UnknownCode, EnrollRefusal::UsedCode,
                       EnrollRefusal::ExpiredCode})
    if (reason == to_string(refusal)) return refusal;
  return EnrollRefusal::BadRequest;
}

std::string to_json(const EnrollRequest& request) {
  return json{{"version", kEnrollVersion}, {"code", request.code}, {"csr_pem", request.csr_pem}}.dump();
}

Result<EnrollRequest> parse_enroll_request(std::string_view text) {
  auto document = parse_object(text, "enrollment request");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "enrollment request"));
  check_version(r);
  EnrollRequest request;
  request.code = text_field(r, "code", 64);
  request.csr_pem = text_field(r, "csr_pem", 16 * 1024);
  if (r.ok() && !is_pem(request.csr_pem, "CERTIFICATE REQUEST"))
    r.place().refuse("csr_pem", "must be a PEM certificate request");
  if (!problems.ok()) return problems.error();
  return request;
}

std::string to_json(const EnrollReply& reply) {
  return json{{"version", kEnrollVersion},
              {"terminal_id", reply.terminal_id},
              {"office", reply.office},
              {"terminal_number", reply.terminal_number},
              {"client_cert_pem", reply.client_cert_pem},
              {"ca_cert_pem", reply.ca_cert_pem},
              {"catalog_public_key", reply.catalog_public_key},
              {"seal_public_key_hex", reply.seal_public_key_hex}}
      .dump();
}

Result<EnrollReply> parse_enroll_reply(std::string_view text) {
  auto document = parse_object(text, "enrollment reply");
  if (!document) return document.error();
  fields::Problems problems;
  const JsonFields r(*document, fields::Place(problems, "enrollment reply"));
  check_version(r);
  EnrollReply reply;
  reply.terminal_id = text_field(r, "terminal_id", 64);
  reply.office = text_field(r, "office", 64);
  reply.terminal_number = static_cast<int>(r.integer("terminal_number", fields::Range{1, 9999}));
  reply.client_cert_pem = text_field(r, "client_cert_pem", 8 * 1024);
  reply.ca_cert_pem = text_field(r, "ca_cert_pem", 8 * 1024);
  reply.catalog_public_key = text_field(r, "catalog_public_key", 44);
  reply.seal_public_key_hex = text_field(r, "seal_public_key_hex", 64);
  const fields::Place& place = r.place();
  if (r.ok() && !is_name(reply.terminal_id))
    place.refuse("terminal_id", "must hold no control character or slash");
  if (r.ok() && !is_name(reply.office)) place.refuse("office", "must hold no control character or slash");
  if (r.ok() && !is_pem(reply.client_cert_pem, "CERTIFICATE"))
    place.refuse("client_cert_pem", "must be a PEM certificate");
  if (r.ok() && !is_pem(reply.ca_cert_pem, "CERTIFICATE"))
    place.refuse("ca_cert_pem", "must be a PEM certificate");
  if (r.ok() && reply.catalog_public_key.size() != 44)
    place.refuse("catalog_public_key", "must be a base64 Ed25519 key (44 characters)");
  if (r.ok() && (reply.seal_public_key_hex.size() != 64 ||
                 reply.seal_public_key_hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos))
    place.refuse("seal_public_key_hex", "must be 64 hex digits");
  if (!problems.ok()) return problems.error();
  return reply;
}

std::string refusal_json(EnrollRefusal refusal, std::string_view message) {
  return json{{"error", message}, {"reason", to_string(refusal)}}.dump();
}

}  // namespace pk::enroll
