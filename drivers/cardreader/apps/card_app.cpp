#include "drivers/cardreader/apps/card_app.h"

#include "drivers/cardreader/apps/icao/passport_app.h"

namespace pk::cardreader {

const CardApp* CardAppRegistry::find(std::string_view id) const {
  for (const auto& app : m_apps)
    if (app->id() == id) return app.get();
  return nullptr;
}

CardAppRegistry make_card_app_registry() {
  CardAppRegistry registry;
  registry.add<icao::PassportApp>();
  return registry;
}

}  // namespace pk::cardreader
