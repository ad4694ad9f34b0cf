#pragma once
// The technician's screens: service levels (the agreement's figures, a chart per month, open
// outages, clock warnings), devices, and the outbox. They draw from plain data the App
// gathers (sla::TechnicianData, store statistics, device lines) and send events to the flow.
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog.h"
#include "domain/sla_technician.h"
#include "kiosk/technician/technician_flow.h"
#include "offline-store/records.h"
#include "ui/keyboard.h"
#include "ui/widgets.h"

namespace pk::kiosk::tech {

struct DeviceLine {
  std::string role;    // "printer", "scanner"... in the technician's language
  std::string status;  // what the driver says
  bool ok = false;
};

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
  // Set by the screens for the App.
  bool login_requested = false;
  bool exit_requested = false;
};

void draw_technician(TechContext& ctx);

}  // namespace pk::kiosk::tech
