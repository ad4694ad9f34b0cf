#include "kiosk/technician/technician_desk.h"

#include <spdlog/spdlog.h>

#include "domain/text_normalize.h"
#include "kiosk/format.h"

namespace pk::kiosk::tech {

Result<std::unique_ptr<TechnicianDesk>> TechnicianDesk::create(const std::filesystem::path& data_dir) {
  std::unique_ptr<TechnicianDesk> desk(new TechnicianDesk());
  auto accounts = op::OperatorAccounts::open(data_dir / "technicians.json");
  if (!accounts) return accounts.error();
  desk->m_accounts = std::move(accounts.value());
  return desk;
}

Result<void> TechnicianDesk::set_technician(std::string_view id, std::string_view pin, int64_t now_unix) {
  return m_accounts->set_operator(id, pin, now_unix);
}

bool TechnicianDesk::draw(TechContext& ctx) {
  fill(ctx);
  draw_technician(ctx);
  if (!ctx.exit_requested) return false;
  m_flow.reset();
  m_data.reset();
  m_active = false;
  return true;
}

void TechnicianDesk::perform(const TechContext& ctx, store::Store& store, int64_t now_unix) {
  if (!ctx.login_requested) return;
  const std::string id = to_ascii_digits(m_flow.state().id);
  const op::LoginResult result = m_accounts->verify(id, m_flow.state().pin, now_unix);
  const bool persian = ctx.language == Language::Persian;
  switch (result.outcome) {
    case op::LoginOutcome::Ok:
      (void)store.append_audit("technician:" + id, "technician_login", "");
      m_flow.login_succeeded(id);
      break;
    case op::LoginOutcome::WrongCredentials:
      (void)store.append_audit("technician:" + id, "technician_login_failed", "");
      m_flow.login_failed(persian ? "شناسه یا رمز درست نیست." : "Wrong id or PIN.");
      break;
    case op::LoginOutcome::LockedOut:
      (void)store.append_audit("technician:" + id, "technician_locked_out", "");
      m_flow.login_failed(persian ? "ورود تا چند دقیقه بسته است: رمز چند بار اشتباه وارد شد."
                                  : "Signing in is locked for a few minutes after repeated wrong PINs.");
      break;
  }
}

void TechnicianDesk::refresh(sla::Ledger* ledger, const std::string& ledger_problem, store::Store& store,
                             const catalog::Catalog& catalog, const DeskDevices& devices, Language language) {
  if (!m_flow.logged_in()) return;
  m_data.reset();
  m_data_problem = ledger_problem;
  if (ledger) {
    std::vector<int> services;
    for (const catalog::Service& s : catalog.services) services.push_back(s.number);
    auto data = ledger->technician_data(services);
    if (data)
      m_data = std::move(data.value());
    else
      m_data_problem = data.error().message;
  }
  const bool persian = language == Language::Persian;
  m_devices = {{persian ? "چاپگر رسید" : "Receipt printer", devices.printer, devices.printer_ok},
               {persian ? "اسکنر" : "Scanner", devices.scanner, devices.scanner_ok}};
  auto stats = store.stats(static_cast<int64_t>(std::time(nullptr)));
  if (stats) m_outbox = stats.value();
}

void TechnicianDesk::fill(TechContext& ctx) const {
  ctx.service_levels = m_data ? &*m_data : nullptr;
  ctx.service_levels_problem = m_data_problem;
  ctx.devices = m_devices;
  ctx.outbox = m_outbox;
}

}  // namespace pk::kiosk::tech
