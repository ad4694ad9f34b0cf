#include "protocol/enrollment_wire.h"

#include <nlohmann/json.hpp>

namespace pk::enroll {
namespace {

using nlohmann::json;

Result<json> parse_object(std::string_view text, std::string_view what) {
  if (text.size() > kMaxEnrollDocumentBytes)
    return make_error(std::string(what) + ": larger than " + std::to_string(kMaxEnrollDocumentBytes) +
                      " bytes");
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object())
    return make_error(std::string(what) + ": not a JSON object");
  if (!document.contains("version") || !document["version"].is_number_integer() ||
      document["version"].get<int64_t>() != kEnrollVersion)
    return make_error(std::string(what) + ": version is not " + std::to_string(kEnrollVersion));
  return document;
}

// A string field of at most max_bytes; Error names the field.
Result<std::string> text_field(const json& document, std::string_view what, const char* name,
                               size_t max_bytes) {
  auto it = document.find(name);
  if (it == document.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
    return make_error(std::string(what) + ": \"" + name + "\" is missing or not a string");
  const auto& text = it->get_ref<const std::string&>();
  if (text.size() > max_bytes)
    return make_error(std::string(what) + ": \"" + name + "\" is longer than " + std::to_string(max_bytes));
  return text;
}

bool is_pem(const std::string& text, std::string_view label) {
  return text.starts_with("-----BEGIN " + std::string(label) + "-----") &&
         text.find("-----END " + std::string(label) + "-----") != std::string::npos;
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
  constexpr std::string_view what = "enrollment request";
  auto document = parse_object(text, what);
  if (!document) return document.error();
  auto code = text_field(*document, what, "code", 64);
  if (!code) return code.error();
  auto csr = text_field(*document, what, "csr_pem", 16 * 1024);
  if (!csr) return csr.error();
  if (!is_pem(*csr, "CERTIFICATE REQUEST"))
    return make_error("enrollment request: \"csr_pem\" is not a PEM request");
  return EnrollRequest{std::move(code).value(), std::move(csr).value()};
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
  constexpr std::string_view what = "enrollment reply";
  auto document = parse_object(text, what);
  if (!document) return document.error();
  EnrollReply reply;
  struct Field {
    const char* name;
    std::string* target;
    size_t max_bytes;
  };
  for (const Field& field : {Field{"terminal_id", &reply.terminal_id, 64}, Field{"office", &reply.office, 64},
                             Field{"client_cert_pem", &reply.client_cert_pem, 8 * 1024},
                             Field{"ca_cert_pem", &reply.ca_cert_pem, 8 * 1024},
                             Field{"catalog_public_key", &reply.catalog_public_key, 44},
                             Field{"seal_public_key_hex", &reply.seal_public_key_hex, 64}}) {
    auto value = text_field(*document, what, field.name, field.max_bytes);
    if (!value) return value.error();
    *field.target = std::move(value).value();
  }
  auto number = document->find("terminal_number");
  if (number == document->end() || !number->is_number_integer() || number->get<int64_t>() < 1 ||
      number->get<int64_t>() > 9999)
    return make_error("enrollment reply: \"terminal_number\" is not a number from 1 to 9999");
  reply.terminal_number = number->get<int>();
  if (!is_pem(reply.client_cert_pem, "CERTIFICATE") || !is_pem(reply.ca_cert_pem, "CERTIFICATE"))
    return make_error("enrollment reply: a certificate is not PEM");
  if (reply.seal_public_key_hex.size() != 64 ||
      reply.seal_public_key_hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    return make_error("enrollment reply: \"seal_public_key_hex\" is not 64 hexadecimal digits");
  if (reply.catalog_public_key.size() != 44)
    return make_error("enrollment reply: \"catalog_public_key\" is not a base64 Ed25519 key");
  for (char c : reply.terminal_id + reply.office)
    if (static_cast<unsigned char>(c) < 0x20 || c == '/' || c == '\\')
      return make_error("enrollment reply: the terminal id or office holds a character it may not");
  return reply;
}

std::string refusal_json(EnrollRefusal refusal, std::string_view message) {
  return json{{"error", message}, {"reason", to_string(refusal)}}.dump();
}

}  // namespace pk::enroll
