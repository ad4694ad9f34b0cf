#pragma once
// The card-reader drivers the terminal knows, chosen by connection string from the
// configuration, or from the PK_CARD_READER environment variable ("sim:passport" in demos).
#include <memory>
#include <string>

#include "drivers/cardreader/card_reader.h"
#include "drivers/device.h"

namespace pk::cardreader {

using CardReaderRegistry = DriverRegistry<CardReaderDriver>;

[[nodiscard]] CardReaderRegistry make_card_reader_registry();  // pcsc, sim
// PK_CARD_READER when set, else `configured`.
[[nodiscard]] Result<std::unique_ptr<CardReaderDriver>> create_card_reader(const CardReaderRegistry& registry,
                                                                           const std::string& configured);

}  // namespace pk::cardreader
