// The operator flow's pages: batch scan, the review (rotate, delete, reorder, assign,
// rescan) and submitting.
#include <algorithm>
#include <utility>

#include "base/secure_wipe.h"
#include "kiosk/operator/operator_flow.h"
#include "kiosk/strings/operator_strings.h"

namespace pk::kiosk::op {

bool OperatorFlow::set_sides(ScanSides sides) {
  if (m_state.screen != OperatorScreen::BatchScan || m_state.scanning) return false;
  m_state.sides = sides;
  return true;
}

bool OperatorFlow::scan_requested() {
  return m_state.screen == OperatorScreen::BatchScan && !m_state.scanning;
}

bool OperatorFlow::scan_started() {
  if (!scan_requested()) return false;
  m_state.scanning = true;
  m_state.scanned_in_batch = 0;
  m_state.scan_problem.clear();
  // A cover sheet speaks for the pages after it within its own batch only.
  m_state.current_cover_document.reset();
  m_state.current_cover_unknown = false;
  return true;
}

bool OperatorFlow::page_arrived(ArrivedPage arrived) {
  if (m_state.screen != OperatorScreen::BatchScan || !m_state.scanning) return false;
  const catalog::Service* s = service();
  ReviewPage page = std::move(arrived.page);
  page.sequence = m_state.next_sequence++;
  ++m_state.scanned_in_batch;
  if (arrived.cover_document) {
    // Cover sheets split the stack: the pages after one belong to the document it names.
    page.role = PageRole::Cover;
    m_state.current_cover_document.reset();
    m_state.current_cover_unknown = true;
    if (s)
      for (size_t i = 0; i < s->documents.size(); ++i)
        if (s->documents[i].kind == *arrived.cover_document) {
          m_state.current_cover_document = static_cast<int>(i);
          m_state.current_cover_unknown = false;
        }
    // A cover sheet for a document this service does not ask for: the operator decides.
    if (m_state.current_cover_unknown) page.flagged = true;
    m_state.pages.push_back(std::move(page));
    return true;
  }
  if (arrived.blank) page.role = PageRole::Blank;
  if (m_state.rescan_target && *m_state.rescan_target < m_state.pages.size()) {
    // A rescan replaces the chosen page in place, keeping its document.
    ReviewPage& old = m_state.pages[*m_state.rescan_target];
    page.document = old.document;
    page.role = arrived.blank ? PageRole::Blank : PageRole::Content;
    secure_wipe(old.bytes);
    secure_wipe(old.thumb_rgba);
    audit("page_rescanned", "page " + std::to_string(old.sequence) + " -> " + std::to_string(page.sequence));
    old = std::move(page);
    m_state.selected = m_state.rescan_target;
    m_state.rescan_target.reset();
    return true;
  }
  if (m_state.current_cover_document) page.document = *m_state.current_cover_document;
  // Without a cover sheet, a service with a single required document takes every page.
  else if (!m_state.current_cover_unknown && s && s->documents.size() == 1)
    page.document = 0;
  m_state.pages.push_back(std::move(page));
  return true;
}

bool OperatorFlow::scan_finished(std::string problem) {
  if (m_state.screen != OperatorScreen::BatchScan || !m_state.scanning) return false;
  m_state.scanning = false;
  m_state.scan_problem = std::move(problem);
  m_state.rescan_target.reset();
  audit("batch_scanned", std::to_string(m_state.scanned_in_batch) + " pages" +
                             (m_state.scan_problem.empty() ? "" : ", stopped: " + m_state.scan_problem));
  return true;
}

bool OperatorFlow::open_review() {
  if (m_state.screen != OperatorScreen::BatchScan || m_state.scanning || m_state.pages.empty()) return false;
  m_state.screen = OperatorScreen::PageReview;
  m_state.submit_problem.clear();
  return true;
}

ReviewPage* OperatorFlow::selected_page() {
  if (m_state.screen != OperatorScreen::PageReview || !m_state.selected ||
      *m_state.selected >= m_state.pages.size())
    return nullptr;
  return &m_state.pages[*m_state.selected];
}

bool OperatorFlow::select(int sequence) {
  if (m_state.screen != OperatorScreen::PageReview) return false;
  for (size_t i = 0; i < m_state.pages.size(); ++i)
    if (m_state.pages[i].sequence == sequence) {
      m_state.selected = i;
      return true;
    }
  return false;
}

bool OperatorFlow::rotate_selected() {
  ReviewPage* page = selected_page();
  if (!page) return false;
  page->rotate_180 = !page->rotate_180;
  // The thumbnail turns at once; the page itself is turned when it is sealed.
  const size_t n = page->thumb_rgba.size() / 4;
  for (size_t i = 0; i < n / 2; ++i)
    std::swap_ranges(page->thumb_rgba.begin() + static_cast<std::ptrdiff_t>(i * 4),
                     page->thumb_rgba.begin() + static_cast<std::ptrdiff_t>(i * 4 + 4),
                     page->thumb_rgba.begin() + static_cast<std::ptrdiff_t>((n - 1 - i) * 4));
  page->thumb_id ^= uint64_t{1} << 62;  // new pixels: a texture id of their own
  audit("page_rotated", "page " + std::to_string(page->sequence));
  return true;
}

bool OperatorFlow::delete_selected() {
  ReviewPage* page = selected_page();
  if (!page) return false;
  audit("page_deleted", "page " + std::to_string(page->sequence));
  secure_wipe(page->bytes);
  secure_wipe(page->thumb_rgba);
  m_state.pages.erase(m_state.pages.begin() + static_cast<std::ptrdiff_t>(*m_state.selected));
  m_state.selected.reset();
  return true;
}

bool OperatorFlow::move_selected(Direction direction) {
  ReviewPage* page = selected_page();
  if (!page) return false;
  // Pages move among the pages of their own group (document, or the set-aside pages).
  const auto same_group = [&](const ReviewPage& other) {
    const bool aside = page->role != PageRole::Content;
    const bool other_aside = other.role != PageRole::Content;
    return aside == other_aside && (aside || other.document == page->document);
  };
  const size_t from = *m_state.selected;
  if (direction == Direction::Earlier) {
    for (size_t i = from; i-- > 0;)
      if (same_group(m_state.pages[i])) {
        std::swap(m_state.pages[i], m_state.pages[from]);
        m_state.selected = i;
        audit("page_moved", "page " + std::to_string(m_state.pages[i].sequence) + " earlier");
        return true;
      }
  } else {
    for (size_t i = from + 1; i < m_state.pages.size(); ++i)
      if (same_group(m_state.pages[i])) {
        std::swap(m_state.pages[i], m_state.pages[from]);
        m_state.selected = i;
        audit("page_moved", "page " + std::to_string(m_state.pages[i].sequence) + " later");
        return true;
      }
  }
  return false;
}

bool OperatorFlow::assign_selected(int document) {
  ReviewPage* page = selected_page();
  const catalog::Service* s = service();
  if (!page || !s || document < -1 || document >= static_cast<int>(s->documents.size())) return false;
  page->document = document;
  if (page->role != PageRole::Content) page->role = PageRole::Content;  // assigning keeps it
  audit("page_assigned",
        "page " + std::to_string(page->sequence) + " -> " +
            (document < 0 ? std::string("none") : s->documents[static_cast<size_t>(document)].kind));
  return true;
}

bool OperatorFlow::keep_selected() {
  ReviewPage* page = selected_page();
  if (!page || page->role == PageRole::Content) return false;
  page->role = PageRole::Content;
  audit("page_kept", "page " + std::to_string(page->sequence));
  return true;
}

bool OperatorFlow::rescan_selected() {
  ReviewPage* page = selected_page();
  if (!page) return false;
  m_state.rescan_target = m_state.selected;
  m_state.screen = OperatorScreen::BatchScan;
  return true;
}

bool OperatorFlow::scan_more() {
  if (m_state.screen != OperatorScreen::PageReview) return false;
  m_state.rescan_target.reset();
  m_state.screen = OperatorScreen::BatchScan;
  return true;
}

std::string OperatorFlow::missing_for_submit() const {
  const catalog::Service* s = service();
  if (!s) return "?";
  const catalog::Language l = m_state.language;
  for (const ReviewPage& page : m_state.pages)
    if (page.role == PageRole::Content && page.document < 0) return strings::kUnassignedLeft.in(l);
  for (size_t i = 0; i < s->documents.size(); ++i) {
    if (!s->documents[i].mandatory) continue;
    const bool has = std::any_of(m_state.pages.begin(), m_state.pages.end(), [&](const ReviewPage& p) {
      return p.role == PageRole::Content && p.document == static_cast<int>(i);
    });
    if (!has) return std::string(strings::kMissingDocument.in(l)) + " " + s->documents[i].title.in(l);
  }
  return "";
}

bool OperatorFlow::submit_requested() {
  if (m_state.screen != OperatorScreen::PageReview) return false;
  m_state.submit_problem = missing_for_submit();
  return m_state.submit_problem.empty();
}

bool OperatorFlow::submit_failed(std::string message) {
  if (m_state.screen != OperatorScreen::PageReview) return false;
  m_state.submit_problem = std::move(message);
  return true;
}

bool OperatorFlow::saved(Receipt receipt) {
  if (m_state.screen != OperatorScreen::PageReview) return false;
  // The file has reached the store: the clear copy of the citizen's data leaves memory now.
  const int service_number = m_state.service;
  wipe_application();
  m_state.service = service_number;  // the receipt screen names the service
  m_state.receipt = std::move(receipt);
  m_state.screen = OperatorScreen::Receipt;
  return true;
}

bool OperatorFlow::finish() {
  if (m_state.screen != OperatorScreen::Receipt) return false;
  m_state.receipt = {};
  m_state.service = 0;
  m_state.screen = OperatorScreen::Home;
  return true;
}

}  // namespace pk::kiosk::op
