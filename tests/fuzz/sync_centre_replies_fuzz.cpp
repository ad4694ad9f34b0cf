// The centre's replies the terminal reads outside wire.h (sync/centre_client.h): the heartbeat's
// server clock and the catalog's Pishkhan-Signature header, whose signature is then checked
// against a fixed key. The first byte picks the parser. No crash; a bad reply says why; no
// signature from the fuzzer verifies.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/catalog_verifier.h"
#include "sync/centre_replies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 2) {
    case 0: {
      auto server_time = pk::sync::parse_heartbeat_reply(text);
      if (!server_time && server_time.error().message.empty()) std::abort();
      break;
    }
    case 1: {
      // The header value, then the catalog text after the first newline.
      const size_t newline = text.find('\n');
      const std::string_view header = text.substr(0, newline);
      const std::string_view catalog =
          newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
      auto signature = pk::sync::catalog_signature_of(header);
      if (!signature) break;
      if (signature->size() + 8 != header.size()) std::abort();
      const pk::sync::SigningPublicKey key{0x3d, 0x40, 0x17, 0xc3, 0xe8, 0x43, 0x89, 0x5a, 0x92, 0xb7, 0x0a,
                                           0xa7, 0x4d, 0x1b, 0x7e, 0xbc, 0x9c, 0x98, 0x2c, 0xcf, 0x2e, 0xc4,
                                           0x96, 0x8c, 0xc0, 0xcd, 0x55, 0xf1, 0x2a, 0xf4, 0x66, 0x0c};
      auto verified = pk::sync::verify_signature(catalog, *signature, key);
      if (verified) std::abort();
      if (verified.error().message.empty()) std::abort();
      break;
    }
  }
  return 0;
}
