#pragma once
// Enrollment of this terminal with a centre (issue 10.2): the technician gives a one-time code
// from the centre and the centre's pin; the terminal makes its key pair here (EC P-256, the
// private key never leaves <data_dir>/keys), sends a certificate request with the code to
// POST /v1/enroll over TLS pinned to the centre's key, checks the reply, proves the new
// certificate works with one call over mutual TLS, and only then records its identity.
//
// What callers may rely on:
//  - Resumable: the key is kept from the first attempt, so a retry after a lost reply sends
//    the same request and the centre answers it again without using up the code.
//  - A wrong, used or expired code, a centre with another key and an unreachable centre each
//    come back as their own EnrollFailure with a sentence for the technician.
//  - Nothing is recorded as enrolled unless the whole identity is on disk (terminal_identity.h).
//  - Right after enrolling (and when asked again while already enrolled) it fetches the centre's
//    current catalog over mutual TLS, verifies its Ed25519 signature with the catalog key the
//    centre just gave, and stores it (0600) where the kiosk loads its last good catalog from.
//    A catalog that cannot be fetched or does not verify never undoes the enrollment: the
//    outcome says so in `catalog`, and the terminal goes on with the catalog it has.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "provisioning/terminal_identity.h"
#include "sync/http_client.h"

namespace pk::provisioning {

enum class EnrollFailure {
  None,
  BadArguments,       // a pin or URL that cannot be right
  MistypedCode,       // the check character does not match (caught on the terminal)
  UnknownCode,        // the centre has no such code
  UsedCode,           // used by another terminal (or another key)
  ExpiredCode,        // past its validity
  WrongCentre,        // the centre's certificate does not carry the pinned key
  CentreUnreachable,  // network: try again, the code is not used up
  Refused,            // any other refusal (revoked, bad request, 5xx)
  BadReply,           // the centre's reply does not check out
  EnrolledElsewhere,  // this terminal is enrolled with another centre: factory reset first
  LocalStorage,       // the keys could not be written
};

enum class EnrollStatus { Enrolled, AlreadyEnrolled };

struct EnrollOptions {
  std::filesystem::path data_dir;
  std::string code;
  std::string centre_url;  // https://host:port
  std::string centre_pin;  // sha256//BASE64, from `pishkhan-centre --print-pin`
  sync::HttpOptions http;  // timeouts; its tls part is set by enroll()
  int64_t now_unix = 0;    // 0: the clock
  // Where the centre's catalog goes (the kiosk's last good catalog); empty:
  // <data_dir>/catalog/last-good.json.
  std::filesystem::path catalog_file;
};

// What became of the catalog fetched at enrollment.
enum class CatalogFetch {
  NotTried,   // enrollment failed before it
  Stored,     // verified and written to catalog_file
  KeptNewer,  // verified, but the catalog already on the terminal is newer: kept that one
  Failed,     // not fetched or did not verify: still enrolled; fetch again (fetch_catalog) later
};

struct CatalogAtEnrollment {
  CatalogFetch result = CatalogFetch::NotTried;
  int64_t version = 0;  // of the verified catalog (Stored, KeptNewer)
  std::filesystem::path file;
  std::string message;  // for the technician and the log
};

struct EnrollOutcome {
  EnrollFailure failure = EnrollFailure::None;
  std::string message;  // for the technician and the log
  EnrollStatus status = EnrollStatus::Enrolled;
  std::optional<TerminalIdentity> identity;
  CatalogAtEnrollment catalog;
  [[nodiscard]] bool ok() const { return failure == EnrollFailure::None; }
};

[[nodiscard]] EnrollOutcome enroll(const EnrollOptions& options);

[[nodiscard]] std::string_view to_string(EnrollFailure failure);
[[nodiscard]] std::string_view to_string(CatalogFetch fetch);

// Fetches, verifies and stores the centre's catalog as the enrolled `identity` (what enroll()
// does after enrolling). http: timeouts; its tls part is the identity's.
[[nodiscard]] CatalogAtEnrollment fetch_catalog(const TerminalIdentity& identity,
                                                const std::filesystem::path& catalog_file,
                                                const sync::HttpOptions& http);

// When the terminal's certificate (<keys>/terminal.pem) stops being valid, Unix seconds; an
// Error when it cannot be read.
[[nodiscard]] Result<int64_t> certificate_expiry(const TerminalIdentity& identity);

}  // namespace pk::provisioning
