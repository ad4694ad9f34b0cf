#include "kiosk/enrolled_identity.h"

#include <spdlog/spdlog.h>

namespace pk::kiosk {

void apply_enrolled_identity(Config& config, const provisioning::TerminalIdentity& identity) {
  config.terminal_id = identity.terminal_id;
  config.terminal_number = identity.terminal_number;
  config.office = identity.office;
  // The centre it enrolled with, where its certificate is good (centre.url is what --enroll uses).
  if (!config.centre_url.empty()) config.centre_url = identity.centre_url;
}

void apply_enrolled_identity(Config& config) {
  auto identity = provisioning::load_identity(config.data_dir);
  if (!identity) {
    spdlog::error("{}", identity.error().message);
    return;
  }
  if (identity->has_value()) apply_enrolled_identity(config, **identity);
}

}  // namespace pk::kiosk
