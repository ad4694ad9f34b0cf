#include "tests/receipts/receipts_bench_job.h"

#include <cstdlib>

#include "drivers/printer/escpos.h"
#include "receipts/receipt_print_job.h"

namespace pk::bench {

std::size_t encoded_size(const receipts::RenderedReceipt& rendered, Codes codes) {
  const Features features =
      codes == Codes::Native ? Features{Feature::NativeQr, Feature::NativeCode128} : Features{};
  auto bytes = escpos::encode_job(receipts::build_print_job(rendered, features), Cut::Full);
  if (!bytes) std::abort();
  return bytes->size();
}

}  // namespace pk::bench
