#include "drivers/cardreader/card_reader_registry.h"

#include <cstdlib>

#include "drivers/cardreader/pcsc_reader.h"
#include "drivers/cardreader/sim_card_reader.h"

namespace pk::cardreader {

CardReaderRegistry make_card_reader_registry() {
  CardReaderRegistry registry;
  registry.add<PcscReader>();
  registry.add<SimCardReader>();
  return registry;
}

Result<std::unique_ptr<CardReaderDriver>> create_card_reader(const CardReaderRegistry& registry,
                                                             const std::string& configured) {
  const char* from_env = std::getenv("PK_CARD_READER");
  return registry.create(from_env != nullptr && *from_env != '\0' ? std::string(from_env) : configured);
}

}  // namespace pk::cardreader
