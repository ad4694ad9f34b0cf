// Fuzz target: the ledger documents (POST /v1/ledger as the centre reads it, and the centre's
// receipt as the terminal reads it). Must refuse, never crash; what is accepted survives a
// round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto upload = pk::sync::parse_ledger_upload(text)) {
    auto again = pk::sync::parse_ledger_upload(pk::sync::to_json(*upload));
    if (!again || !(*again == *upload)) std::abort();
  }
  if (auto receipt = pk::sync::parse_ledger_receipt(text)) {
    auto again = pk::sync::parse_ledger_receipt(pk::sync::to_json(*receipt));
    if (!again || !(*again == *receipt)) std::abort();
  }
  return 0;
}
