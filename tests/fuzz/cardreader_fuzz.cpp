// Fuzz targets for every parser of card data in drivers/cardreader. One source, one target per
// parser, chosen at compile time (PK_CARDREADER_FUZZ_TARGET), so each has its own corpus.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "drivers/cardreader/apdu.h"
#include "drivers/cardreader/apps/icao/csca_master_list.h"
#include "drivers/cardreader/apps/icao/data_groups.h"
#include "drivers/cardreader/apps/icao/face_image.h"
#include "drivers/cardreader/apps/icao/mrz.h"
#include "drivers/cardreader/apps/icao/passive_auth.h"
#include "drivers/cardreader/apps/icao/secure_messaging.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/atr.h"
#include "drivers/cardreader/ber_tlv.h"

using namespace pk::cardreader;

#if PK_CARDREADER_FUZZ_TARGET == 4
// A CSCA (certificate and CRL, no key) the EF.SOD target verifies against, so inputs reach
// OpenSSL's CMS parser and the certificate path check, not only the hash list. The seed
// corpus's signed.bin is signed by a document signer of this CSCA.
static const char kSeedMasterList[] = R"(pishkhan-csca-master-list 1
-----BEGIN CERTIFICATE-----
MIIBmjCCAT+gAwIBAgIUBKMmmeMAuD47/YYHcjyyFjq/q2YwCgYIKoZIzj0EAwIw
KTELMAkGA1UEBhMCVVQxGjAYBgNVBAMMEUNTQ0EgVVQgZnV6eiBzZWVkMB4XDTI2
MTIwNjEzMTcwMVoXDTM2MTIwMzEzMTcwMVowKTELMAkGA1UEBhMCVVQxGjAYBgNV
BAMMEUNTQ0EgVVQgZnV6eiBzZWVkMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
LMWe0JqAHaLxHqiibGdRTufIoL2IhhZE6vfwvLA+EhCi7uPrbkFFg2kKmIOKBFAY
guZShidOyrxr3jGTHT5AUqNFMEMwEgYDVR0TAQH/BAgwBgEB/wIBADAOBgNVHQ8B
Af8EBAMCAQYwHQYDVR0OBBYEFJX38d4oL54iLIU+NVQ2ggpeUxLKMAoGCCqGSM49
BAMCA0kAMEYCIQCPq3vzSlKGERC5xkl3ysKQ8wZHuRv3fol/H5H3c0k7QgIhAPX2
Y6i1vpFjrRgDt1fwY0gb+9FTSKugaBjrpzVpqpaq
-----END CERTIFICATE-----
-----BEGIN X509 CRL-----
MIG/MGgCAQEwCgYIKoZIzj0EAwIwKTELMAkGA1UEBhMCVVQxGjAYBgNVBAMMEUNT
Q0EgVVQgZnV6eiBzZWVkFw0yNjEyMDYxMzE3MDFaFw0zNjEyMDMxMzE3MDFaoA4w
DDAKBgNVHRQEAwIBATAKBggqhkjOPQQDAgNHADBEAiBv8pWTn/mbLW9V7MiQqew9
2YmmeWbFamg0D28HcyfxswIgLvZUfKWso+bwt34+FtQ77fLJ4vk8MHP3yRfl6ZcI
R4U=
-----END X509 CRL-----
)";
#endif

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
#elif PK_CARDREADER_FUZZ_TARGET == 4  // EF.SOD, and passive authentication of it
  static const auto list = icao::parse_master_list(kSeedMasterList);
  if (!list) __builtin_trap();  // the embedded list must parse, or the target tests nothing
  (void)icao::parse_sod(input);
  const auto when = std::chrono::system_clock::from_time_t(1'800'000'000);
  (void)icao::verify_passive(input, {}, &*list, when);
  (void)icao::verify_passive(input, {}, nullptr, when);
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
#elif PK_CARDREADER_FUZZ_TARGET == 7  // the CSCA master list (PEM certificates and CRLs)
  auto list = icao::parse_master_list(std::string_view(reinterpret_cast<const char*>(data), size));
  if (list) (void)list->certificate_count();
#else
#error "PK_CARDREADER_FUZZ_TARGET must be 1..7"
#endif
  return 0;
}
