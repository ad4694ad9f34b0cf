#pragma once
// Wiping a citizen's data from memory when the session ends: the bytes are overwritten
// (sodium_memzero, which the compiler may not optimise away) before the buffers are freed.
#include <string>
#include <vector>

namespace pk::kiosk {

void secure_wipe(std::string& text);
void secure_wipe(std::vector<uint8_t>& bytes);

}  // namespace pk::kiosk
