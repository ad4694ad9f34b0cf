#include "drivers/cardreader/apps/icao/openssl_error.h"

#include <openssl/err.h>

namespace pk::cardreader::icao {

std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "no detail from OpenSSL";
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  return text;
}

}  // namespace pk::cardreader::icao
