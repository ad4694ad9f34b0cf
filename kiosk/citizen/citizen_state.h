#pragma once
// What a citizen's session holds, as plain data. Everything personal here is wiped
// (secure_wipe) when the session ends: finish, idle timeout, or going home.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.h"
#include "domain/identity.h"
#include "drivers/cardreader/apps/icao/passive_auth.h"
#include "imaging/page_codec.h"
#include "imaging/page_hash.h"
#include "kiosk/identity/identity_draft.h"
#include "kiosk/strings.h"
#include "ui/theme.h"

namespace pk::kiosk {

enum class CitizenScreen {
  Welcome,
  Browse,
  ServiceCard,
  Identify,      // national code / foreign id / passport, and mobile
  ReadPassport,  // the passport's chip fills the identification (BAC from the MRZ data)
  Capture,       // scan each required document
  Review,        // everything at a glance, consent, submit
  Saved,         // the tracking code, and whether the receipt printed
  StatusEntry,   // type a tracking code (or show the receipt's barcode)
  StatusResult,
  ReportService,  // failure report: which service
  ReportDetails,  // what went wrong, optional text and mobile
};

// The screen's name in logs and test messages.
[[nodiscard]] constexpr std::string_view screen_name(CitizenScreen screen) {
  switch (screen) {
    case CitizenScreen::Welcome:
      return "welcome";
    case CitizenScreen::Browse:
      return "browse";
    case CitizenScreen::ServiceCard:
      return "service_card";
    case CitizenScreen::Identify:
      return "identify";
    case CitizenScreen::ReadPassport:
      return "read_passport";
    case CitizenScreen::Capture:
      return "capture";
    case CitizenScreen::Review:
      return "review";
    case CitizenScreen::Saved:
      return "saved";
    case CitizenScreen::StatusEntry:
      return "status_entry";
    case CitizenScreen::StatusResult:
      return "status_result";
    case CitizenScreen::ReportService:
      return "report_service";
    case CitizenScreen::ReportDetails:
      return "report_details";
  }
  return "unknown";
}

// The field the on-screen keyboard types into.
enum class Field {
  None,
  Search,
  IdNumber,
  Mobile,
  TrackingCode,
  ReportText,
  MrzDocument,
  MrzBirth,
  MrzExpiry
};

// What unlocks a passport's chip (Basic Access Control): three fields of its MRZ.
struct MrzDraft {
  std::string document;  // document number as printed
  std::string birth;     // YYMMDD
  std::string expiry;    // YYMMDD
  std::string error;     // why the last read failed, in the session's language
};

// A code found on a scanned page, as the citizen is told of it under the pages.
enum class PageCodeMeaning : std::uint8_t {
  CoverSheet,    // a counter's cover sheet (the kiosk prints none: another application's page)
  TrackingCode,  // a receipt's tracking code (a status check, not a document)
  Other,         // a code printed on the document itself: shown, so the citizen sees it was read
  Unreadable,    // a code was found but could not be read
};

struct PageCodeSeen {
  PageCodeMeaning meaning = PageCodeMeaning::Other;
  std::string text;  // what the code says (Other only: a cover sheet's names someone else's file)
};

// One scanned page, already compressed: what goes (sealed) into the store.
// A page out of imaging's pipeline (kiosk/citizen/capture.cpp), as the flow keeps it until submit.
struct CapturedPage {
  imaging::PageEncoding encoding = imaging::PageEncoding::Jpeg;
  std::vector<uint8_t> bytes;         // the encoded page, clear: wiped once sealed into the store
  imaging::Sha256 sha256{};           // of bytes, computed once by the pipeline and stored as it is
  std::vector<uint8_t> preview_rgba;  // a small picture for the screen
  int preview_width = 0;
  int preview_height = 0;
  uint64_t preview_id = 0;          // unique per page: the preview's texture id
  std::vector<PageCodeSeen> codes;  // found by the page pipeline, shown on the capture screen
};

struct CapturedDocument {
  std::string kind;  // the catalog's document kind
  std::vector<CapturedPage> pages;
};

enum class ProblemKind { ServiceUnavailable, DeviceFault, SlowOrPoorService, WrongInformation, Other };
inline constexpr ProblemKind kProblemKinds[] = {ProblemKind::ServiceUnavailable, ProblemKind::DeviceFault,
                                                ProblemKind::SlowOrPoorService, ProblemKind::WrongInformation,
                                                ProblemKind::Other};

struct ReportDraft {
  int service = 0;  // 0 = the kiosk / services in general
  ProblemKind problem = ProblemKind::ServiceUnavailable;
  bool problem_chosen = false;
  std::string text;
  std::string mobile;
  std::string mobile_error;
};

// What the terminal tells the person once the store has committed.
struct SavedOutcome {
  std::string tracking_display;  // grouped, in the session's digits
  std::string tracking_digits;   // ASCII digits, for the barcode
  bool is_failure_report = false;
  bool printed = false;
  std::string print_problem;  // why the receipt did not print (it is queued for reprint)
  bool delivered = false;     // the centre has acknowledged it (the screen says so at once)
};

// The slip a counter-only service's card prints (the service, what to bring, a code for the
// counter's scanner), once the citizen asked for it.
enum class SlipState { NotAsked, Printed, NotPrinted };
struct CounterSlipOutcome {
  SlipState state = SlipState::NotAsked;
  std::string problem;  // why it did not print, in the session's language
};

// A part of the back office's decision the status check shows under its message.
struct StatusDetail {
  std::string heading;  // in the session's language
  std::string text;     // as staff wrote it, Persian or English whatever the session's language
};

// The status answer once more as string-table and catalog text, for spoken guidance to say when
// the result opens: the news, the service and the next step. Never the tracking code, the date
// or staff's own words: a Prompt cannot be made of them (kiosk/citizen/spoken_guidance.h).
struct StatusSpoken {
  std::optional<Text> message;
  std::optional<catalog::LocalText> service;
  std::optional<Text> next_step;
  int next_step_days = 0;  // the catalog's handling days, when next_step is kNextWaitDays
};

struct StatusOutcome {
  std::string tracking_display;
  std::string message;  // what is known, in the session's language
  bool found = false;
  std::string service;  // "۳. تمدید و تعویض مدارک اقامتی اتباع خارجی"; empty when not known
  std::string saved_at;   // when it was saved here, a Jalali date and Iran time
  std::string next_step;  // what the citizen does now, in plain words; empty when nothing
  // The decision's note (documents to bring, the reason, the reply) and a credit granted, in
  // that order; empty when the back office has said nothing the status calls for.
  std::vector<StatusDetail> details;
  StatusSpoken spoken;
};

struct CitizenState {
  CitizenScreen screen = CitizenScreen::Welcome;
  catalog::Language language = catalog::Language::Persian;
  ui::TextSize text_size = ui::TextSize::Normal;  // the A+ button; a new session starts at Normal
  std::string office_filter;
  std::string query;
  int service = 0;
  float list_scroll = 0;
  bool keyboard_open = false;
  Field field = Field::None;

  IdentityDraft identity;
  MrzDraft mrz;
  std::vector<CapturedDocument> documents;  // one per required document of the service
  size_t document_index = 0;                // the document being captured
  std::string capture_problem;              // e.g. the scanner is jammed
  bool consent = false;
  std::string submit_problem;  // e.g. the disk is full: nothing was saved

  ReportDraft report;
  std::string tracking_input;
  std::string tracking_error;
  StatusOutcome status;
  SavedOutcome saved;
  CounterSlipOutcome counter_slip;

  bool more_time_dialog = false;  // "need more time?" is on screen
  double more_time_deadline = 0;
};

}  // namespace pk::kiosk
