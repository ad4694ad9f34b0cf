#pragma once
// Wiping secrets and a citizen's data from memory (a PIN once checked, a session that ended):
// the bytes are overwritten (sodium_memzero, which the compiler may not optimise away) up to the
// buffer's whole capacity, then the buffer is released. Callers may rely on the object being
// empty, with no capacity, afterwards. Shared by the terminal's modes and its screens (ui/).
#include <cstdint>
#include <string>
#include <vector>

namespace pk {

void secure_wipe(std::string& text);
void secure_wipe(std::vector<uint8_t>& bytes);

}  // namespace pk
