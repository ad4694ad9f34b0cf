#include "sync/delivery.h"

#include "protocol/encoding.h"

namespace pk::sync {
namespace {

// A failure on the terminal's side that a later attempt may not meet (the store busy, a page
// upload cut off): tried again, whatever kind the cause had.
Error later(std::string message) { return make_error(ErrorKind::Unavailable, std::move(message)); }

Submission submission_of(const store::ApplicationRecord& record) {
  Submission submission;
  submission.tracking_code = record.tracking_code;
  submission.kind = record.kind == store::ApplicationKind::FailureReport ? "failure_report" : "application";
  submission.service_number = record.service_number;
  submission.channel = std::string(store::to_string(record.channel));
  submission.terminal_id = record.terminal_id;
  submission.operator_id = record.operator_id;
  submission.created_at_unix = record.created_at_unix;
  submission.sealed_personal_base64 = to_base64(record.sealed_personal);
  for (const store::DocumentRecord& document : record.documents) {
    const std::vector<uint8_t>& sealed = *document.sealed_content;
    submission.pages.push_back({document.doc_kind, document.page_no, document.mime, document.byte_size,
                                static_cast<int64_t>(sealed.size()), to_hex(sha256(sealed))});
  }
  return submission;
}

}  // namespace

Result<ApplicationStatus> deliver(store::Store& store, const store::OutboxEntry& entry, CentreClient& centre,
                                  TusClient& tus, DeliveryStats& stats) {
  auto found = store.find_by_tracking_code(entry.tracking_code);
  if (!found) return later("read " + entry.tracking_code + " from the store: " + found.error().message);
  if (!*found)
    return make_error(ErrorKind::NotFound, "outbox entry for unknown application " + entry.tracking_code);
  const store::ApplicationRecord& record = **found;
  for (const store::DocumentRecord& document : record.documents) {
    if (!document.sealed_content) {
      // Purged pages with an undelivered entry: the store would be inconsistent. Never guess.
      return make_error(ErrorKind::NotFound, entry.tracking_code + ": a page was purged before delivery");
    }
  }
  const Submission submission = submission_of(record);

  auto accepted = centre.submit(submission, entry.idempotency_key);
  if (!accepted.ok()) return accepted;
  for (size_t i = 0; i < record.documents.size(); ++i) {
    const PageStatus& page = accepted->pages[i];
    if (page.complete) continue;
    const std::vector<uint8_t>& sealed = *record.documents[i].sealed_content;
    // The reply just gave the page's size and offset: start there. A reply that does not fit
    // the page is not trusted; the upload then asks the centre with a HEAD.
    const bool reply_fits = page.sealed_size == static_cast<int64_t>(sealed.size()) && page.received >= 0 &&
                            page.received <= page.sealed_size;
    auto sent = reply_fits ? tus.upload_from(page.upload_path, sealed, page.received)
                           : tus.upload(page.upload_path, sealed);
    if (!sent)
      return later(entry.tracking_code + " page " + std::to_string(i + 1) + ": " + sent.error().message);
    stats.bytes_uploaded += sent->bytes_sent;
  }

  auto confirmed = centre.status(entry.tracking_code);
  if (!confirmed.ok()) return confirmed;
  if (confirmed->pages.size() != submission.pages.size()) {
    return later(entry.tracking_code + ": the centre reports " + std::to_string(confirmed->pages.size()) +
                 " page(s), we sent " + std::to_string(submission.pages.size()));
  }
  for (size_t i = 0; i < submission.pages.size(); ++i) {
    const PageStatus& page = confirmed->pages[i];
    if (!page.complete || page.sealed_sha256_hex != submission.pages[i].sealed_sha256_hex ||
        page.sealed_size != submission.pages[i].sealed_size) {
      return later(entry.tracking_code + " page " + std::to_string(i + 1) +
                   ": the centre does not confirm it (complete=" + (page.complete ? "yes" : "no") +
                   ", sha256 " + page.sealed_sha256_hex + ")");
    }
  }
  if (confirmed->status == CentreStatus::Receiving) {
    return later(entry.tracking_code + ": every page is in but the centre still says receiving");
  }
  return confirmed;
}

}  // namespace pk::sync
