#include "base/secure_wipe.h"

#include <sodium.h>

namespace pk {

void secure_wipe(std::string& text) {
  // The whole capacity: a string that shrank keeps old characters past its size.
  text.resize(text.capacity());
  sodium_memzero(text.data(), text.size());
  text.clear();
  text.shrink_to_fit();
}

void secure_wipe(std::vector<uint8_t>& bytes) {
  bytes.resize(bytes.capacity());
  sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
  bytes.shrink_to_fit();
}

}  // namespace pk
