#include "kiosk/kiosk_commands.h"

#include <spdlog/spdlog.h>

#include <ctime>
#include <filesystem>
#include <iostream>

#include "base/secure_wipe.h"
#include "domain/tracking_code.h"
#include "kiosk/citizen/status_check.h"
#include "kiosk/operator/operator_admin.h"
#include "kiosk/operator_accounts.h"
#include "offline-store/store.h"
#include "provisioning/enrollment.h"

namespace pk::kiosk {

int add_account_command(const Config& config, const std::string& id, std::string_view role) {
  const std::string flag = "--add-" + std::string(role);
  std::string pin;
  std::getline(std::cin, pin);
  if (!pin.empty() && pin.back() == '\r') pin.pop_back();
  if (auto id_ok = op::normalise_operator_id(id); !id_ok) {
    spdlog::error("{}: {}", flag, id_ok.error().message);
    return 2;
  }
  if (auto pin_ok = op::normalise_pin(pin); !pin_ok) {
    secure_wipe(pin);
    spdlog::error("{}: {} (read from standard input)", flag, pin_ok.error().message);
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  auto store = store::Store::open(config.data_dir / "pishkhan.db");
  auto accounts =
      op::OperatorAccounts::open(role == "technician" ? config.data_dir / "technicians.json"
                                                      : op::OperatorAccounts::default_path(config.data_dir));
  if (!store || !accounts) {
    secure_wipe(pin);
    spdlog::error("{}: {}", flag, !store ? store.error().message : accounts.error().message);
    return 1;
  }
  auto added = op::add_operator(**accounts, **store, id, pin, static_cast<int64_t>(std::time(nullptr)), role);
  secure_wipe(pin);
  if (!added) {
    spdlog::error("{}: {}", flag, added.error().message);
    return 1;
  }
  spdlog::info("{} {} saved in {}", role, id, (*accounts)->path().string());
  return 0;
}

int enroll_command(const Config& config, const std::string& code, const std::string& url,
                   const std::string& pin) {
  provisioning::EnrollOptions options;
  options.data_dir = config.data_dir;
  options.code = code;
  options.centre_url = url;
  options.centre_pin = pin;
  const provisioning::EnrollOutcome outcome = provisioning::enroll(options);
  if (!outcome.ok()) {
    spdlog::error("--enroll: {} ({})", outcome.message, provisioning::to_string(outcome.failure));
    return outcome.failure == provisioning::EnrollFailure::MistypedCode ||
                   outcome.failure == provisioning::EnrollFailure::BadArguments
               ? 2
               : 1;
  }
  spdlog::info("--enroll: {}", outcome.message);
  // The catalog comes with the enrollment; without it the terminal is enrolled all the same.
  if (outcome.catalog.result == provisioning::CatalogFetch::Failed)
    spdlog::warn("--enroll: catalog: {}", outcome.catalog.message);
  else
    spdlog::info("--enroll: {}", outcome.catalog.message);
  return 0;
}

namespace {
// How long --status-check waits for the sync worker's poll of the code before it shows what the
// store holds.
constexpr double kStatusWaitSeconds = 30;
}  // namespace

int status_check_command(App& app, const std::string& code, const std::string& png) {
  const std::string digits = parse_tracking_code(code).value().digits();  // checked in main()
  using Poll = App::StatusPoll;
  switch (app.wait_for_status_poll(digits, kStatusWaitSeconds)) {
    case Poll::Answered:
      spdlog::info("status check: the centre was asked about {} and answered", digits);
      break;
    case Poll::Failed:
      spdlog::warn(
          "status check: the centre was asked about {} and did not answer; showing what the store holds",
          digits);
      break;
    case Poll::NotAsked: {
      auto record = app.store().find_by_tracking_code(digits);
      spdlog::info(
          "status check: {} {}, so the centre is not asked about it", digits,
          record && !record.value() ? "was not saved on this terminal" : "has a final status in the store");
      break;
    }
    case Poll::NoCentre:
      spdlog::warn(
          "status check: no centre to ask (not configured or not enrolled); showing what the store holds");
      break;
    case Poll::TimedOut:
      spdlog::warn(
          "status check: no status poll of {} finished within {:.0f} s; showing what the store holds", digits,
          kStatusWaitSeconds);
      break;
  }
  auto shown = run_status_check(app, code, png);
  if (!shown) {
    spdlog::error("--status-check {}: {}", code, shown.error().message);
    return 1;
  }
  auto record = app.store().find_by_tracking_code(digits);
  const auto centre = record && record.value() ? record.value()->centre_status : std::nullopt;
  spdlog::info("status check: {} shown ({}): \"{}\"; centre status {}; {} line(s) from the back office; {}",
               shown->tracking_display, language_code(app.flow().language()), shown->message,
               centre ? store::to_string(*centre) : std::string_view("none"), shown->details.size(), png);
  return 0;
}

}  // namespace pk::kiosk
