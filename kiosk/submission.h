#pragma once
// Turning a finished draft into a durable record, the parts the kiosk's citizen and the counter's
// operator share (kiosk/citizen/citizen_submission.h, kiosk/operator/operator_submission.h):
// personal data and pages are sealed to the centre's key, then application, pages, outbox entry
// and audit line are written in one transaction. Only when that has committed does the caller get
// a tracking code to show. The clear personal data never reaches the disk.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.h"
#include "domain/result.h"
#include "domain/tracking_code.h"
#include "imaging/page_codec.h"
#include "imaging/page_hash.h"
#include "kiosk/config.h"
#include "offline-store/store.h"
#include "protocol/sealing.h"

namespace pk::kiosk {

struct SubmissionContext {
  store::Store& store;
  const store::PublicKey& centre_key;
  const Config& config;
  int64_t now_unix = 0;
  int64_t now_monotonic_ms = 0;
  // Who took it at a counter terminal (a walk-in's failure report); empty at the kiosk.
  std::string operator_id{};
};

// A new record of this terminal, stamped with the context's times; the kiosk's channel, or the
// counter's with the operator when ctx names one.
[[nodiscard]] store::NewApplication new_record(const SubmissionContext& ctx);
[[nodiscard]] std::string_view id_kind_name(identity::IdKind kind);
// Seals a clear JSON text to the centre and wipes the clear text.
Result<std::vector<uint8_t>> seal_text(std::string&& clear, const store::PublicKey& centre_key);
// A page ready for the store: the content sealed, with the SHA-256 of the clear content the
// pipeline computed when it encoded the page (imaging/page_hash.h), carried, not computed again.
Result<store::NewDocument> sealed_page(std::string kind, int page_no, imaging::PageEncoding encoding,
                                       std::span<const uint8_t> content, const imaging::Sha256& sha256,
                                       const store::PublicKey& centre_key);
// Saves in one transaction; the tracking code is formed inside it from the terminal's next
// sequence value, so a code is shown only for what has committed.
Result<store::SavedApplication> save_with_tracking_code(store::Store& store, const store::NewApplication& app,
                                                        TrackingKind kind, int terminal_number);

}  // namespace pk::kiosk
