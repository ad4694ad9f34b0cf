#include "provisioning/enrollment.h"

#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "domain/json_fields.h"
#include "protocol/enrollment_code.h"
#include "protocol/enrollment_crypto.h"
#include "protocol/enrollment_qr.h"
#include "protocol/enrollment_wire.h"
#include "provisioning/centre_replies.h"
#include "sync/catalog_update.h"
#include "sync/centre_client.h"

namespace pk::provisioning {
namespace {

EnrollOutcome failed(EnrollFailure failure, std::string message) {
  EnrollOutcome outcome;
  outcome.failure = failure;
  outcome.message = std::move(message);
  return outcome;
}

// The key from an earlier attempt (so a retry sends the same request), or a fresh one.
Result<enroll::PrivateKey> load_or_make_key(const std::filesystem::path& data_dir) {
  if (auto made = make_keys_dir(data_dir); !made) return made.error();
  const auto file = key_file(data_dir);
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    auto pem = read_file(file);
    if (pem)
      if (auto key = enroll::private_key_from_pem(*pem)) return key;
    spdlog::warn("enroll: {} is unreadable; making a new key", file.string());
  }
  auto key = enroll::generate_key();
  if (!key) return key.error();
  auto pem = enroll::private_key_to_pem(key->get());
  if (!pem) return pem.error();
  if (auto written = write_file_atomically(file, *pem, FileMode::Private); !written) return written.error();
  return key;
}

EnrollFailure failure_of(enroll::EnrollRefusal refusal) {
  switch (refusal) {
    case enroll::EnrollRefusal::MistypedCode:
      return EnrollFailure::MistypedCode;
    case enroll::EnrollRefusal::UnknownCode:
      return EnrollFailure::UnknownCode;
    case enroll::EnrollRefusal::UsedCode:
      return EnrollFailure::UsedCode;
    case enroll::EnrollRefusal::ExpiredCode:
      return EnrollFailure::ExpiredCode;
    case enroll::EnrollRefusal::BadRequest:
      break;
  }
  return EnrollFailure::Refused;
}

// The reply must hand back a certificate for our own key, for the terminal it names, signed by
// the CA it sends.
Result<void> check_reply(const enroll::EnrollReply& reply, EVP_PKEY* key) {
  auto cert = enroll::certificate_from_pem(reply.client_cert_pem);
  auto ca = enroll::certificate_from_pem(reply.ca_cert_pem);
  if (!cert || !ca) return make_error("a certificate in it does not parse");
  if (!enroll::certificate_matches_key(cert->get(), key))
    return make_error("the certificate is not for this terminal's key");
  if (!enroll::certificate_signed_by(cert->get(), ca->get()))
    return make_error("the certificate is not signed by the CA it came with");
  if (!enroll::certificate_signed_by(ca->get(), ca->get()))
    return make_error("the CA certificate is not self-signed");
  X509_NAME* subject = X509_get_subject_name(cert->get());
  char common_name[128] = {};
  if (X509_NAME_get_text_by_NID(subject, NID_commonName, common_name, sizeof common_name) < 0 ||
      reply.terminal_id != common_name)
    return make_error("the certificate names another terminal than the reply");
  return {};
}

std::filesystem::path catalog_file_of(const EnrollOptions& options) {
  return options.catalog_file.empty() ? options.data_dir / "catalog" / "last-good.json"
                                      : options.catalog_file;
}

std::string trim_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

EnrollRefusalReply read_enroll_refusal(long status, std::string_view body) {
  const auto refusal = nlohmann::json::parse(body, nullptr, false);
  std::string message = "the centre answered HTTP " + std::to_string(status);
  enroll::EnrollRefusal reason = enroll::EnrollRefusal::BadRequest;
  // A refusal is a refusal whatever its body: a body out of shape only leaves the status as the
  // message. A blank "error" says nothing either (found by fuzzing).
  fields::Problems problems;
  const fields::JsonFields r(refusal, fields::Place(problems, "enrollment refusal"));
  const auto error = r.optional_string("error", fields::TextRule{fields::Emptiness::Refuse});
  if (error && r.ok()) {
    message = *error;
    if (const auto said = r.optional_string("reason"); said && r.ok())
      reason = enroll::refusal_from_string(*said);
  }
  if (status >= 500)
    return {EnrollFailure::CentreUnreachable, message + " (the centre's trouble: try again)"};
  return {failure_of(reason), message};
}

std::string_view to_string(EnrollFailure failure) {
  switch (failure) {
    case EnrollFailure::None:
      return "none";
    case EnrollFailure::BadArguments:
      return "bad arguments";
    case EnrollFailure::MistypedCode:
      return "mistyped code";
    case EnrollFailure::UnknownCode:
      return "unknown code";
    case EnrollFailure::UsedCode:
      return "used code";
    case EnrollFailure::ExpiredCode:
      return "expired code";
    case EnrollFailure::WrongCentre:
      return "wrong centre";
    case EnrollFailure::CentreUnreachable:
      return "centre unreachable";
    case EnrollFailure::Refused:
      return "refused";
    case EnrollFailure::BadReply:
      return "bad reply";
    case EnrollFailure::EnrolledElsewhere:
      return "enrolled elsewhere";
    case EnrollFailure::LocalStorage:
      return "local storage";
  }
  return "unknown";
}

EnrollOutcome enroll(const EnrollOptions& options) {
  const std::string url = trim_slash(options.centre_url);
  if (!plausible_centre_url(url))
    return failed(EnrollFailure::BadArguments,
                  "the centre's URL must be https://host[:port] (got " + url + ")");
  if (!plausible_centre_pin(options.centre_pin))
    return failed(
        EnrollFailure::BadArguments,
        "the centre's pin must look like sha256//<44 base64 characters> (pishkhan-centre --print-pin)");

  auto existing = load_identity(options.data_dir);
  if (existing && existing->has_value()) {
    const TerminalIdentity& identity = **existing;
    if (identity.centre_pin == options.centre_pin) {
      EnrollOutcome outcome;
      outcome.status = EnrollStatus::AlreadyEnrolled;
      outcome.message = "already enrolled with this centre as " + identity.terminal_id;
      outcome.identity = identity;
      // Asked again: the catalog is fetched again (a technician's retry after it failed).
      outcome.catalog = fetch_catalog(identity, catalog_file_of(options), options.http);
      return outcome;
    }
    return failed(EnrollFailure::EnrolledElsewhere, "this terminal is enrolled with another centre (" +
                                                        identity.centre_url +
                                                        "); a factory reset must come first");
  }
  if (!existing) spdlog::warn("enroll: {}; enrolling again", existing.error().message);

  auto code = enroll::normalise_enrollment_code(options.code);
  if (!code) return failed(EnrollFailure::MistypedCode, code.error().message);

  auto key = load_or_make_key(options.data_dir);
  if (!key) return failed(EnrollFailure::LocalStorage, key.error().message);
  auto csr = enroll::make_certificate_request(key->get(), "pishkhan terminal");
  if (!csr) return failed(EnrollFailure::LocalStorage, csr.error().message);

  sync::HttpOptions http = options.http;
  http.tls = sync::TlsOptions{};
  http.tls.pinned_public_key = options.centre_pin;
  sync::HttpClient client(http);
  const std::string body =
      enroll::to_json(enroll::EnrollRequest{enroll::format_enrollment_code(*code), *csr});
  auto response = client.send({sync::Method::Post,
                               url + "/v1/enroll",
                               {{"Content-Type", "application/json"}},
                               {reinterpret_cast<const uint8_t*>(body.data()), body.size()}});
  if (!response) {
    const std::string& why = response.error().message;
    // Refused here is the pinned-key check: this call trusts no CA, only the pin.
    if (response.error().kind == ErrorKind::Refused)
      return failed(EnrollFailure::WrongCentre, why + ": check the pin and the URL");
    return failed(EnrollFailure::CentreUnreachable,
                  why + ": try again; the code is not used up by an attempt that did not get through");
  }
  if (response->status != 200) {
    EnrollRefusalReply refusal = read_enroll_refusal(response->status, response->body);
    return failed(refusal.failure, std::move(refusal.message));
  }
  auto reply = enroll::parse_enroll_reply(response->body);
  if (!reply) return failed(EnrollFailure::BadReply, reply.error().message);
  if (auto checked = check_reply(*reply, key->get()); !checked)
    return failed(EnrollFailure::BadReply, "enrollment reply: " + checked.error().message);

  // Before recording it: one call with the new certificate, verified against the new CA and
  // the pin, proves that this is the centre that issued it and that it takes the certificate.
  EnrollFailure failure_at_check = EnrollFailure::None;
  const auto proof = [&](const TerminalIdentity& identity) -> Result<void> {
    sync::HttpOptions mutual = options.http;
    mutual.tls = tls_options(identity);
    sync::HttpClient check(mutual);
    auto health = check.send({sync::Method::Get, url + "/v1/health", {}, {}});
    if (!health) {
      failure_at_check = health.error().kind == ErrorKind::Refused ? EnrollFailure::WrongCentre
                                                                   : EnrollFailure::CentreUnreachable;
      return health.error();
    }
    if (health->status != 200) {
      failure_at_check = EnrollFailure::Refused;
      return make_error("the centre does not accept the certificate it issued (HTTP " +
                        std::to_string(health->status) + ": " + health->body + ")");
    }
    return {};
  };
  const int64_t now = options.now_unix != 0 ? options.now_unix : static_cast<int64_t>(std::time(nullptr));
  auto saved = save_identity(options.data_dir, *reply, url, options.centre_pin, now, proof);
  if (!saved)
    return failed(failure_at_check == EnrollFailure::None ? EnrollFailure::LocalStorage : failure_at_check,
                  saved.error().message);
  EnrollOutcome outcome;
  outcome.message = "enrolled as " + saved->terminal_id + " (number " +
                    std::to_string(saved->terminal_number) + ", office " + saved->office + ")";
  outcome.identity = std::move(saved).value();
  outcome.catalog = fetch_catalog(*outcome.identity, catalog_file_of(options), options.http);
  if (outcome.catalog.result == CatalogFetch::Failed)
    spdlog::warn("enroll: enrolled, but the catalog: {}", outcome.catalog.message);
  return outcome;
}

CatalogAtEnrollment fetch_catalog(const TerminalIdentity& identity, const std::filesystem::path& catalog_file,
                                  const sync::HttpOptions& http) {
  sync::HttpOptions mutual = http;
  mutual.tls = tls_options(identity);
  sync::HttpClient client(mutual);
  sync::CentreClient centre(client, identity.centre_url);
  const sync::CatalogUpdateResult update =
      sync::update_catalog(centre, identity.catalog_public_key, catalog_file);
  CatalogAtEnrollment result;
  result.file = catalog_file;
  result.version = update.version;
  result.message = update.message;
  switch (update.result) {
    case sync::CatalogUpdate::Stored:
    case sync::CatalogUpdate::Unchanged:  // the centre's catalog is the one on the terminal
      result.result = CatalogFetch::Stored;
      break;
    case sync::CatalogUpdate::KeptNewer:
      result.result = CatalogFetch::KeptNewer;
      break;
    case sync::CatalogUpdate::Failed:
      result.result = CatalogFetch::Failed;
      result.message +=
          "; the terminal keeps the catalog it has (fetch it again from the technician's Enrollment tab, or "
          "with --enroll)";
      break;
  }
  return result;
}

Result<int64_t> certificate_expiry(const TerminalIdentity& identity) {
  auto pem = read_file(identity.dir / "terminal.pem");
  if (!pem) return pem.error();
  auto cert = enroll::certificate_from_pem(*pem);
  if (!cert) return cert.error();
  std::tm when{};
  if (ASN1_TIME_to_tm(X509_get0_notAfter(cert->get()), &when) != 1)
    return make_error((identity.dir / "terminal.pem").string() + ": no readable expiry date");
  return static_cast<int64_t>(timegm(&when));
}

std::string_view to_string(CatalogFetch fetch) {
  switch (fetch) {
    case CatalogFetch::NotTried:
      return "not tried";
    case CatalogFetch::Stored:
      return "stored";
    case CatalogFetch::KeptNewer:
      return "kept newer";
    case CatalogFetch::Failed:
      return "failed";
  }
  return "unknown";
}

}  // namespace pk::provisioning
