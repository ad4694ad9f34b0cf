#pragma once
// The terminal's enrolled identity, kept under <data_dir>/keys/ (0700):
//   terminal.key        its private key (0600), made on the terminal, never sent anywhere
//   terminal.pem        its certificate, issued by the centre's CA
//   centre-ca.pem       the centre's CA: the only issuer the terminal trusts for the centre
//   centre-catalog.pub  the centre's Ed25519 catalog-signing key (base64)
//   centre-seal.pub     the centre's sealing key (hex), which captures are sealed to
//   identity.json       terminal id, number, office, the centre's URL and pin
// identity.json is written last, after every other file is on disk (each written to a
// temporary file, fsynced, renamed): a power cut leaves either a whole identity or none, and a
// terminal without identity.json is simply not enrolled.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "domain/result.h"
#include "protocol/enrollment_wire.h"
#include "sync/http_client.h"

namespace pk::provisioning {

struct TerminalIdentity {
  std::string terminal_id;
  std::string office;
  int terminal_number = 0;
  std::string centre_url;
  std::string centre_pin;          // sha256//BASE64 of the centre's server key
  std::string catalog_public_key;  // base64 Ed25519
  int64_t enrolled_unix = 0;
  std::filesystem::path dir;  // <data_dir>/keys
};

[[nodiscard]] std::filesystem::path keys_dir(const std::filesystem::path& data_dir);
[[nodiscard]] std::filesystem::path key_file(const std::filesystem::path& data_dir);

// nullopt: not enrolled. Error: an identity is there but damaged (names the file).
[[nodiscard]] Result<std::optional<TerminalIdentity>> load_identity(const std::filesystem::path& data_dir);

// Stores what the centre replied (already verified by the caller) as described above.
// check_before_commit runs once every file but identity.json is on disk (the first call over
// mutual TLS goes there); when it fails, identity.json is not written.
using CommitCheck = std::function<Result<void>(const TerminalIdentity&)>;
[[nodiscard]] Result<TerminalIdentity> save_identity(const std::filesystem::path& data_dir,
                                                     const enroll::EnrollReply& reply,
                                                     const std::string& centre_url,
                                                     const std::string& centre_pin, int64_t now_unix,
                                                     const CommitCheck& check_before_commit = {});

// The sync client's TLS settings for this identity: our certificate and key, the centre's CA
// and its pin.
[[nodiscard]] sync::TlsOptions tls_options(const TerminalIdentity& identity);

// Makes <data_dir>/keys with mode 0700 (and tightens it if it was looser).
[[nodiscard]] Result<void> make_keys_dir(const std::filesystem::path& data_dir);

}  // namespace pk::provisioning
