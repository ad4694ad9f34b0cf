#pragma once
// The technician's screens: service levels (the agreement's figures, a chart per month, open
// outages, clock warnings), devices, and the outbox. They draw from plain data the App
// gathers (sla::TechnicianData, store statistics, device lines) and send events to the flow.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/sla_technician.h"
#include "kiosk/technician/technician_flow.h"
#include "offline-store/records.h"
#include "provisioning/device_setup.h"
#include "provisioning/diagnostics.h"
#include "ui/keyboard.h"
#include "ui/screen_kit.h"
#include "ui/widgets.h"

namespace pk::kiosk::tech {

struct DeviceLine {
  std::string role;    // "printer", "scanner"... in the technician's language
  std::string status;  // what the driver says
  bool ok = false;
};

// Device set-up, diagnostics and factory reset as the desk last read them.
struct RoleSetup {
  provisioning::RoleDevices found;
  int chosen = -1;  // index into found.devices; -1: no device for this role
  std::optional<provisioning::SelfTestResult> result;
  // A self-test of this role running off the frame loop, for how long.
  bool testing = false;
  int testing_seconds = 0;
};

struct SetupView {
  std::array<RoleSetup, 4> roles;  // by provisioning::DeviceRole
  bool searching = false;          // the drivers are listing devices (off the frame loop)
  std::string devices_message;
  bool devices_message_ok = true;
  std::optional<provisioning::DiagnosticsSummary> diagnostics;
  std::vector<std::filesystem::path> destinations;
  int destination = 0;
  std::string export_message;
  bool export_ok = true;
  // Sending the bundle to the centre (runs off the frame loop): while `uploading`, the screen
  // shows progress; then upload_message says how it ended.
  bool uploading = false;
  long long upload_bytes = 0;
  std::string upload_message;
  bool upload_ok = true;
  long long unsent = -1;  // -1: unknown
  std::vector<std::string> unsent_codes;
};

// What a tap on these screens asks the desk to do after the frame.
enum class TechRequest {
  None,
  ChooseDevice,  // request_role, request_index (-1: none)
  SelfTest,      // request_role
  SaveDevices,
  RefreshDevices,
  ChooseDestination,  // request_index
  Export,
  SendToCentre,
  ConfirmReset,
};

class EnrollPanel;  // technician_enroll_screen.h

struct TechContext {
  ui::Ui& ui;
  ui::OnScreenKeyboard& keyboard;
  TechnicianFlow& flow;
  const catalog::Catalog& catalog;
  Language language = Language::Persian;
  ui::Rect screen;
  const sla::TechnicianData* service_levels = nullptr;  // null: the ledger could not be read
  std::string service_levels_problem{};
  std::vector<DeviceLine> devices{};
  std::optional<store::StoreStats> outbox{};
  std::string terminal_id{};
  const SetupView* setup = nullptr;
  EnrollPanel* enroll = nullptr;  // the Enrollment tab keeps its fields there
  // Set by the screens for the App.
  TechRequest request = TechRequest::None;
  int request_role = 0;
  int request_index = 0;
  bool login_requested = false;
  bool exit_requested = false;
};

void draw_technician(TechContext& ctx);

}  // namespace pk::kiosk::tech
