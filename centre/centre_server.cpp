#include "centre/centre_server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sodium.h>
#include <sys/socket.h>

#include <charconv>
#include <chrono>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include <openssl/err.h>
#include "centre/centre_backends.h"
#include "centre/centre_http.h"
#include "centre/centre_keys.h"
#include "centre/enrollment_tls.h"
#include "centre/request_reading.h"
#include "centre/staff/staff_http.h"
#include "protocol/encoding.h"
#include "protocol/wire.h"

namespace pk::centre {
namespace {
constexpr int kListenBacklog = 4096;
}  // namespace

namespace http {
void reply_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}
void reply_json(httplib::Response& response, int status, const std::string& json) {
  response.status = status;
  response.set_content(json, "application/json");
}
}  // namespace http

Result<std::unique_ptr<CentreServer>> CentreServer::start(CentreConfig config) {
  // Keys first: a folder that lost them must not be mistaken for a new one once storage is open.
  auto keys = open_centre_keys(config.data_dir);
  if (!keys) return keys.error();
  // A database connection for every thread that serves requests, so none waits for another's.
  auto backends = open_backends(config.data_dir, config.database_url, std::max(8, config.worker_threads));
  if (backends) {
    if (auto bound =
            backends->storage->bind_keys(sync::to_hex(keys->sealing.public_key),
                                         sync::to_hex(keys->signing.public_key()), std::time(nullptr));
        !bound)
      return bound.error();
  }
  if (!backends) return backends.error();
  auto ca = CertificateAuthority::load_or_create(config.data_dir / "tls", config.server_names);
  if (!ca) return ca.error();
  std::unique_ptr<CentreServer> centre(new CentreServer(std::move(config), std::move(backends->storage),
                                                        std::move(keys->signing), std::move(ca).value(),
                                                        std::move(backends->enrollment)));
  centre->m_seal = std::move(keys->sealing);
  centre->m_diagnostics = std::move(backends->diagnostics);
  centre->m_staff = std::move(backends->staff);
  centre->m_console = std::make_unique<StaffConsole>(
      StaffContext{*centre->m_storage, *centre->m_enrollment, *centre->m_diagnostics, *centre->m_staff,
                   centre->m_seal, *centre->m_ca, centre->m_config.catalog_file,
                   centre->m_config.data_dir / "catalog.json", centre->m_config.console_dir});
  if (!centre->m_server->is_valid()) return make_error("centre: the TLS context could not be set up");
  if (centre->m_config.listener == Listener::FrontDoor && centre->m_config.front_door_secret.size() < 32)
    return make_error("centre: behind a front door the centre needs its secret (32 characters or more)");
  centre->add_routes();
  const CentreConfig& c = centre->m_config;
  // Replies go out at once (no Nagle wait for the client's delayed ACK: 40 ms a reply), and
  // the listening socket is remembered so its backlog can be raised after binding.
  centre->m_server->set_tcp_nodelay(true);
  centre->m_server->set_socket_options([server = centre.get()](int fd) {
    httplib::default_socket_options(fd);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    server->m_listen_fd = fd;
  });
  centre->m_port = c.port == 0 ? centre->m_server->bind_to_any_port(c.host)
                               : (centre->m_server->bind_to_port(c.host, c.port) ? c.port : -1);
  if (centre->m_port <= 0)
    return make_error("centre: cannot listen on " + c.host + ":" + std::to_string(c.port));
  // cpp-httplib listens with a backlog of 5, so a burst of new connections (the front door
  // opens one per request) would be dropped and retried a second later: Linux takes a second
  // listen() on a listening socket as a new backlog.
  if (centre->m_listen_fd >= 0 && ::listen(centre->m_listen_fd, kListenBacklog) != 0)
    spdlog::warn("centre: the listen backlog stays at cpp-httplib's 5");
  centre->m_thread = std::thread([server = centre->m_server.get()] { server->listen_after_bind(); });
  // cpp-httplib 0.11 has no wait_until_ready(), and a stop() that comes before the listen loop
  // runs is lost (the loop would then run forever): wait until it is running.
  for (int waited_ms = 0; !centre->m_server->is_running(); ++waited_ms) {
    // Bounded: a listen loop that failed right after binding must not hang the caller.
    if (waited_ms > 5000) {
      centre->m_server->stop();
      if (centre->m_thread.joinable()) centre->m_thread.join();
      return make_error("centre: the listen loop on " + c.host + ":" + std::to_string(centre->m_port) +
                        " did not start");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return centre;
}

CentreServer::CentreServer(CentreConfig config, std::unique_ptr<CentreStorage> storage, SigningKey key,
                           std::unique_ptr<CertificateAuthority> ca,
                           std::unique_ptr<EnrollmentStore> enrollment)
    : m_config(std::move(config)),
      m_storage(std::move(storage)),
      m_key(std::move(key)),
      m_ca(std::move(ca)),
      m_enrollment(std::move(enrollment)),
      m_server(m_config.listener == Listener::FrontDoor ? std::make_unique<httplib::Server>()
                                                        : make_tls_server(*m_ca)) {
  if (m_config.worker_threads > 0) {
    const auto threads = static_cast<size_t>(m_config.worker_threads);
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }
}

CentreServer::~CentreServer() { stop(); }

std::string CentreServer::base_url() const {
  const char* scheme = m_config.listener == Listener::FrontDoor ? "http://" : "https://";
  return scheme + m_config.host + ":" + std::to_string(m_port);
}

// A file the terminals check against the catalog key (the catalog, the CSCA master list): its
// bytes, their Ed25519 signature, and an ETag of their digest, so terminals checking every half
// hour get a 304, not the file.
void CentreServer::reply_signed(std::istream& in, const httplib::Request& request,
                                httplib::Response& response, const char* content_type) const {
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string etag = "\"" + sync::to_hex(sync::sha256(text)) + "\"";
  response.set_header("ETag", etag);
  if (request.get_header_value("If-None-Match") == etag) {
    response.status = 304;
    return;
  }
  response.set_header("Pishkhan-Signature", "ed25519 " + m_key.sign(text));
  response.status = 200;
  response.set_content(text, content_type);
}
void CentreServer::stop() {
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

void CentreServer::request_stop() {
  if (m_server) m_server->stop();
}

void CentreServer::wait() {
  if (m_thread.joinable()) m_thread.join();
}

void CentreServer::add_routes() {
  m_server->set_payload_max_length(static_cast<size_t>(m_config.max_upload_bytes) + 1024 * 1024);
  m_server->set_read_timeout(30, 0);
  m_server->set_write_timeout(30, 0);
  if (m_config.listener == Listener::FrontDoor) {
    // cpp-httplib gives a connection a thread for as long as it is kept alive: behind the
    // front door every request comes on a connection of its own, so a thread is held only
    // while a whole request is handled and idle connections can never take every thread.
    m_server->set_keep_alive_max_count(1);
  } else {
    // Straight TLS (the embedded centre): an idle terminal connection gives its thread back
    // after 2 s. This server is for one office on a trusted network; a province puts the
    // front door in front (scripts/centre).
    m_server->set_keep_alive_timeout(2);
  }
  m_server->set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
        spdlog::error("centre: {} {}: internal error", request.method, request.path);
        http::reply_error(response, 500, "internal error");
      });
  // Errors httplib makes itself (a body past the payload limit: 413, no route: 404) get the
  // same JSON shape as the routes' own, so a terminal always has a reason to show.
  m_server->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        http::reply_error(response, response.status,
                          response.status == 413 ? std::string("request body too large")
                                                 : "HTTP " + std::to_string(response.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  // Before any route runs and before a body is read: only enrolled, non-revoked terminals get
  // past, except to enroll, and no body may be longer than its route takes, so nobody makes
  // the centre buffer what it would refuse.
  m_server->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (m_config.listener == Listener::FrontDoor &&
        !came_through_front_door(request, m_config.front_door_secret)) {
      spdlog::warn("centre: {} {} did not come through the front door: refused", request.method,
                   request.path);
      http::reply_error(response, 403, "this centre instance takes requests only through its front door");
      response.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!within_body_limit(request, response)) {
      response.set_header("Connection", "close");  // the unread body must not be taken for a request
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.path == "/v1/enroll" || request.path == "/v1/enroll/ca")
      return httplib::Server::HandlerResponse::Unhandled;
    // The back office: staff sessions, never terminal certificates (and a staff session opens
    // none of the terminals' routes below, which all need a certificate).
    if (is_staff_path(request.path)) {
      if (presents_client_certificate(request)) {
        reply_refusal(response, 403, "terminal_certificate",
                      "terminal certificates do not open the back office");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    return admit(request, response) ? httplib::Server::HandlerResponse::Unhandled
                                    : httplib::Server::HandlerResponse::Handled;
  });
  add_enrollment_routes();
  add_info_routes();
  add_application_routes();
  add_upload_routes();
  add_ledger_routes();
  add_diagnostics_routes();
  m_console->add_routes(*m_server);
}

bool CentreServer::is_staff_path(const std::string& path) {
  return path == "/" || path == "/console" || path.starts_with("/console/") || path.starts_with("/v1/staff/");
}

bool CentreServer::presents_client_certificate(const httplib::Request& request) const {
  if (m_config.listener == Listener::FrontDoor) return !request.get_header_value(kClientCertHeader).empty();
  const PeerCertificate peer = peer_certificate(request);
  ERR_clear_error();
  return peer.cert != nullptr;
}

int64_t CentreServer::body_limit(const std::string& method, const std::string& path) const {
  if (method == "PATCH" && path.starts_with("/v1/uploads/")) return m_config.max_upload_bytes;
  if (path == "/v1/diagnostics") return m_config.max_diagnostics_bytes;
  if (path == "/v1/enroll") return m_config.max_enroll_bytes;
  // JSON documents: a submission's manifest, a ledger, a heartbeat.
  return m_config.max_document_bytes;
}

bool CentreServer::within_body_limit(const httplib::Request& request, httplib::Response& response) const {
  const bool has_body = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
  if (!has_body) return true;
  const int64_t limit = body_limit(request.method, request.path);
  if (!request.has_header("Content-Length")) {
    // Chunked bodies would be read to find their length: every client we have sends a length.
    if (request.get_header_value("Transfer-Encoding").empty()) return true;
    http::reply_error(response, 411, request.path + ": a Content-Length is required");
    return false;
  }
  const std::string text = request.get_header_value("Content-Length");
  int64_t length = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (error != std::errc() || end != text.data() + text.size() || length < 0) {
    http::reply_error(response, 400, request.path + ": malformed Content-Length");
    return false;
  }
  if (length <= limit) return true;
  spdlog::warn("centre: {} {}: a body of {} bytes refused before reading (limit {})", request.method,
               request.path, length, limit);
  http::reply_error(response, 413,
                    request.path + ": the body is " + std::to_string(length) +
                        " bytes; this route takes at most " + std::to_string(limit));
  return false;
}

void CentreServer::add_info_routes() {
  m_server->Get("/v1/health", [](const httplib::Request&, httplib::Response& response) {
    http::reply_json(response, 200, nlohmann::json{{"version", sync::kWireVersion}, {"status", "ok"}}.dump());
  });

  m_server->Post("/v1/heartbeat", [this](const httplib::Request& request, httplib::Response& response) {
    auto body = read_heartbeat_body(request.body);
    if (!body) return http::reply_error(response, 400, body.error().message);
    const auto terminal = this->terminal(request, response, "heartbeat", &body->terminal_id);
    if (!terminal) return;
    const int64_t now = std::time(nullptr);
    if (auto recorded = m_storage->record_heartbeat(terminal->id, now, body->pending_outbox, body->software);
        !recorded) {
      spdlog::error("centre: heartbeat: {}", recorded.error().message);
      return http::reply_error(response, 500, "heartbeat not recorded");
    }
    http::reply_json(response, 200,
                     nlohmann::json{{"version", sync::kWireVersion}, {"server_time_unix", now}}.dump());
  });

  m_server->Get("/v1/catalog", [this](const httplib::Request& request, httplib::Response& response) {
    // Read on every request, so a technician can replace the file without a restart, and a
    // catalog an administrator published from the console is served at once.
    std::ifstream in(m_console->context().served_catalog_file(), std::ios::binary);
    if (!in) return http::reply_error(response, 503, "catalog file not available");
    reply_signed(in, request, response, "application/json");
  });

  // The CSCA master list a province's kiosks verify passport chips against (ICAO passive
  // authentication; README "Passport chips"), signed with the catalog key like the catalog and
  // versioned on its first line. Published by renaming a new file into place at
  // <data_dir>/csca-master-list.pem; read on every request like the catalog. 404 while there is
  // none: the kiosks then read every passport as unverified.
  m_server->Get("/v1/csca-master-list", [this](const httplib::Request& request, httplib::Response& response) {
    std::ifstream in(m_config.data_dir / "csca-master-list.pem", std::ios::binary);
    if (!in) return http::reply_error(response, 404, "no CSCA master list published");
    reply_signed(in, request, response, "application/x-pem-file");
  });

  m_server->Get("/v1/catalog/key", [this](const httplib::Request&, httplib::Response& response) {
    http::reply_json(
        response, 200,
        nlohmann::json{{"algorithm", "ed25519"}, {"public_key", sync::to_base64(m_key.public_key())}}.dump());
  });

  m_server->Get("/v1/seal/key", [this](const httplib::Request&, httplib::Response& response) {
    char hex[2 * sizeof(store::PublicKey) + 1];
    sodium_bin2hex(hex, sizeof hex, m_seal.public_key.data(), m_seal.public_key.size());
    http::reply_json(response, 200,
                     nlohmann::json{{"algorithm", "x25519-sealed-box"}, {"public_key_hex", hex}}.dump());
  });

  m_server->Get("/v1/notices", [this](const httplib::Request&, httplib::Response& response) {
    auto notices = m_storage->notices();
    if (!notices) {
      spdlog::error("centre: notices: {}", notices.error().message);
      return http::reply_error(response, 500, "notices not available");
    }
    http::reply_json(response, 200, sync::to_json(*notices));
  });
}

}  // namespace pk::centre
