#include "base/secure_wipe.h"

#include <sodium.h>

namespace pk {

void secure_wipe(void* data, size_t size) {
  if (size > 0) sodium_memzero(data, size);
}

// 256 KiB: far deeper than the kiosk's frames reach (the text engine and ImGui use a few tens
// of KiB), far below the 8 MiB main-thread stack. noinline keeps the array in its own frame,
// below the caller's; sodium_memzero is opaque to the optimiser, so the array is really written.
[[gnu::noinline]] void scrub_stack_below() {
  constexpr size_t kBytes = 256 * 1024;
  unsigned char residue[kBytes];
  sodium_memzero(residue, sizeof residue);
}

}  // namespace pk
