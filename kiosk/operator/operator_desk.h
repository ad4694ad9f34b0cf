#pragma once
// The counter terminal's side of the App: it holds the operator flow, the operator accounts and
// the running batch scan, draws the operator's screens, and performs the I/O the flow asks for
// (check a PIN, start and poll the scanner, seal and save, print, read the outbox, audit).
// The App owns one in counter mode and calls poll → draw → (present) → perform each frame.
//
// Threading: everything here runs on the UI thread except the batch scan's own threads
// (BatchScan); poll() only takes pages that are ready, so no frame waits on the scanner.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/result.h"
#include "drivers/scanner/scanner.h"
#include "imaging/page_pipeline.h"
#include "kiosk/config.h"
#include "kiosk/operator/batch_scan.h"
#include "kiosk/operator/operator_flow.h"
#include "kiosk/operator/screens/operator_screen.h"
#include "kiosk/operator_accounts.h"
#include "kiosk/receipt_printing.h"
#include "offline-store/store.h"
#include "protocol/sealing.h"
#include "ui/keyboard.h"
#include "ui/platform.h"
#include "ui/widgets.h"

namespace pk::kiosk::op {

struct DeskParts {
  const catalog::Catalog& catalog;
  const Config& config;
  store::Store& store;
  const std::optional<store::PublicKey>& centre_key;
  ReceiptPrinting* printing = nullptr;        // null: no printer configured
  scanner::ScannerDriver* scanner = nullptr;  // null: no scanner configured
  std::function<int64_t()> now_unix;          // wall clock; empty: time()
  imaging::PipelineOptions pipeline = {};
};

class OperatorDesk {
 public:
  [[nodiscard]] static Result<std::unique_ptr<OperatorDesk>> create(DeskParts parts);
  ~OperatorDesk();

  [[nodiscard]] OperatorFlow& flow() { return m_flow; }
  [[nodiscard]] OperatorAccounts& accounts() { return *m_accounts; }
  [[nodiscard]] bool rtl() const { return m_flow.rtl(); }
  [[nodiscard]] catalog::Language language() const { return m_flow.language(); }
  [[nodiscard]] bool scanning() const { return m_batch != nullptr; }
  // A new scanner (a technician picked another one); not while a batch runs.
  void set_scanner(scanner::ScannerDriver* scanner);

  // Before drawing: pages the pipeline has finished go to the flow (never waits); the flow's
  // audit notes go to the store.
  void poll();
  // Draws the current screen into `screen`, with the centre's outage notices (already worded)
  // where the screen shows them; returns the I/O to perform after the frame.
  [[nodiscard]] OperatorAction draw(ui::Ui& ui, const ui::Rect& screen,
                                    std::span<const std::string> notices = {});
  void perform(OperatorAction action, double now);
  // The idle logout's countdown banner alone, over a walk-in's errand on the citizen's screens
  // (the operator's session and its clock run on there). Draws nothing while no countdown runs.
  void draw_idle_logout_banner(ui::Ui& ui, const ui::Rect& screen);
  // A code the barcode scanner read while the desk is on screen: a kiosk's service slip opens a
  // new application with its service chosen. Returns false when the code was not for the desk
  // (not a slip, or not now: the operator is mid-application or not logged in).
  bool code_scanned(std::string_view code);

  // The idle logout (now: the App's monotonic frame clock). Any touch calls touched(now).
  void touched(double now) { m_flow.touched(now); }
  // Counts down, then logs an idle operator out, wiping the application in progress and
  // writing "idle_logout" to the audit log. Returns true when it logged the operator out.
  bool tick(double now);
  [[nodiscard]] double seconds_until_next_tick(double now) const {
    return m_flow.seconds_until_next_tick(now);
  }
  void collect_textures(std::vector<ui::ExternalTexture>& out);
  // True once for each operator session (a logout) that ended since the last call: the App then
  // wipes what the session left outside the flow, as for a citizen's (CitizenDesk).
  bool take_ended_session() {
    if (m_flow.sessions_ended() == m_sessions_taken) return false;
    m_sessions_taken = m_flow.sessions_ended();
    return true;
  }

 private:
  explicit OperatorDesk(DeskParts parts);
  [[nodiscard]] int64_t now_unix() const;
  void login();
  void start_scan();
  void submit(double now);
  void load_outbox();
  void audit(std::string_view actor, std::string_view action, std::string_view detail);
  void flush_audit();
  void logout(LogoutReason reason);
  [[nodiscard]] ArrivedPage to_arrived(imaging::ProcessedPage page);

  DeskParts m_parts;
  std::unique_ptr<OperatorAccounts> m_accounts;
  OperatorFlow m_flow;
  ui::OnScreenKeyboard m_keyboard{ui::KeyboardLayout::Numeric};
  std::unique_ptr<BatchScan> m_batch;
  uint64_t m_next_thumb_id = uint64_t{1} << 40;  // clear of the citizen previews' ids
  bool m_thumbs_dirty = true;
  uint64_t m_sessions_taken = 0;  // OperatorFlow::sessions_ended() when last taken
};

}  // namespace pk::kiosk::op
