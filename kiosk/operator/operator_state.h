#pragma once
// What the counter operator's session holds, as plain data (no I/O, no UI). The citizen's
// identity and pages are wiped (secure_wipe) when the application is saved or abandoned.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "imaging/page_codec.h"
#include "imaging/page_hash.h"
#include "kiosk/identity/identity_draft.h"  // the same identity checks as the kiosk

namespace pk::kiosk::op {

enum class OperatorScreen {
  Login,
  Home,            // new application / outbox
  NewApplication,  // choose the service, then the citizen's identity
  BatchScan,       // the ADF runs on worker threads; thumbnails arrive live
  PageReview,      // rotate, delete, reorder, rescan, assign; then submit
  Receipt,         // saved: tracking code, printed or queued
  Outbox,          // what has not reached the centre, how old, why
};

// The field the keypad types into.
enum class OpField { None, OperatorId, Pin, IdNumber, Mobile };

enum class ScanSides { One, Both };

// What a page is to the application. Blank pages and cover sheets are set aside: shown to
// the operator, never submitted unless the operator keeps them.
enum class PageRole { Content, Blank, Cover };

// One scanned page as the review holds it: the compressed page as the pipeline made it, and
// a small picture for the screen.
struct ReviewPage {
  int sequence = 0;  // position in the stack as scanned (1, 2, ...) across batches
  imaging::PageEncoding encoding = imaging::PageEncoding::Jpeg;
  std::vector<uint8_t> bytes;
  imaging::Sha256 sha256{};  // of bytes, from the pipeline: carried to the store as it is
  std::vector<uint8_t> thumb_rgba;
  int thumb_width = 0;
  int thumb_height = 0;
  uint64_t thumb_id = 0;  // the thumbnail's texture id; a new one whenever its pixels change
  int document = -1;      // index into the service's required documents; -1: not assigned
  PageRole role = PageRole::Content;
  bool rotate_180 = false;  // turned by the operator: applied to the page when it is sealed
  bool flagged = false;     // unreadable or foreign code, broken cover sheet: look at it
};

// A page as it leaves the pipeline, reduced to what the flow needs (made by the App).
struct ArrivedPage {
  ReviewPage page;
  bool blank = false;
  std::optional<std::string> cover_document;  // the cover sheet's document type
};

struct SessionAudit {
  std::string action;  // "page_rotated", "application_opened"...
  std::string detail;  // never a PIN, never personal data
};

struct Receipt {
  std::string tracking_display;
  std::string tracking_digits;
  bool printed = false;
  std::string print_problem;
};

struct OutboxRow {
  std::string tracking_code;
  int64_t age_seconds = 0;
  int64_t attempts = 0;
  std::string last_error;  // empty: not tried yet
};

struct OutboxView {
  std::vector<OutboxRow> rows;
  int64_t pending = 0;
  std::optional<int64_t> oldest_age_seconds;
  std::string problem;  // the store could not be read
};

struct OperatorState {
  OperatorScreen screen = OperatorScreen::Login;
  catalog::Language language = catalog::Language::Persian;
  bool keyboard_open = false;
  OpField field = OpField::None;

  // Login
  std::string id_input;
  std::string pin_input;  // wiped after every attempt
  std::string login_error;
  std::string operator_id;  // set once logged in
  // Set while the idle logout counts down (its last seconds): whole seconds left. Any touch
  // clears it (OperatorFlow::touched).
  std::optional<int> logout_in_seconds;

  // Application
  int service = 0;
  float list_scroll = 0;
  IdentityDraft identity;
  ScanSides sides = ScanSides::One;
  bool scanning = false;
  int scanned_in_batch = 0;
  std::string scan_problem;
  int next_sequence = 1;
  std::optional<int> current_cover_document;  // the last cover sheet's document in this batch
  bool current_cover_unknown = false;         // the last cover sheet named no document of the service
  std::optional<size_t> rescan_target;        // the next page replaces this one
  std::vector<ReviewPage> pages;              // in stack order
  std::optional<size_t> selected;
  std::string submit_problem;
  float review_scroll = 0;

  Receipt receipt;
  OutboxView outbox;
};

}  // namespace pk::kiosk::op
