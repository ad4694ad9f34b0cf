#include "drivers/cardreader/apps/icao/csca_master_list.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <charconv>
#include <string>

#include "drivers/cardreader/apps/icao/openssl_error.h"

namespace pk::cardreader::icao {

namespace {

Result<std::int64_t> parse_header(std::string_view text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (!line.starts_with(kMasterListHeader) || line.size() < kMasterListHeader.size() + 2 ||
      line[kMasterListHeader.size()] != ' ')
    return make_error("CSCA master list: the first line is not \"" + std::string(kMasterListHeader) +
                      " <version>\"");
  const std::string_view number = line.substr(kMasterListHeader.size() + 1);
  std::int64_t version = 0;
  const auto [rest, ec] = std::from_chars(number.data(), number.data() + number.size(), version);
  if (ec != std::errc() || rest != number.data() + number.size() || version < 1)
    return make_error("CSCA master list: the version is not a positive number");
  return version;
}

}  // namespace

Result<CscaMasterList> parse_master_list(std::string_view text) {
  if (text.size() > kMaxMasterListBytes) return make_error("CSCA master list: larger than 4 MiB");
  auto version = parse_header(text);
  if (!version) return version.error();

  ERR_clear_error();
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())),
                                                &BIO_free);
  if (!bio) return make_error("CSCA master list: out of memory");
  using InfoStack = STACK_OF(X509_INFO);
  std::unique_ptr<InfoStack, void (*)(InfoStack*)> infos(
      PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr),
      [](InfoStack* s) { sk_X509_INFO_pop_free(s, X509_INFO_free); });
  if (!infos) return make_error("CSCA master list: a PEM block does not parse: " + openssl_error());

  CscaMasterList list;
  list.m_version = *version;
  list.m_store = std::shared_ptr<x509_store_st>(X509_STORE_new(), &X509_STORE_free);
  if (!list.m_store) return make_error("CSCA master list: out of memory");
  for (int i = 0; i < sk_X509_INFO_num(infos.get()); ++i) {
    const X509_INFO* info = sk_X509_INFO_value(infos.get(), i);
    if (info->x509 != nullptr) {
      // Only a CA may anchor a document signer: an end-entity certificate slipped into the
      // list would otherwise be trusted to sign passports itself.
      if (X509_check_ca(info->x509) == 0)
        return make_error("CSCA master list: certificate " + std::to_string(list.m_certificates + 1) +
                          " is not a CA certificate");
      if (X509_STORE_add_cert(list.m_store.get(), info->x509) != 1)
        return make_error("CSCA master list: certificate " + std::to_string(list.m_certificates + 1) +
                          " was refused: " + openssl_error());
      ++list.m_certificates;
    }
    if (info->crl != nullptr) {
      if (X509_STORE_add_crl(list.m_store.get(), info->crl) != 1)
        return make_error("CSCA master list: revocation list " + std::to_string(list.m_crls + 1) +
                          " was refused: " + openssl_error());
      ++list.m_crls;
    }
  }
  if (list.m_certificates == 0) return make_error("CSCA master list: no CSCA certificate in it");
  return list;
}

}  // namespace pk::cardreader::icao
