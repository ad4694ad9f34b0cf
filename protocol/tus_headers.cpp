#include "protocol/tus_headers.h"

#include <limits>

namespace pk::sync::tus {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<int64_t> parse_length(std::string_view value) {
  value = trim(value);
  if (value.empty() || value.size() > 18) {
    return make_error("tus: offset/length \"" + std::string(value.substr(0, 40)) + "\" is empty or too long");
  }
  int64_t number = 0;
  for (char c : value) {
    if (c < '0' || c > '9')
      return make_error("tus: offset/length \"" + std::string(value) + "\" is not a number");
    number = number * 10 + (c - '0');
  }
  return number;
}

Result<Digest> parse_checksum(std::string_view value) {
  value = trim(value);
  const size_t space = value.find(' ');
  if (space == std::string_view::npos) return make_error("tus: Upload-Checksum has no algorithm and digest");
  const std::string_view algorithm = value.substr(0, space);
  if (algorithm != "sha256") {
    return make_error("tus: unsupported checksum algorithm \"" + std::string(algorithm.substr(0, 20)) + "\"");
  }
  auto bytes = from_base64(trim(value.substr(space + 1)));
  if (!bytes) return make_error("tus: Upload-Checksum digest: " + bytes.error().message);
  if (bytes->size() != Digest{}.size()) return make_error("tus: Upload-Checksum digest is not 32 bytes");
  Digest digest{};
  std::copy(bytes->begin(), bytes->end(), digest.begin());
  return digest;
}

std::string checksum_header(const Digest& digest) { return "sha256 " + to_base64(digest); }

Result<Metadata> parse_metadata(std::string_view value) {
  Metadata metadata;
  value = trim(value);
  if (value.empty()) return metadata;
  while (true) {
    const size_t comma = value.find(',');
    const std::string_view pair = trim(value.substr(0, comma));
    const size_t space = pair.find(' ');
    const std::string_view key = pair.substr(0, space);
    if (key.empty() || key.find_first_of(" ,\t") != std::string_view::npos) {
      return make_error("tus: Upload-Metadata has an empty or malformed key");
    }
    std::string decoded;
    if (space != std::string_view::npos) {
      auto bytes = from_base64(trim(pair.substr(space + 1)));
      if (!bytes)
        return make_error("tus: Upload-Metadata \"" + std::string(key) + "\": " + bytes.error().message);
      decoded.assign(bytes->begin(), bytes->end());
    }
    if (!metadata.emplace(std::string(key), std::move(decoded)).second) {
      return make_error("tus: Upload-Metadata repeats key \"" + std::string(key) + "\"");
    }
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return metadata;
}

std::string metadata_header(const Metadata& metadata) {
  std::string out;
  for (const auto& [key, value] : metadata) {
    if (!out.empty()) out += ',';
    out += key;
    if (!value.empty()) out += ' ' + to_base64(as_bytes(value));
  }
  return out;
}

}  // namespace pk::sync::tus
