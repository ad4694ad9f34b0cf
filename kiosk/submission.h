#pragma once
// Turning a citizen's finished draft into a durable record: personal data and pages are
// sealed to the centre's key, then application, pages, outbox entry and audit line are
// written in one transaction. Only when that has committed does the caller get a tracking
// code to show. The clear personal data never reaches the disk.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/result.h"
#include "domain/tracking_code.h"
#include "imaging/page_codec.h"
#include "imaging/page_hash.h"
#include "kiosk/citizen/citizen_state.h"
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

// An application for state.service with state.identity and state.documents.
Result<store::SavedApplication> submit_application(const SubmissionContext& ctx, const CitizenState& state);
// A failure report (رسید خرابی) from state.report.
Result<store::SavedApplication> submit_failure_report(const SubmissionContext& ctx,
                                                      const CitizenState& state);

// Building blocks the kiosk's and the counter's submissions share.
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

// What the terminal knows of a tracking code, in words for the citizen. With the catalog, the
// answer also names the service, the day it was saved and what the citizen does next.
Result<StatusOutcome> look_up_status(store::Store& store, std::string_view typed_code,
                                     catalog::Language language, const catalog::Catalog* catalog = nullptr);

// The problem's words in the string tables (its speaker says them), and those words in `language`.
[[nodiscard]] Text problem_text(ProblemKind problem);
[[nodiscard]] std::string_view problem_name(ProblemKind problem, catalog::Language language);
[[nodiscard]] std::string_view problem_id(ProblemKind problem);

}  // namespace pk::kiosk
