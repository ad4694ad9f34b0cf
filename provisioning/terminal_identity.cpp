#include "provisioning/terminal_identity.h"

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "domain/json_fields.h"
#include "protocol/enrollment_crypto.h"

namespace pk::provisioning {
namespace {

using nlohmann::json;

constexpr const char* kIdentity = "identity.json";
constexpr const char* kCert = "terminal.pem";
constexpr const char* kKey = "terminal.key";
constexpr const char* kCa = "centre-ca.pem";
constexpr const char* kCatalogKey = "centre-catalog.pub";
constexpr const char* kSealKey = "centre-seal.pub";  // the name kiosk/centre_key.h reads

}  // namespace

std::filesystem::path keys_dir(const std::filesystem::path& data_dir) { return data_dir / "keys"; }
std::filesystem::path key_file(const std::filesystem::path& data_dir) { return keys_dir(data_dir) / kKey; }

Result<void> make_keys_dir(const std::filesystem::path& data_dir) {
  const auto dir = keys_dir(data_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec) std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  if (ec) return make_error("cannot make " + dir.string() + " (mode 0700): " + ec.message());
  return {};
}

Result<std::optional<TerminalIdentity>> load_identity(const std::filesystem::path& data_dir) {
  const auto dir = keys_dir(data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(dir / kIdentity, ec)) return std::optional<TerminalIdentity>();
  auto text = read_file(dir / kIdentity);
  if (!text) return text.error();
  const json document = json::parse(*text, nullptr, false);
  const auto bad = [&](const std::string& why) {
    return make_error((dir / kIdentity).string() + ": " + why + ": enroll this terminal again");
  };
  if (document.is_discarded() || !document.is_object())
    return make_error(ErrorKind::Malformed,
                      (dir / kIdentity).string() + ": not a JSON object: enroll this terminal again");
  fields::Problems problems;
  const fields::JsonFields r(document, fields::Place(problems, (dir / kIdentity).string()));
  TerminalIdentity identity;
  identity.dir = dir;
  identity.terminal_id = r.string("terminal_id", fields::TextRule{fields::Emptiness::Refuse});
  identity.office = r.string("office");
  identity.terminal_number = static_cast<int>(r.integer("terminal_number", fields::Range{1, 9999}));
  identity.centre_url = r.string("centre_url");
  identity.centre_pin = r.string("centre_pin");
  identity.catalog_public_key = r.string("catalog_public_key");
  identity.enrolled_unix = r.integer("enrolled_unix", fields::Range{});
  if (!problems.ok())
    return make_error(ErrorKind::Malformed, problems.error().message + ": enroll this terminal again");
  // The key and the certificate must belong together, or nothing the centre sees would verify.
  auto key_pem = read_file(dir / kKey);
  auto cert_pem = read_file(dir / kCert);
  if (!key_pem || !cert_pem) return bad("its key or certificate is missing");
  auto key = enroll::private_key_from_pem(*key_pem);
  auto cert = enroll::certificate_from_pem(*cert_pem);
  if (!key || !cert || !enroll::certificate_matches_key(cert->get(), key->get()))
    return bad("its certificate does not belong to its key");
  if (!std::filesystem::exists(dir / kCa, ec)) return bad("the centre's CA certificate is missing");
  return std::optional<TerminalIdentity>(std::move(identity));
}

Result<TerminalIdentity> save_identity(const std::filesystem::path& data_dir,
                                       const enroll::EnrollReply& reply, const std::string& centre_url,
                                       const std::string& centre_pin, int64_t now_unix,
                                       const CommitCheck& check_before_commit) {
  if (auto made = make_keys_dir(data_dir); !made) return made.error();
  const auto dir = keys_dir(data_dir);
  for (const auto& [name, bytes] :
       {std::pair{kCert, reply.client_cert_pem}, std::pair{kCa, reply.ca_cert_pem},
        std::pair{kCatalogKey, reply.catalog_public_key + "\n"},
        std::pair{kSealKey, reply.seal_public_key_hex + "\n"}})
    if (auto written = write_file_atomically(dir / name, bytes, FileMode::Public); !written)
      return written.error();
  TerminalIdentity identity{reply.terminal_id, reply.office, reply.terminal_number,
                            centre_url,        centre_pin,   reply.catalog_public_key,
                            now_unix,          dir};
  const json document{
      {"terminal_id", identity.terminal_id},         {"office", identity.office},
      {"terminal_number", identity.terminal_number}, {"centre_url", identity.centre_url},
      {"centre_pin", identity.centre_pin},           {"catalog_public_key", identity.catalog_public_key},
      {"enrolled_unix", identity.enrolled_unix}};
  if (check_before_commit)
    if (auto checked = check_before_commit(identity); !checked) return checked.error();
  // Last: from this rename on, the terminal is enrolled.
  if (auto written = write_file_atomically(dir / kIdentity, document.dump(2) + "\n", FileMode::Private);
      !written)
    return written.error();
  return identity;
}

sync::TlsOptions tls_options(const TerminalIdentity& identity) {
  return sync::TlsOptions{.client_cert_file = (identity.dir / kCert).string(),
                          .client_key_file = (identity.dir / kKey).string(),
                          .ca_file = (identity.dir / kCa).string(),
                          .pinned_public_key = identity.centre_pin};
}

}  // namespace pk::provisioning
