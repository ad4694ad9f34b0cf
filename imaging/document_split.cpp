#include "imaging/document_split.h"

namespace pk::imaging {

PageMarks marks_of(const ProcessedPage& page) {
  return PageMarks{page.sequence, page.blank, page.cover_sheet};
}

std::vector<ScannedDocument> split_documents(std::span<const PageMarks> stack, BlankPages blanks) {
  std::vector<ScannedDocument> documents;
  for (const PageMarks& page : stack) {
    if (page.cover_sheet) {
      documents.push_back(ScannedDocument{page.cover_sheet, page.sequence, {}, {}});
      continue;
    }
    if (documents.empty()) documents.emplace_back();  // pages before any cover sheet
    ScannedDocument& current = documents.back();
    if (page.blank && blanks == BlankPages::SetAside) {
      current.blank_pages.push_back(page.sequence);
    } else {
      current.pages.push_back(page.sequence);
    }
  }
  return documents;
}

}  // namespace pk::imaging
