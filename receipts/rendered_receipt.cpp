#include "receipts/rendered_receipt.h"

namespace pk::receipts {

RasterImage RenderedReceipt::flatten() const {
  RasterImage paper(width_dots, 0);
  for (const Strip& strip : strips) {
    paper.append_rows(std::holds_alternative<RasterImage>(strip) ? std::get<RasterImage>(strip)
                                                                 : std::get<CodeStrip>(strip).drawing);
  }
  return paper;
}

int RenderedReceipt::height_dots() const {
  int height = 0;
  for (const Strip& strip : strips) {
    height += std::holds_alternative<RasterImage>(strip) ? std::get<RasterImage>(strip).height()
                                                         : std::get<CodeStrip>(strip).drawing.height();
  }
  return height;
}

}  // namespace pk::receipts
