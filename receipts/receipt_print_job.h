#pragma once
// A rendered receipt → the PrintJob a given printer takes. Codes become the printer's native
// QrCode / Code128 elements when its driver declares Feature::NativeQr / NativeCode128, and
// stay raster drawings otherwise; neighbouring raster strips are sent as one image.
//
// Native codes print at the printer's left margin (PrintJob carries no justification), the
// raster drawings centred; both use the same module size.
#include "drivers/device.h"
#include "drivers/printer/printer.h"
#include "receipts/rendered_receipt.h"

namespace pk::receipts {

[[nodiscard]] PrintJob build_print_job(const RenderedReceipt& receipt, Features features);

}  // namespace pk::receipts
