// Enrollment of a terminal with the real reference centre on loopback (issue 10.2): good,
// mistyped, unknown, used and expired codes; a link cut while the request travels and one cut
// after the centre answered (the retry gets the same answer, the code is not burnt); a second
// life after a factory reset; the wrong centre; file permissions; the catalog fetched, verified
// and stored at enrollment, and a catalog that cannot be had not undoing the enrollment.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base/read_file.h"
#include "domain/catalog.h"
#include "protocol/catalog_verifier.h"
#include "protocol/encoding.h"
#include "protocol/enrollment_code.h"
#include "provisioning/enrollment.h"
#include "sync/http_client.h"
#include "tests/sync/fault_proxy.h"
#include "tests/sync/sync_test_support.h"

namespace pk::provisioning {
namespace {

using sync::test::RunningCentre;

std::string fresh_code(centre::CentreServer& server, const std::string& terminal_id, int64_t ttl = 3600,
                       int64_t issued_at = std::time(nullptr)) {
  auto code = server.enrollment().issue_code("A", terminal_id, issued_at, ttl);
  EXPECT_TRUE(code.ok());
  return code.ok() ? enroll::format_enrollment_code(code->code) : std::string();
}

EnrollOptions options_for(centre::CentreServer& server, const std::filesystem::path& data_dir,
                          const std::string& code, int port = 0) {
  EnrollOptions options;
  options.data_dir = data_dir;
  options.code = code;
  options.centre_url = "https://127.0.0.1:" + std::to_string(port != 0 ? port : server.port());
  options.centre_pin = server.certificate_authority().server_pin();
  options.http.connect_timeout = std::chrono::milliseconds(2'000);
  options.http.total_timeout = std::chrono::milliseconds(3'000);
  return options;
}

centre::CodeState state_of(centre::CentreServer& server, const std::string& code) {
  auto check = server.enrollment().check_code(
      enroll::enrollment_code_hash(*enroll::normalise_enrollment_code(code)), std::time(nullptr));
  EXPECT_TRUE(check.ok());
  return check.ok() ? check->state : centre::CodeState::Unknown;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The stored catalog's signature checked here, independently of enroll(): the centre's
// signature of these exact bytes (fetched again as the terminal) verifies with the catalog key
// the terminal was given at enrollment.
bool stored_catalog_verifies(const TerminalIdentity& identity, const std::string& stored) {
  sync::HttpOptions http;
  http.tls = tls_options(identity);
  sync::HttpClient client(http);
  auto reply = client.send({sync::Method::Get, identity.centre_url + "/v1/catalog", {}, {}});
  if (!reply.ok() || reply->status != 200 || reply->header("pishkhan-signature") == nullptr) return false;
  auto key_bytes = sync::from_base64(identity.catalog_public_key);
  if (!key_bytes || key_bytes->size() != 32) return false;
  sync::SigningPublicKey key{};
  std::copy(key_bytes->begin(), key_bytes->end(), key.begin());
  return sync::verify_signature(stored, reply->header("pishkhan-signature")->substr(8), key).ok();
}

// GET /v1/health as the enrolled terminal: what the sync client will do.
long health_status(const TerminalIdentity& identity) {
  sync::HttpOptions http;
  http.tls = tls_options(identity);
  sync::HttpClient client(http);
  auto reply = client.send({sync::Method::Get, identity.centre_url + "/v1/health", {}, {}});
  return reply.ok() ? reply->status : -1;
}

TEST(Enrollment, GoodCodeStoresAWholeIdentityWithTightPermissions) {
  RunningCentre centre("enroll-good");
  ASSERT_TRUE(centre.server);
  const auto data = centre.dir.path() / "kiosk";
  const std::string code = fresh_code(*centre.server, "SKO-0042");
  const EnrollOutcome outcome = enroll(options_for(*centre.server, data, code));
  ASSERT_TRUE(outcome.ok()) << outcome.message;
  EXPECT_EQ(outcome.status, EnrollStatus::Enrolled);
  EXPECT_EQ(outcome.identity->terminal_id, "SKO-0042");
  EXPECT_EQ(outcome.identity->office, "A");
  EXPECT_GE(outcome.identity->terminal_number, 1);
  EXPECT_EQ(health_status(*outcome.identity), 200);

  auto loaded = load_identity(data);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->terminal_number, outcome.identity->terminal_number);
  EXPECT_EQ(mode_of(data / "keys"), 0700u);
  EXPECT_EQ(mode_of(data / "keys" / "terminal.key"), 0600u);
  EXPECT_EQ(mode_of(data / "keys" / "identity.json"), 0600u);
  for (const char* file : {"terminal.pem", "centre-ca.pem", "centre-seal.pub", "centre-catalog.pub"})
    EXPECT_TRUE(std::filesystem::exists(data / "keys" / file)) << file;
  for (const auto& entry : std::filesystem::directory_iterator(data / "keys"))
    EXPECT_NE(entry.path().filename().string().front(), '.')
        << "a temporary is left behind: " << entry.path();
  // The centre's catalog came with it: verified, stored where the kiosk loads its last good
  // catalog from, readable by the terminal alone.
  const auto catalog_file = data / "catalog" / "last-good.json";
  EXPECT_EQ(outcome.catalog.result, CatalogFetch::Stored) << outcome.catalog.message;
  EXPECT_EQ(outcome.catalog.file, catalog_file);
  ASSERT_TRUE(std::filesystem::exists(catalog_file));
  EXPECT_EQ(mode_of(catalog_file), 0600u);
  EXPECT_EQ(mode_of(data / "catalog"), 0700u);
  const std::string stored = read_all(catalog_file);
  EXPECT_EQ(stored, read_all(std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json"))
      << "byte for byte what the centre serves";
  auto parsed = catalog::parse_catalog(stored, catalog_file.string());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->version, outcome.catalog.version);
  EXPECT_TRUE(stored_catalog_verifies(*outcome.identity, stored));
  for (const auto& entry : std::filesystem::directory_iterator(data / "catalog"))
    EXPECT_EQ(entry.path(), catalog_file) << "no temporary file is left behind";
  // The same command again is harmless: already enrolled with this centre.
  const EnrollOutcome again = enroll(options_for(*centre.server, data, code));
  EXPECT_TRUE(again.ok()) << again.message;
  EXPECT_EQ(again.status, EnrollStatus::AlreadyEnrolled);
  // The centre's own files are private too.
  EXPECT_EQ(mode_of(centre.dir.path() / "centre" / "tls" / "ca.key"), 0600u);
  EXPECT_EQ(mode_of(centre.dir.path() / "centre" / "tls" / "server.key"), 0600u);
}

TEST(Enrollment, MistypedUnknownUsedAndExpiredCodesAreRefusedEachInItsOwnWords) {
  RunningCentre centre("enroll-codes");
  ASSERT_TRUE(centre.server);
  const std::string good = fresh_code(*centre.server, "SKO-0100");

  // One character changed: the check character catches it on the terminal.
  std::string typo = good;
  typo[0] = typo[0] == '7' ? '8' : '7';
  EnrollOutcome outcome = enroll(options_for(*centre.server, centre.dir.path() / "t1", typo));
  EXPECT_EQ(outcome.failure, EnrollFailure::MistypedCode) << outcome.message;

  // A well-formed code the centre never issued.
  const std::string unknown = enroll::format_enrollment_code(enroll::new_enrollment_code());
  outcome = enroll(options_for(*centre.server, centre.dir.path() / "t1", unknown));
  EXPECT_EQ(outcome.failure, EnrollFailure::UnknownCode) << outcome.message;
  EXPECT_NE(outcome.message.find("not recognised"), std::string::npos) << outcome.message;

  // Used by one terminal, then tried by another (another key).
  ASSERT_TRUE(enroll(options_for(*centre.server, centre.dir.path() / "t2", good)).ok());
  outcome = enroll(options_for(*centre.server, centre.dir.path() / "t3", good));
  EXPECT_EQ(outcome.failure, EnrollFailure::UsedCode) << outcome.message;
  EXPECT_NE(outcome.message.find("already used"), std::string::npos) << outcome.message;
  EXPECT_FALSE(std::filesystem::exists(centre.dir.path() / "t3" / "keys" / "identity.json"));

  // Issued two hours ago for one hour.
  const std::string expired = fresh_code(*centre.server, "SKO-0101", 3600, std::time(nullptr) - 7200);
  outcome = enroll(options_for(*centre.server, centre.dir.path() / "t4", expired));
  EXPECT_EQ(outcome.failure, EnrollFailure::ExpiredCode) << outcome.message;
  EXPECT_NE(outcome.message.find("expired"), std::string::npos) << outcome.message;
}

TEST(Enrollment, RequestCutOnTheWayLeavesTheCodeUnused) {
  RunningCentre centre("enroll-cut");
  ASSERT_TRUE(centre.server);
  const std::string code = fresh_code(*centre.server, "SKO-0200");
  // The first connection is cut a little after the handshake began; the next ones go through.
  std::atomic<int> connections{0};
  sync::test::FaultProxy proxy(centre.server->port(), [&] {
    return connections++ == 0 ? sync::test::Fault{sync::test::FaultKind::CutRequest, 700, {}}
                              : sync::test::Fault{};
  });
  const auto data = centre.dir.path() / "kiosk";
  EnrollOutcome outcome = enroll(options_for(*centre.server, data, code, proxy.port()));
  EXPECT_EQ(outcome.failure, EnrollFailure::CentreUnreachable) << outcome.message;
  EXPECT_EQ(state_of(*centre.server, code), centre::CodeState::Fresh);
  EXPECT_FALSE(std::filesystem::exists(data / "keys" / "identity.json"));

  outcome = enroll(options_for(*centre.server, data, code, proxy.port()));
  ASSERT_TRUE(outcome.ok()) << outcome.message;
  EXPECT_EQ(outcome.identity->terminal_id, "SKO-0200");
}

// Relays a connection but swallows everything the centre sends once the terminal has sent
// more than `request_bytes` (the handshake is smaller; the enrollment request pushes past it):
// the centre does the work and the terminal never hears the answer.
class ReplySwallower {
 public:
  ReplySwallower(int upstream, size_t request_bytes) : m_upstream(upstream), m_request_bytes(request_bytes) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    (void)::bind(m_listen, reinterpret_cast<sockaddr*>(&address), sizeof address);
    (void)::listen(m_listen, 4);
    (void)::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { relay_one(); });
  }
  ~ReplySwallower() {
    m_stop = true;
    ::shutdown(m_listen, SHUT_RDWR);
    m_thread.join();
    ::close(m_listen);
  }
  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] bool swallowed() const { return m_swallowed; }

 private:
  void relay_one() {
    const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) return;
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(m_upstream));
    (void)::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address);
    size_t up = 0;
    char buffer[16 * 1024];
    while (!m_stop) {
      pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (::poll(fds, 2, 100) < 0) break;
      if (fds[0].revents != 0) {
        const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0 || ::send(server, buffer, static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
        up += static_cast<size_t>(n);
      }
      if (fds[1].revents != 0) {
        const ssize_t n = ::recv(server, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        if (up > m_request_bytes) {
          m_swallowed = true;  // the fault: the answer is lost on the way back
          continue;
        }
        if (::send(client, buffer, static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
      }
    }
    ::close(server);
    ::close(client);
  }

  int m_upstream;
  size_t m_request_bytes;
  int m_listen = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<bool> m_swallowed{false};
  std::thread m_thread;
};

TEST(Enrollment, ReplyLostAfterTheCentreAnsweredThenTheRetryGetsTheSameAnswer) {
  RunningCentre centre("enroll-lost-reply");
  ASSERT_TRUE(centre.server);
  const std::string code = fresh_code(*centre.server, "SKO-0300");
  const auto data = centre.dir.path() / "kiosk";
  {
    ReplySwallower link(centre.server->port(), 1'000);
    EnrollOptions options = options_for(*centre.server, data, code, link.port());
    options.http.total_timeout = std::chrono::milliseconds(1'500);
    const EnrollOutcome outcome = enroll(options);
    EXPECT_EQ(outcome.failure, EnrollFailure::CentreUnreachable) << outcome.message;
    EXPECT_TRUE(link.swallowed());
  }
  // The centre did enroll it (the code is used), but the terminal has no identity yet.
  ASSERT_EQ(state_of(*centre.server, code), centre::CodeState::Used);
  EXPECT_FALSE(std::filesystem::exists(data / "keys" / "identity.json"));
  auto kept = centre.server->enrollment().check_code(
      enroll::enrollment_code_hash(*enroll::normalise_enrollment_code(code)), std::time(nullptr));
  ASSERT_TRUE(kept.ok());

  // The retry (same key, kept from the first attempt) gets the answer the centre gave.
  const EnrollOutcome retry = enroll(options_for(*centre.server, data, code));
  ASSERT_TRUE(retry.ok()) << retry.message;
  auto reply = enroll::parse_enroll_reply(kept->reply);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(retry.identity->terminal_number, reply->terminal_number);
  auto cert = read_file(data / "keys" / "terminal.pem");
  ASSERT_TRUE(cert.ok());
  EXPECT_EQ(*cert, reply->client_cert_pem);
  EXPECT_EQ(health_status(*retry.identity), 200);
}

TEST(Enrollment, AfterAFactoryResetTheTerminalEnrollsAgainAndItsOldCertificateIsRefused) {
  RunningCentre centre("enroll-again");
  ASSERT_TRUE(centre.server);
  const auto data = centre.dir.path() / "kiosk";
  const EnrollOutcome first =
      enroll(options_for(*centre.server, data, fresh_code(*centre.server, "SKO-0400")));
  ASSERT_TRUE(first.ok()) << first.message;
  // Keep a copy of the old identity, as a thief with the old disk would.
  const auto old_keys = centre.dir.path() / "old-keys";
  std::filesystem::copy(data / "keys", old_keys);
  TerminalIdentity old_identity = *first.identity;
  old_identity.dir = old_keys;

  std::filesystem::remove_all(data / "keys");  // what a factory reset leaves
  const EnrollOutcome second =
      enroll(options_for(*centre.server, data, fresh_code(*centre.server, "SKO-0400")));
  ASSERT_TRUE(second.ok()) << second.message;
  EXPECT_EQ(second.identity->terminal_id, "SKO-0400");
  EXPECT_NE(second.identity->terminal_number, first.identity->terminal_number)
      << "a new life gets a new number: its tracking codes cannot collide with the old ones";
  EXPECT_EQ(health_status(*second.identity), 200);
  EXPECT_EQ(health_status(old_identity), 403);
}

TEST(Enrollment, TheWrongCentreIsRefusedAndNothingIsRecorded) {
  RunningCentre centre("enroll-wrong-centre");
  RunningCentre other("enroll-other-centre");
  ASSERT_TRUE(centre.server && other.server);
  const auto data = centre.dir.path() / "kiosk";
  EnrollOptions options = options_for(*centre.server, data, fresh_code(*centre.server, "SKO-0500"));
  options.centre_pin =
      other.server->certificate_authority().server_pin();  // the technician's pin is another's
  EnrollOutcome outcome = enroll(options);
  EXPECT_EQ(outcome.failure, EnrollFailure::WrongCentre) << outcome.message;
  EXPECT_FALSE(std::filesystem::exists(data / "keys" / "identity.json"));

  options.centre_pin = "sha256//not-a-pin";
  EXPECT_EQ(enroll(options).failure, EnrollFailure::BadArguments);

  // Enrolled here, a code from another centre is refused until a factory reset.
  ASSERT_TRUE(enroll(options_for(*centre.server, data, fresh_code(*centre.server, "SKO-0500"))).ok());
  outcome = enroll(options_for(*other.server, data, fresh_code(*other.server, "SKO-0500")));
  EXPECT_EQ(outcome.failure, EnrollFailure::EnrolledElsewhere) << outcome.message;
}

TEST(Enrollment, ACatalogThatCannotBeHadDoesNotUndoTheEnrollment) {
  // A centre with no catalog to serve (503): the terminal is enrolled all the same, and says
  // how to fetch the catalog again; nothing is written where the kiosk's catalog lives.
  sync::test::TempDir dir("enroll-no-catalog");
  centre::CentreConfig config;
  config.data_dir = dir.path() / "centre";
  config.catalog_file = dir.path() / "no-such-catalog.json";
  auto server = centre::CentreServer::start(config);
  ASSERT_TRUE(server.ok()) << server.error().message;
  const auto data = dir.path() / "kiosk";
  const EnrollOutcome outcome = enroll(options_for(**server, data, fresh_code(**server, "SKO-0600")));
  ASSERT_TRUE(outcome.ok()) << outcome.message;
  EXPECT_EQ(outcome.catalog.result, CatalogFetch::Failed);
  EXPECT_NE(outcome.catalog.message.find("fetch it again"), std::string::npos) << outcome.catalog.message;
  EXPECT_FALSE(std::filesystem::exists(data / "catalog" / "last-good.json"));
  EXPECT_EQ(health_status(*outcome.identity), 200);
  auto loaded = load_identity(data);
  ASSERT_TRUE(loaded.ok() && loaded->has_value()) << "still enrolled";

  // Once the centre has a catalog, asking again (already enrolled) fetches it.
  std::filesystem::copy_file(std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json", config.catalog_file);
  const EnrollOutcome again = enroll(options_for(**server, data, fresh_code(**server, "SKO-0600")));
  EXPECT_EQ(again.status, EnrollStatus::AlreadyEnrolled);
  EXPECT_EQ(again.catalog.result, CatalogFetch::Stored) << again.catalog.message;
  EXPECT_TRUE(std::filesystem::exists(data / "catalog" / "last-good.json"));
}

TEST(Enrollment, ANewerCatalogAlreadyOnTheTerminalIsKept) {
  RunningCentre centre("enroll-newer-catalog");
  ASSERT_TRUE(centre.server);
  const auto data = centre.dir.path() / "kiosk";
  auto shipped = nlohmann::json::parse(read_all(std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json"));
  shipped["version"] = shipped["version"].get<int64_t>() + 1;
  std::filesystem::create_directories(data / "catalog");
  const std::string newer = shipped.dump(2);
  ASSERT_TRUE(catalog::parse_catalog(newer, "newer").ok());
  { std::ofstream(data / "catalog" / "last-good.json") << newer; }
  const EnrollOutcome outcome =
      enroll(options_for(*centre.server, data, fresh_code(*centre.server, "SKO-0700")));
  ASSERT_TRUE(outcome.ok()) << outcome.message;
  EXPECT_EQ(outcome.catalog.result, CatalogFetch::KeptNewer) << outcome.catalog.message;
  EXPECT_EQ(read_all(data / "catalog" / "last-good.json"), newer) << "no downgrade";
}

TEST(EnrollmentCode, CheckCharacterCatchesEverySingleWrongCharacter) {
  for (int round = 0; round < 20; ++round) {
    const std::string code = enroll::new_enrollment_code();
    ASSERT_EQ(code.size(), enroll::kCodeLength);
    ASSERT_TRUE(enroll::normalise_enrollment_code(enroll::format_enrollment_code(code)).ok());
    // Lower case, I and L for 1, O for 0: read as the same code.
    std::string relaxed = code;
    for (char& c : relaxed) c = c == '1' ? 'l' : c == '0' ? 'o' : static_cast<char>(std::tolower(c));
    EXPECT_EQ(enroll::normalise_enrollment_code(relaxed).value(), code);
    for (size_t at = 0; at < code.size(); ++at)
      for (char c : std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ")) {
        if (c == code[at]) continue;
        std::string typo = code;
        typo[at] = c;
        EXPECT_FALSE(enroll::normalise_enrollment_code(typo).ok()) << code << " -> " << typo;
      }
  }
}

TEST(EnrollmentCode, TypedCodeIsCheckedLiveAndGroupedAsTheCentrePrintsIt) {
  const std::string code = enroll::new_enrollment_code();
  EXPECT_EQ(enroll::check_typed_code("").state, enroll::TypedCodeState::Empty);
  for (size_t n = 1; n < code.size(); ++n) {
    const enroll::TypedCode typed = enroll::check_typed_code(code.substr(0, n));
    EXPECT_EQ(typed.state, enroll::TypedCodeState::Incomplete);
    EXPECT_EQ(typed.characters, n);
    EXPECT_EQ(enroll::group_typed_code(code.substr(0, n)), enroll::format_enrollment_code(code.substr(0, n)));
  }
  EXPECT_EQ(enroll::check_typed_code(enroll::format_enrollment_code(code)).state,
            enroll::TypedCodeState::Right);
  std::string relaxed = code;
  for (char& c : relaxed) c = c == '1' ? 'l' : c == '0' ? 'o' : static_cast<char>(std::tolower(c));
  EXPECT_EQ(enroll::group_typed_code(relaxed), enroll::format_enrollment_code(code)) << "read as the code";
  EXPECT_EQ(enroll::check_typed_code(relaxed).state, enroll::TypedCodeState::Right);
  std::string typo = code;
  typo[3] = typo[3] == '7' ? '8' : '7';
  EXPECT_EQ(enroll::check_typed_code(typo).state, enroll::TypedCodeState::WrongCheck);
  // The same verdict as the check the centre's request goes through.
  EXPECT_FALSE(enroll::normalise_enrollment_code(typo).ok());
  EXPECT_EQ(enroll::check_typed_code(code + "A").state, enroll::TypedCodeState::TooLong);
  const enroll::TypedCode bad = enroll::check_typed_code("AB#D");
  EXPECT_EQ(bad.state, enroll::TypedCodeState::BadCharacter);
  EXPECT_EQ(bad.bad, '#');
  EXPECT_EQ(enroll::check_typed_code("ABU").state, enroll::TypedCodeState::BadCharacter)
      << "no U in Crockford's";
}

}  // namespace
}  // namespace pk::provisioning
