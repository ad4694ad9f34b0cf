#pragma once
// The App's technician side: the flow, the technicians' accounts (argon2id PINs in
// <data_dir>/technicians.json, lockout, like the operators'), the audit of every sign-in, and
// the data the screens show, gathered only while a technician is signed in.
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/background_task.h"
#include "kiosk/config.h"
#include "kiosk/operator_accounts.h"
#include "kiosk/technician/technician_enroll_screen.h"
#include "kiosk/technician/technician_screens.h"
#include "offline-store/store.h"
#include "provisioning/diagnostics_upload.h"
#include "provisioning/factory_reset.h"
#include "receipts/receipt_render.h"
#include "sla/ledger.h"

namespace pk::kiosk::tech {

struct DeskDevices {
  std::string printer;  // status words from the drivers, or why there is none
  bool printer_ok = false;
  std::string scanner;
  bool scanner_ok = false;
  std::string card_reader;  // empty: no line (none configured)
  bool card_reader_ok = false;
  std::string barcode;
  bool barcode_ok = false;
};

// What the desk needs from the App to act on the set-up, diagnostics and reset screens.
struct TechServices {
  store::Store& store;
  sla::Ledger* ledger;
  const Config& config;
  const catalog::Catalog& catalog;
  ui::TextEngine& text;
  // Closes every handle on the data folder, runs the wipe and brings the kiosk back to first
  // boot (the App's job: it owns the handles).
  std::function<Result<provisioning::ResetReport>(const provisioning::ResetPlan&)> factory_reset;
  int64_t now_unix = 0;
  // The kiosk's own device of `role` when it is the one at `connection` (null otherwise): a
  // self-test of the device the kiosk holds runs on the kiosk's object, which the frame loop
  // leaves alone while TechnicianDesk::holds(role). A second object would find it busy.
  std::function<Device*(provisioning::DeviceRole, const std::string& connection)> lend_device{};
  // The running kiosk takes on an identity enrolled from the Enrollment tab (App::adopt_enrollment).
  std::function<void(const provisioning::EnrollOutcome&)> enrolled{};
};

class TechnicianDesk {
 public:
  static Result<std::unique_ptr<TechnicianDesk>> create(const std::filesystem::path& data_dir);

  [[nodiscard]] TechnicianFlow& flow() { return m_flow; }
  [[nodiscard]] bool active() const { return m_active; }
  void open() { m_active = true; }

  // Draws the current screen; returns true when the technician left (the App shows welcome).
  bool draw(TechContext& ctx);
  // After the frame: checks a sign-in the screen asked for (one argon2id hash), and does what
  // the set-up, diagnostics and reset screens asked for.
  void perform(const TechContext& ctx, TechServices& services);
  // Finds the devices, reads the diagnostics summary and the backlog (after sign-in, on
  // "search again").
  void refresh_setup(TechServices& services);
  [[nodiscard]] const SetupView& setup() const { return m_setup; }
  // A self-test or a device search is running (the App keeps drawing frames to show it).
  [[nodiscard]] bool busy() const;
  // A running self-test has the kiosk's own device of `role` (see TechServices::lend_device).
  [[nodiscard]] bool holds(provisioning::DeviceRole role) const;
  [[nodiscard]] const std::vector<DeviceLine>& device_lines() const { return m_devices; }
  // The Enrollment tab: a read from the barcode scanner goes there while it is shown; an
  // enrollment running off the frame loop keeps the App drawing.
  void scanned(std::string_view text);
  [[nodiscard]] bool enrolling() const { return m_enroll.running(); }
  [[nodiscard]] EnrollPanel& enroll_panel() { return m_enroll; }

  // Gathers the figures for the service-levels screen (only while signed in).
  void refresh(sla::Ledger* ledger, const std::string& ledger_problem, store::Store& store,
               const catalog::Catalog& catalog, const DeskDevices& devices, Language language);
  void fill(TechContext& ctx) const;

  // Adds or re-keys a technician (the command line's --add-technician).
  Result<void> set_technician(std::string_view id, std::string_view pin, int64_t now_unix);

 private:
  TechnicianDesk() = default;

  TechnicianFlow m_flow;
  std::unique_ptr<op::OperatorAccounts> m_accounts;
  bool m_active = false;
  std::optional<sla::TechnicianData> m_data;
  std::string m_data_problem;
  std::vector<DeviceLine> m_devices;
  std::optional<store::StoreStats> m_outbox;
  SetupView m_setup;
  EnrollPanel m_enroll;

  void perform_request(const TechContext& ctx, TechServices& services);
  void confirm_reset(TechServices& services);
  // Self-tests and the device search run off the frame loop, one test per role at a time.
  struct RoleTest {
    std::chrono::steady_clock::time_point started;
    bool pending = false;  // started, result not taken yet
    bool lent = false;     // on the kiosk's own device
    BackgroundTask<provisioning::SelfTestResult> task;
  };
  void start_self_test(const TechContext& ctx, TechServices& services, size_t role);
  void collect_device_work(TechServices& services);
  void apply_discovery(std::vector<provisioning::RoleDevices> found, TechServices& services);
  bool m_searching = false;
  std::array<RoleTest, 4> m_tests;  // by provisioning::DeviceRole
  BackgroundTask<std::vector<provisioning::RoleDevices>> m_search;
  // The diagnostics bundle on its way to the centre, off the frame loop (the technician may
  // keep using the screens); its outcome is worded in the language of the tap that sent it.
  void start_upload(const TechContext& ctx, TechServices& services);
  void finish_upload(TechServices& services);
  Language m_upload_language = Language::Persian;
  BackgroundTask<provisioning::UploadResult> m_upload;  // last: joined before the rest goes
  [[nodiscard]] provisioning::DiagnosticsSources diagnostics_sources(TechServices& services) const;
};

}  // namespace pk::kiosk::tech
