#pragma once
// Every sentence the citizen screens show, by key. The words themselves live in one table per
// language (kiosk/strings/fa.cpp, en.cpp, ...), so a translator or a Dari reviewer reads one
// language whole; tests/kiosk/string_table_test.cpp fails when a table misses a key of this
// header or has one it does not know. Call sites read `strings::kWelcome.in(language)`.
#include "domain/catalog.h"

namespace pk::kiosk {

struct Text {
  // The string's id: names its row in every language and the file of a recorded voice prompt
  // that replaces the synthetic one (see the speech guidance).
  const char* key;
  // This string in `language`, from that language's table (kiosk/strings/table.h says what a
  // table without the key falls back to). Never null; valid for the program's life.
  [[nodiscard]] const char* in(catalog::Language language) const;
};

namespace strings {
inline constexpr Text kAppTitle{"app_title"};
inline constexpr Text kWelcome{"welcome"};
inline constexpr Text kWelcomeHint{"welcome_hint"};
inline constexpr Text kStart{"start"};
inline constexpr Text kLanguageOther{"language_other"};
inline constexpr Text kBack{"back"};
inline constexpr Text kHome{"home"};
inline constexpr Text kServices{"services"};
inline constexpr Text kAllOffices{"all_offices"};
inline constexpr Text kSearchHint{"search_hint"};
inline constexpr Text kNoResults{"no_results"};
inline constexpr Text kCounterOnly{"counter_only"};
inline constexpr Text kCounterOnlyNotice{"counter_only_notice"};
inline constexpr Text kPrintSlip{"print_slip"};
inline constexpr Text kSlipPrinted{"slip_printed"};
inline constexpr Text kSlipNotPrinted{"slip_not_printed"};
inline constexpr Text kSteps{"steps"};
inline constexpr Text kDocuments{"documents"};
inline constexpr Text kForms{"forms"};
inline constexpr Text kFee{"fee"};
inline constexpr Text kFree{"free"};
inline constexpr Text kRials{"rials"};
inline constexpr Text kApprover{"approver"};
inline constexpr Text kHandlingTime{"handling_time"};
inline constexpr Text kWorkingDays{"working_days"};
// Beside a value the catalog marks as a sample (the catalog's banner names the mark).
inline constexpr Text kSampleTag{"sample_tag"};
inline constexpr Text kMoreBelow{"more_below"};
inline constexpr Text kCredit{"credit"};
inline constexpr Text kDispute{"dispute"};
inline constexpr Text kPages{"pages"};
inline constexpr Text kOptional{"optional"};
inline constexpr Text kApply{"apply"};
inline constexpr Text kOffice{"office"};
inline constexpr Text kCatalogVersion{"catalog_version"};
inline constexpr Text kStatusCheck{"status_check"};
inline constexpr Text kReportFailure{"report_failure"};
inline constexpr Text kNext{"next"};
inline constexpr Text kFinish{"finish"};
// Identification
inline constexpr Text kIdentifyTitle{"identify_title"};
inline constexpr Text kIdNationalCode{"id_national_code"};
// The identity documents by name (the choice, the review, the receipt), then the number each
// carries (the field's label).
inline constexpr Text kIdAmayesh{"id_amayesh"};
inline constexpr Text kIdFida{"id_fida"};
inline constexpr Text kIdPassportDocument{"id_passport_document"};
inline constexpr Text kIdAmayeshNumber{"id_amayesh_number"};
inline constexpr Text kIdFidaNumber{"id_fida_number"};
inline constexpr Text kIdPassport{"id_passport"};
inline constexpr Text kIdDocument{"id_document"};
inline constexpr Text kMobile{"mobile"};
inline constexpr Text kMobileOptional{"mobile_optional"};
inline constexpr Text kMobileExample{"mobile_example"};
inline constexpr Text kMobileNone{"mobile_none"};
inline constexpr Text kIdHint{"id_hint"};
inline constexpr Text kReadPassport{"read_passport"};
inline constexpr Text kPassportTitle{"passport_title"};
inline constexpr Text kPassportHint{"passport_hint"};
inline constexpr Text kMrzDocument{"mrz_document"};
inline constexpr Text kMrzBirth{"mrz_birth"};
inline constexpr Text kMrzExpiry{"mrz_expiry"};
inline constexpr Text kReadNow{"read_now"};
inline constexpr Text kReadFromChip{"read_from_chip"};
// A chip whose passive authentication did not verify: said plainly, with why, and what to do.
inline constexpr Text kChipUnverified{"chip_unverified"};
inline constexpr Text kChipTypeNumber{"chip_type_number"};
inline constexpr Text kChipNoMasterList{"chip_no_master_list"};
inline constexpr Text kChipSignatureInvalid{"chip_signature_invalid"};
inline constexpr Text kChipUnknownIssuer{"chip_unknown_issuer"};
inline constexpr Text kChipSignerExpired{"chip_signer_expired"};
inline constexpr Text kChipSignerRevoked{"chip_signer_revoked"};
inline constexpr Text kChipNoRevocationList{"chip_no_revocation_list"};
inline constexpr Text kChipMalformed{"chip_malformed"};
// Capture
inline constexpr Text kCaptureTitle{"capture_title"};
inline constexpr Text kCaptureHint{"capture_hint"};
inline constexpr Text kScan{"scan"};
inline constexpr Text kRetake{"retake"};
inline constexpr Text kScanAnother{"scan_another"};
inline constexpr Text kSkip{"skip"};
inline constexpr Text kPageSlot{"page_slot"};  // over an empty slot: "صفحهٔ ۲"
inline constexpr Text kDocumentOf{"document_of"};
inline constexpr Text kPagesScanned{"pages_scanned"};
// Review
inline constexpr Text kReviewTitle{"review_title"};
inline constexpr Text kService{"service"};
inline constexpr Text kConsent{"consent"};
inline constexpr Text kSubmit{"submit"};
// Saved
inline constexpr Text kSavedTitle{"saved_title"};
inline constexpr Text kReportSavedTitle{"report_saved_title"};
inline constexpr Text kTrackingCode{"tracking_code"};
inline constexpr Text kReceiptPrinted{"receipt_printed"};
inline constexpr Text kReceiptNotPrinted{"receipt_not_printed"};
inline constexpr Text kSavedOffline{"saved_offline"};
inline constexpr Text kReportSavedOffline{"report_saved_offline"};
inline constexpr Text kSavedDelivered{"saved_delivered"};
inline constexpr Text kReportDelivered{"report_delivered"};
// Status
inline constexpr Text kStatusTitle{"status_title"};
inline constexpr Text kStatusHint{"status_hint"};
inline constexpr Text kLookUp{"look_up"};
inline constexpr Text kStatusNotHere{"status_not_here"};
inline constexpr Text kStatusQueued{"status_queued"};
inline constexpr Text kStatusSent{"status_sent"};
inline constexpr Text kStatusConfirmed{"status_confirmed"};
// What the centre decided, as last heard by the sync client (shown offline).
inline constexpr Text kStatusInReview{"status_in_review"};
inline constexpr Text kStatusApproved{"status_approved"};
inline constexpr Text kStatusRejected{"status_rejected"};
inline constexpr Text kStatusDocumentsRequested{"status_documents_requested"};
// What to do next, under the status (a status alone leaves a citizen asking "and now?").
inline constexpr Text kStatusService{"status_service"};
inline constexpr Text kStatusSavedAt{"status_saved_at"};
inline constexpr Text kNextNothingYet{"next_nothing_yet"};
inline constexpr Text kNextWaitDays{"next_wait_days"};
inline constexpr Text kNextWaitReport{"next_wait_report"};
inline constexpr Text kNextBringDocuments{"next_bring_documents"};
inline constexpr Text kNextCollect{"next_collect"};
inline constexpr Text kNextDispute{"next_dispute"};
// A failure report: answered while the centre looks into it, resolved at the end.
inline constexpr Text kReportStatusInReview{"report_status_in_review"};
inline constexpr Text kReportStatusAnswered{"report_status_answered"};
inline constexpr Text kReportStatusResolved{"report_status_resolved"};
// Headings over the back office's own words (staff write them in Persian or English).
inline constexpr Text kDecisionDocuments{"decision_documents"};
inline constexpr Text kDecisionReason{"decision_reason"};
inline constexpr Text kDecisionReply{"decision_reply"};
inline constexpr Text kDecisionCredit{"decision_credit"};
// Failure report
inline constexpr Text kReportTitle{"report_title"};
inline constexpr Text kReportWhich{"report_which"};
inline constexpr Text kReportGeneral{"report_general"};
inline constexpr Text kReportWhat{"report_what"};
inline constexpr Text kReportText{"report_text"};
inline constexpr Text kReportMobile{"report_mobile"};
inline constexpr Text kProblemUnavailable{"problem_unavailable"};
inline constexpr Text kProblemDevice{"problem_device"};
inline constexpr Text kProblemSlow{"problem_slow"};
inline constexpr Text kProblemWrongInfo{"problem_wrong_info"};
inline constexpr Text kProblemOther{"problem_other"};
inline constexpr Text kSend{"send"};
// Idle
inline constexpr Text kMoreTimeTitle{"more_time_title"};
inline constexpr Text kMoreTimeBody{"more_time_body"};
inline constexpr Text kMoreTimeYes{"more_time_yes"};
inline constexpr Text kSeconds{"seconds"};
inline constexpr Text kNotEnrolled{"not_enrolled"};
// The same fact worded for the operator of a counter terminal (who is the counter).
inline constexpr Text kNotEnrolledCounter{"not_enrolled_counter"};
// A save that failed; the error's own text follows.
inline constexpr Text kNotSaved{"not_saved"};
inline constexpr Text kNotSavedCounter{"not_saved_counter"};
// The devices' states (kiosk/device_words.cpp), on the citizen's screens and the counter's. A
// receipt that did not print is kept and printed later: the words say so, so that nobody leaves
// without a code they cannot find again.
inline constexpr Text kPrinterReady{"device_printer_ready"};
inline constexpr Text kPrinterPaperNearEnd{"device_printer_paper_near_end"};
inline constexpr Text kPrinterPaperOut{"device_printer_paper_out"};
inline constexpr Text kPrinterCoverOpen{"device_printer_cover_open"};
inline constexpr Text kPrinterError{"device_printer_error"};
inline constexpr Text kPrinterOffline{"device_printer_offline"};
inline constexpr Text kPrinterUnknown{"device_printer_unknown"};
inline constexpr Text kScannerReady{"device_scanner_ready"};
inline constexpr Text kScannerNoDocuments{"device_scanner_no_documents"};
inline constexpr Text kScannerJammed{"device_scanner_jammed"};
inline constexpr Text kScannerCoverOpen{"device_scanner_cover_open"};
inline constexpr Text kScannerBusy{"device_scanner_busy"};
inline constexpr Text kScannerUnplugged{"device_scanner_unplugged"};
inline constexpr Text kScannerError{"device_scanner_error"};
// Service required (crash loop, or systemd's OnFailure unit): both languages at once, since
// nobody can switch language on a screen that only explains.
inline constexpr Text kServiceTitle{"service_title"};
inline constexpr Text kServiceCitizenHint{"service_citizen_hint"};
// The same screen on a counter terminal: the person in front of it is the operator.
inline constexpr Text kServiceOperatorHint{"service_operator_hint"};
inline constexpr Text kServiceTechnicianHint{"service_technician_hint"};
// Commands, the same in both languages (shown left to right).
inline constexpr const char* kServiceCommands =
    "journalctl -u pishkhan-kiosk -b    ·    systemctl restart pishkhan-kiosk";
inline constexpr Text kServiceTerminal{"service_terminal"};
inline constexpr Text kServiceUncleanStarts{"service_unclean_starts"};
// Spoken guidance: what the browse and service screens say when they open.
inline constexpr Text kBrowsePrompt{"browse_prompt"};
inline constexpr Text kServiceCardPrompt{"service_card_prompt"};
// The A+ button in the header. Its label is the same sign in every language (a left-to-right
// mark keeps the "+" after the "A" in right-to-left text); the key names it for speech.
inline constexpr Text kTextSize{"text_size"};
// reader: the card reader's states and the passport chip's read outcomes, worded here (the
// driver reports CardState and icao::ReadFailure; kiosk/device_words.h maps them to these).
inline constexpr Text kCardNoReader{"device_card_no_reader"};
inline constexpr Text kCardNoCard{"device_card_no_card"};
inline constexpr Text kCardPresent{"device_card_present"};
inline constexpr Text kCardConnected{"device_card_connected"};
inline constexpr Text kCardMute{"device_card_mute"};
inline constexpr Text kCardRemovedMidRead{"device_card_removed_mid_read"};
inline constexpr Text kCardReaderBusy{"device_card_reader_busy"};
inline constexpr Text kCardUnplugged{"device_card_unplugged"};
inline constexpr Text kCardError{"device_card_error"};
inline constexpr Text kPassportChipRead{"passport_chip_read"};
inline constexpr Text kPassportPlacePhotoPage{"passport_place_photo_page"};
inline constexpr Text kPassportNotAChipPassport{"passport_not_a_chip_passport"};
inline constexpr Text kPassportAccessDenied{"passport_access_denied"};
inline constexpr Text kPassportChipMalformed{"passport_chip_malformed"};
inline constexpr Text kPassportHashMismatch{"passport_hash_mismatch"};
// voice18: the keypad's and keyboard's control keys, in the session's language (the erase
// key says how much goes: one digit or one letter, not the whole field).
inline constexpr Text kKeyEraseDigit{"key_erase_digit"};
inline constexpr Text kKeyEraseLetter{"key_erase_letter"};
inline constexpr Text kKeySpace{"key_space"};
inline constexpr Text kKeyZwnj{"key_zwnj"};
// voice18: a code found on a scanned page, told under the pages ("{}" is the page's number;
// the code's own text, when shown, follows on its own line, never spoken).
inline constexpr Text kPageCodeOther{"page_code_other"};
inline constexpr Text kPageCodeTracking{"page_code_tracking"};
inline constexpr Text kPageCodeCoverSheet{"page_code_cover_sheet"};
inline constexpr Text kPageCodeUnreadable{"page_code_unreadable"};
}  // namespace strings

}  // namespace pk::kiosk
