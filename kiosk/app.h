#pragma once
// The kiosk application: wires the configuration, the catalog, the store, the devices, the
// text engine and the platform together, and runs the frame loop. It holds no business rules
// and performs no mode's I/O: each frame goes to the desk of the mode on screen (the citizen's,
// kiosk/citizen/citizen_desk.h; the operator's at a counter; the technician's), which draws its
// screens and does what they asked for after the frame.
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "domain/catalog.h"
#include "domain/result.h"
#include "drivers/barcode/barcode_scanner.h"
#include "drivers/cardreader/card_reader.h"
#include "drivers/scanner/scanner.h"
#include "kiosk/citizen/citizen_desk.h"
#include "kiosk/citizen/citizen_flow.h"
#include "kiosk/config.h"
#include "kiosk/device_set.h"
#include "kiosk/frame_host.h"
#include "kiosk/idle_probes.h"
#include "kiosk/receipt_printing.h"
#include "kiosk/service_level_watch.h"
#include "kiosk/technician/technician_desk.h"
#include "offline-store/store.h"
#include "protocol/sealing.h"
#include "provisioning/enrollment.h"
#include "sla/ledger.h"
#include "sla/outage_detector.h"
#include "sla/time_source.h"
#include "sync/sync_worker.h"
#include "ui/keyboard.h"
#include "ui/pictograms/pictogram_atlas.h"
#include "ui/platform.h"
#include "ui/text/text_engine.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace pk::kiosk {

namespace op {
class OperatorDesk;
}
namespace tech {
class TechnicianDesk;
}

class App {
 public:
  static Result<std::unique_ptr<App>> create(const Config& config, ui::DisplayMode mode);
  ~App();

  // The interactive loop until the window closes. Returns the process exit code.
  int run();

  // One frame at time `now` (seconds, monotonic). Public for the journey and tests.
  void render_frame(double now);
  // The frame loop's session clock at `now`: "more time?" once the session has been idle for
  // ui.idle_timeout_seconds, then, unanswered, the wipe and the welcome screen. Returns true
  // when the session was wiped. Public for the memory probe (kiosk/wipe_probe.h).
  bool tick_session(double now);
  Result<void> screenshot(const std::filesystem::path& png) const {
    return m_frame->platform().screenshot(png);
  }

  // A finger on the screen: press on this frame, release on the next (headless only).
  // Returns false when no widget with that id was drawn in the last frame.
  bool tap(std::string_view widget_id, double now);

  // Where a tappable widget was drawn in the last frame, or nullptr.
  [[nodiscard]] const ui::Rect* target(std::string_view widget_id) const {
    return m_frame->ui().target(widget_id);
  }
  [[nodiscard]] CitizenFlow& flow() { return m_citizen->flow(); }
  [[nodiscard]] const catalog::Catalog& catalog() const { return m_catalog; }
  [[nodiscard]] ui::Platform& platform() { return m_frame->platform(); }
  [[nodiscard]] ui::TextEngine& text() { return *m_text; }
  // The widgets' state of the last frame (tap targets, pictograms drawn); for tests.
  [[nodiscard]] const ui::Ui& ui() const { return m_frame->ui(); }
  [[nodiscard]] const ui::PictogramAtlas& pictograms() const { return m_frame->pictograms(); }
  // The widgets' per-frame record of what they drew (off until turned on): the layout walk.
  [[nodiscard]] ui::DrawnBoxes& drawn() { return m_frame->ui().drawn(); }
  [[nodiscard]] store::Store& store() { return *m_store; }
  [[nodiscard]] scanner::ScannerDriver* scanner() { return m_devices.scanner(); }
  [[nodiscard]] ReceiptPrinting* printing() { return m_devices.printing(); }
  [[nodiscard]] barcode::BarcodeScannerDriver* barcode_scanner() { return m_devices.barcode(); }
  [[nodiscard]] cardreader::CardReaderDriver* card_reader() { return m_devices.card_reader(); }
  // Counter mode (ui.mode = "counter"): the operator's side; null in citizen mode.
  [[nodiscard]] op::OperatorDesk* operator_desk() { return m_desk.get(); }
  // Technician mode (reached from the welcome screen, PIN protected).
  [[nodiscard]] tech::TechnicianDesk* technician_desk() { return m_tech.get(); }
  [[nodiscard]] sla::Ledger* ledger() { return m_levels->ledger(); }
  // Spoken guidance; null when speech is off or its device could not be opened.
  [[nodiscard]] SpokenGuidance* speech() { return m_citizen->speech(); }
  // Waits (up to max_seconds) for the sync worker to empty the outbox; returns what is still
  // pending. Without a centre configured it returns at once. For the demo and tests.
  int64_t wait_until_delivered(double max_seconds);
  // How the wait for the centre's word on one capture ended (wait_for_status_poll).
  enum class StatusPoll {
    Answered,  // the sync worker asked the centre about it since start, and the centre answered
    Failed,    // it asked, and the centre or the link failed
    NotAsked,  // it is not asked about: not saved here, or its stored status is already final
    NoCentre,  // no sync worker (no centre configured, or not enrolled)
    TimedOut,
  };
  // Waits (up to max_seconds) until the sync worker has asked the centre about the capture with
  // these 14 digits since the kiosk started. For the headless status check (--status-check).
  StatusPoll wait_for_status_poll(const std::string& digits, double max_seconds);
  // How the wait for the sync worker's first ledger sync ended (wait_for_first_ledger_sync).
  enum class FirstLedgerSync {
    Done,      // it finished (answered or not): the notices are worded again from the ledger
    NoCentre,  // no sync worker (no centre configured, or not enrolled)
    TimedOut,
  };
  // Waits (up to max_seconds) until the sync worker has finished its first ledger sync since
  // start, so the ledger holds the outage notices the centre had then, and words them again.
  // For the scripted journey: its welcome screen shows what the centre has published.
  FirstLedgerSync wait_for_first_ledger_sync(double max_seconds);
  // Re-reads the outage notices the welcome screen shows (after a sync brought new ones).
  void refresh_notices() { m_levels->refresh_notices(m_catalog); }
  // While the Saved screen shows, asks the store whether the centre has acknowledged it yet;
  // true when the screen has news (asks at most twice a second of `now`). The frame loop calls
  // it; the scripted journey too, so its picture shows where the capture went.
  bool watch_saved_delivery(double now) { return m_citizen->watch_saved_delivery(now); }
  [[nodiscard]] bool has_centre() const { return m_sync != nullptr; }
  // The notices as the last refresh worded them, in a session's language.
  [[nodiscard]] const std::vector<std::string>& notices_in(catalog::Language language) const {
    return m_levels->notices_in(language);
  }
  // Uses another scanner from now on (a technician picked one; tests use a slow one). Not
  // while a counter batch is running: returns false then.
  bool replace_scanner(std::unique_ptr<scanner::ScannerDriver> scanner);
  // A technician enrolled this kiosk from its screen: it takes on the identity now, as a restart
  // would (terminal id, number, office and centre from the identity; the centre's sealing key;
  // the catalog enrollment stored when newer; the sync worker restarted with the certificate).
  void adopt_enrollment(const provisioning::EnrollOutcome& outcome);

 private:
  App() = default;
  // The frame loop's hooks (kiosk/frame_loop.h).
  [[nodiscard]] int wait_ms(double now) const;
  int between_frames(double now, bool had_input);
  // Ends the frame begun with m_frame->begin(): the desks' images, render, present.
  void finish_frame();
  // Counter mode (app_counter.cpp). Draws the operator's frame, or returns false when a
  // walk-in's errand is open on the citizen's screens (render_frame draws those).
  bool render_counter_frame(double now);
  Result<void> open_operator_desk();
  [[nodiscard]] bool counter_errand_open() const;
  // The operator's idle logout; true when a frame is due (the countdown shows, or it logged out).
  bool tick_counter(double now);
  // When a citizen's or an operator's session ended since the last call: wipes what it left
  // outside the flows (the text engine's layouts of its fields, the stack below).
  void forget_ended_session();
  // Makes the citizen's desk with what it borrows from the App (CitizenServices).
  void open_citizen_desk(std::unique_ptr<SpokenGuidance> speech);
  void render_technician_frame(double now);
  bool poll_barcode(double now);          // true when a code was read
  bool poll_counter_barcode(double now);  // counter mode, no technician or status check open
  // The centre's heartbeats, and the devices no job is using: outages of an idle terminal.
  void probe_idle(double now);
  // Starts delivery to the centre as `identity` (mutual TLS), replacing a running worker.
  void start_sync(const provisioning::TerminalIdentity& identity);
  // At start: the same when the kiosk is enrolled and a centre is configured (said in the log if not).
  void start_sync_if_enrolled();
  // Switches to a newer catalog the sync worker stored, when no citizen is mid-application.
  void adopt_synced_catalog();
  void use_stored_catalog(std::string_view why);

  Config m_config;
  catalog::Catalog m_catalog;
  std::unique_ptr<store::Store> m_store;
  std::optional<store::PublicKey> m_centre_key;
  std::unique_ptr<ui::TextEngine> m_text;
  DeviceSet m_devices;                 // after m_text: its receipt renderer uses the text engine
  std::unique_ptr<FrameHost> m_frame;  // after m_text (its widgets lay out with it)
  std::unique_ptr<CitizenDesk> m_citizen;
  std::unique_ptr<op::OperatorDesk> m_desk;  // counter mode only
  std::unique_ptr<tech::TechnicianDesk> m_tech;
  std::unique_ptr<ServiceLevelWatch> m_levels;  // ledger, outage detector, probes, notices
  std::unique_ptr<sync::SyncWorker> m_sync;     // null when no centre is configured
  // The captures the sync worker asked the centre about since start, and whether it answered
  // (written on the worker's thread; capped, since only a status check waits on it).
  std::mutex m_status_asked_mutex;
  std::map<std::string, bool> m_status_asked;
  int64_t m_synced_catalog_tried = 0;  // the stored version last loaded: a bad file is tried once
};

}  // namespace pk::kiosk
