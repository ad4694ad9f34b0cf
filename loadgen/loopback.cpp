#include "loadgen/loopback.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>

namespace pk::loadgen {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

Error refused(std::string_view url, std::string_view why) {
  return make_error("refusing --centre-url \"" + std::string(url.substr(0, 200)) + "\": " + std::string(why) +
                    "; pishkhan-loadgen only drives a centre on this machine (https://127.0.0.1:PORT, "
                    "https://[::1]:PORT or https://localhost:PORT)");
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty() || host.size() > 64) return false;
  if (lower(host) == "localhost") return true;
  const std::string text(host);
  std::array<unsigned char, 16> address{};
  // inet_pton takes only the four-part dotted decimal form: "127.1" or "0x7f.0.0.1" are refused.
  if (inet_pton(AF_INET, text.c_str(), address.data()) == 1) return address[0] == 127;
  if (inet_pton(AF_INET6, text.c_str(), address.data()) == 1) {
    static constexpr std::array<unsigned char, 16> kLoopback6{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    if (address == kLoopback6) return true;
    // ::ffff:127.x.y.z, an IPv4 loopback address written as IPv6.
    static constexpr std::array<unsigned char, 12> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::equal(kMapped.begin(), kMapped.end(), address.begin()) && address[12] == 127;
  }
  return false;
}

Result<CentreAddress> parse_loopback_centre_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (url.size() > 300) return refused(url, "too long");
  if (lower(url.substr(0, kScheme.size())) != kScheme) return refused(url, "it must start with https://");
  std::string_view rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find_first_of("/?#@\\ \t\r\n") != std::string_view::npos)
    return refused(url, "only https://HOST[:PORT] is accepted (no user, path, query or spaces)");
  std::string_view host = rest;
  std::string_view port_text;
  bool has_port = false;
  if (rest.starts_with('[')) {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return refused(url, "an IPv6 address needs its closing ]");
    host = rest.substr(0, close + 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return refused(url, "unexpected text after the IPv6 address");
      port_text = after.substr(1);
      has_port = true;
    }
  } else if (const size_t colon = rest.find(':'); colon != std::string_view::npos) {
    host = rest.substr(0, colon);
    port_text = rest.substr(colon + 1);
    has_port = true;
  }
  CentreAddress address;
  if (has_port) {
    int port = 0;
    const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || error != std::errc() || end != port_text.data() + port_text.size() || port < 1 ||
        port > 65535)
      return refused(url, "the port must be a number from 1 to 65535");
    address.port = port;
  }
  if (host.empty()) return refused(url, "it names no host");
  if (!is_loopback_host(host))
    return refused(url, "its host \"" + std::string(host.substr(0, 100)) + "\" is not a loopback address");
  address.host = std::string(host);
  address.base_url = "https://" + address.host + ":" + std::to_string(address.port);
  return address;
}

Result<std::string> upload_url(const CentreAddress& centre, std::string_view upload) {
  if (upload.starts_with('/') && !upload.starts_with("//")) {
    if (upload.size() > 512 || upload.find_first_of(" \t\r\n?#") != std::string_view::npos)
      return make_error("the centre handed back a malformed upload path");
    return centre.base_url + std::string(upload);
  }
  // An absolute URL: scheme, host and port must pass the same check as --centre-url.
  constexpr std::string_view kScheme = "https://";
  if (lower(upload.substr(0, kScheme.size())) != kScheme)
    return make_error("the centre handed back an upload URL that is neither a path nor https://");
  const size_t path = upload.find('/', kScheme.size());
  if (path == std::string_view::npos) return make_error("the centre handed back an upload URL with no path");
  auto origin = parse_loopback_centre_url(upload.substr(0, path));
  if (!origin) return make_error("upload URL: " + origin.error().message);
  if (upload.size() > 600 || upload.find_first_of(" \t\r\n?#", path) != std::string_view::npos)
    return make_error("the centre handed back a malformed upload URL");
  return std::string(upload);
}

}  // namespace pk::loadgen
