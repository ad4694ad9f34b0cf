#pragma once
// The load generator drives a centre on this machine only: a URL whose host is not a loopback
// address is refused before anything is sent, so a mistyped address can never put load on a
// real centre. The same check applies to every upload URL a centre hands back.
#include <string>
#include <string_view>

#include "domain/result.h"

namespace pk::loadgen {

struct CentreAddress {
  std::string host;  // as written: "127.0.0.1", "localhost", "[::1]"
  int port = 443;
  std::string base_url;  // https://host:port, no trailing slash
};

// 127.0.0.0/8 (dotted quad, four decimal parts), ::1 (with or without brackets), ::ffff:127.x.y.z,
// and "localhost" (any case; curl resolves it to loopback itself, never through DNS).
[[nodiscard]] bool is_loopback_host(std::string_view host);

// https://HOST[:PORT][/] with a loopback HOST; anything else (another scheme, user info, a path,
// a query, a host that is not loopback) is an Error whose message says why.
[[nodiscard]] Result<CentreAddress> parse_loopback_centre_url(std::string_view url);

// The absolute URL of an upload path the centre handed back: a path is put under base_url; an
// absolute URL must itself pass parse_loopback_centre_url.
[[nodiscard]] Result<std::string> upload_url(const CentreAddress& centre, std::string_view upload);

}  // namespace pk::loadgen
