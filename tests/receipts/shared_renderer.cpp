#include "tests/receipts/shared_renderer.h"

#include <cstdio>
#include <cstdlib>

namespace pk::test {

receipts::ReceiptRenderer& shared_renderer() {
  static std::unique_ptr<receipts::ReceiptRenderer> renderer = [] {
    auto made = receipts::ReceiptRenderer::create();
    if (!made) {
      std::fprintf(stderr, "receipt renderer: %s\n", made.error().message.c_str());
      std::abort();
    }
    return std::move(made).value();
  }();
  return *renderer;
}

}  // namespace pk::test
