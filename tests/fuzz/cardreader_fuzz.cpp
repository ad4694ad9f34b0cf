// Fuzz targets for every parser of card data in drivers/cardreader. One source, one target per
// parser, chosen at compile time (PK_CARDREADER_FUZZ_TARGET), so each has its own corpus.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drivers/cardreader/apdu.h"
#include "drivers/cardreader/apps/icao/data_groups.h"
#include "drivers/cardreader/apps/icao/face_image.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/secure_messaging.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/atr.h"
#include "drivers/cardreader/ber_tlv.h"

using namespace pk::cardreader;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
#if PK_CARDREADER_FUZZ_TARGET == 1  // ATR
  auto atr = parse_atr(input);
  if (atr) {
    (void)atr->fi();
    (void)atr->di();
    (void)contactless_storage_card(*atr);
    (void)is_contactless_processor_card(*atr);
  }
#elif PK_CARDREADER_FUZZ_TARGET == 2  // BER-TLV, recursively into constructed values
  struct Walk {
    static void run(ByteView bytes, int depth) {
      auto all = parse_tlvs(bytes);
      if (!all || depth > 16) return;
      for (const Tlv& tlv : *all)
        if (tlv.constructed()) run(tlv.value, depth + 1);
    }
  };
  Walk::run(input, 0);
  (void)tlv_total_size(input);
  (void)parse_command(input);
  (void)parse_response(input);
#elif PK_CARDREADER_FUZZ_TARGET == 3  // DG1 and MRZ text
  (void)icao::parse_dg1(input);
  auto mrz = icao::parse_mrz(std::string_view(reinterpret_cast<const char*>(data), size));
  if (mrz) (void)mrz->key();
  (void)icao::parse_ef_com(input);
#elif PK_CARDREADER_FUZZ_TARGET == 4  // EF.SOD
  (void)icao::parse_sod(input);
#elif PK_CARDREADER_FUZZ_TARGET == 5  // secure-messaging responses (Doc 9303 appendix D keys)
  const icao::SessionKeys keys{
      {0x97, 0x9E, 0xC1, 0x3B, 0x1C, 0xBF, 0xE9, 0xDC, 0xD0, 0x1A, 0xB0, 0xFE, 0xD3, 0x07, 0xEA, 0xE5},
      {0xF1, 0xCB, 0x1F, 0x1F, 0xB5, 0xAD, 0xF2, 0x08, 0x80, 0x6B, 0x89, 0xDC, 0x57, 0x9D, 0xC1, 0xF8}};
  icao::SecureMessaging terminal(keys, 0x887022120C06C22BULL);
  (void)terminal.unprotect_response(input);
  icao::SecureMessaging card(keys, 0x887022120C06C226ULL);
  if (auto command = parse_command(input)) (void)card.unprotect_command(*command);
#elif PK_CARDREADER_FUZZ_TARGET == 6  // DG2 and the face decoders
  auto face = icao::parse_dg2(input);
  if (face) (void)icao::decode_face(*face);
  (void)icao::decode_jpeg(input);
  (void)icao::decode_jpeg2000(input);
#else
#error "PK_CARDREADER_FUZZ_TARGET must be 1..6"
#endif
  return 0;
}
