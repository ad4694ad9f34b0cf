#pragma once
// The printer half of the receipts benchmark, in its own file because it includes
// drivers/printer/printer.h (see receipts/rendered_receipt.h for why the halves are apart).
#include <cstddef>

#include "receipts/rendered_receipt.h"

namespace pk::bench {

enum class Codes { Raster, Native };

// Builds the job and encodes it to ESC/POS; returns the bytes a printer would receive.
[[nodiscard]] std::size_t encoded_size(const receipts::RenderedReceipt& rendered, Codes codes);

}  // namespace pk::bench
