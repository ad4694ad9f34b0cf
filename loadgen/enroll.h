#pragma once
// A terminal's enrollment kept in memory: an EC P-256 key made here, a certificate request and
// the one-time code for POST /v1/enroll, and the check of the centre's reply that the terminal
// itself makes (provisioning/enrollment.cpp): a certificate for this key, naming the terminal,
// signed by the CA that came with it. Nothing is written to disk.
#include <string>
#include <string_view>

#include "domain/result.h"
#include "loadgen/engine.h"
#include "protocol/enrollment_crypto.h"

namespace pk::loadgen {

struct PendingEnrollment {
  enroll::PrivateKey key;
  std::string key_pem;
  std::string request_json;  // the body of POST /v1/enroll
};

struct EnrolledTerminal {
  std::string terminal_id;
  std::string office;
  int terminal_number = 0;
  std::string seal_public_key_hex;
  TlsIdentity tls;  // certificate, key, CA and the centre's pin
};

// Refuses a code whose check character is wrong before anything is sent.
[[nodiscard]] Result<PendingEnrollment> prepare_enrollment(std::string_view code);

[[nodiscard]] Result<EnrolledTerminal> accept_enroll_reply(const PendingEnrollment& pending,
                                                           std::string_view reply_json,
                                                           const std::string& centre_pin);

}  // namespace pk::loadgen
