#pragma once
// One renderer for the whole test binary: opening the four Noto faces costs more than most
// tests, and the engine caches glyphs across them.
#include "receipts/receipt_render.h"

namespace pk::test {

// Aborts the test binary (with the message) when the fonts are missing: no test can run.
[[nodiscard]] receipts::ReceiptRenderer& shared_renderer();

}  // namespace pk::test
