#pragma once
// The citizen's side of the App, beside the operator's desk (kiosk/operator/operator_desk.h)
// and the technician's (kiosk/technician/technician_desk.h): it holds the citizen flow, the
// on-screen keyboard, spoken guidance and the previews of scanned pages, draws the citizen
// screens into the window the App began, and after the frame performs the I/O they asked for
// (scan a page, look up a status, seal and save, print the receipt or the counter slip, read a
// passport's chip). At a counter terminal the same desk serves a walk-in's status check and
// failure report. The App calls draw → (end the window) → draw_overlays → (present) → perform.
//
// It reaches the rest of the kiosk only through CitizenServices, which the App fills once.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.h"
#include "kiosk/citizen/citizen_flow.h"
#include "kiosk/citizen/screens/screen.h"
#include "kiosk/citizen/spoken_guidance.h"
#include "kiosk/config.h"
#include "kiosk/device_set.h"
#include "offline-store/store.h"
#include "protocol/sealing.h"
#include "sla/outage_detector.h"
#include "sync/sync_worker.h"
#include "ui/keyboard.h"
#include "ui/platform.h"
#include "ui/widgets.h"

namespace pk::kiosk {

// What the desk borrows from the App. Everything here outlives the desk; the catalog is
// swapped in place by the App, only while the flow is at its welcome screen.
struct CitizenServices {
  const catalog::Catalog& catalog;
  const Config& config;
  DeviceSet& devices;
  const std::optional<store::PublicKey>& centre_key;  // empty: not enrolled, nothing accepted
  // The sync worker while one runs (replaced by an enrollment): a saved capture wakes it, and
  // the Saved screen then watches for the centre's acknowledgement.
  const std::unique_ptr<sync::SyncWorker>& sync;
  // The store, asked for at each use: a factory reset opens it again.
  std::function<store::Store&()> store;
  // How a scan or a print went, for the outage detector.
  std::function<void(const sla::Observation&)> observe;
  // At a counter terminal, the operator whose walk-in this is ("" when nobody is logged in);
  // empty at a kiosk. It is recorded with a failure report and changes the not-saved wording.
  std::function<std::optional<std::string>()> counter_operator;
};

// Which of a walk-in's errands the operator opened on the citizen's screens.
enum class CounterErrand { StatusCheck, FailureReport };

class CitizenDesk {
 public:
  // `speech` may be null (spoken guidance off, or its device could not be opened).
  CitizenDesk(CitizenServices services, std::unique_ptr<SpokenGuidance> speech);
  CitizenDesk(const CitizenDesk&) = delete;
  CitizenDesk& operator=(const CitizenDesk&) = delete;

  [[nodiscard]] CitizenFlow& flow() { return m_flow; }
  [[nodiscard]] const CitizenFlow& flow() const { return m_flow; }
  [[nodiscard]] bool rtl() const { return m_flow.rtl(); }
  [[nodiscard]] bool at_welcome() const { return m_flow.state().screen == CitizenScreen::Welcome; }
  [[nodiscard]] SpokenGuidance* speech() { return m_speech.get(); }
  // The technician's screens type on the same keyboard (its layout carries over).
  [[nodiscard]] ui::OnScreenKeyboard& keyboard() { return m_keyboard; }

  // Draws the current screen into `screen`, inside the window the App began, with the outage
  // notices (already worded in the session's language) on the welcome screen; returns the I/O
  // the screen asked for. A screen that has just opened starts saying its title and prompt.
  [[nodiscard]] PendingAction draw(ui::Ui& ui, const ui::Rect& screen, std::span<const std::string> notices);
  // After the App ended the window (and drew the counter's logout banner): the "more time?" dialog.
  void draw_overlays(ui::Ui& ui, const ui::Rect& screen, double now);
  // After the frame is presented (OpenTechnician is the App's, never performed here).
  void perform(PendingAction action, double now);

  // A code the barcode scanner read: a receipt's code opens its status check from the welcome
  // screen or fills the status screen's field and looks it up. During someone's session a stray
  // scan is ignored: it is not theirs.
  void code_scanned(const std::string& code);
  // At a counter: opens the citizen's screens for a walk-in's errand, in `language`.
  void open_counter_errand(CounterErrand errand, catalog::Language language, double now);

  // The session clock: any touch calls touched(now); tick(now) offers more time, then wipes an
  // idle session and goes back to welcome (returns true when it wiped).
  void touched(double now) { m_flow.touched(now); }
  bool tick(double now) { return m_flow.tick(now); }
  [[nodiscard]] double seconds_until_next_tick(double now) const {
    return m_flow.seconds_until_next_tick(now);
  }
  // True once for each session that ended since the last call (the App then wipes what the
  // session left outside the flow); stops whatever is still being said.
  bool take_ended_session();

  // While the Saved screen shows, asks the store whether the centre has acknowledged it yet;
  // true when the screen has news (asks at most twice a second of `now`).
  bool watch_saved_delivery(double now);
  // The scanned pages' previews, for the frame's texture upload.
  void collect_textures(std::vector<ui::ExternalTexture>& out);

 private:
  [[nodiscard]] ScreenContext context(ui::Ui& ui, const ui::Rect& screen);
  void draw_screen(ScreenContext& ctx);
  void scan_page();
  void submit(PendingAction action, double now);
  void read_passport_chip();
  void print_counter_slip();

  CitizenServices m_services;
  CitizenFlow m_flow;
  std::unique_ptr<SpokenGuidance> m_speech;
  ui::OnScreenKeyboard m_keyboard;
  uint64_t m_sessions_forgotten = 0;  // CitizenFlow::sessions_ended() when last taken
  uint64_t m_next_preview_id = 1;
  bool m_preview_dirty = true;  // previews are uploaded once; their pixels never change
  double m_last_delivery_check = 0;
};

}  // namespace pk::kiosk
