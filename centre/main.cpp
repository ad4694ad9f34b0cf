// pishkhan-centre: the reference central service.
//   pishkhan-centre --data DIR --port N [--catalog FILE]
// Prints "listening on <host>:<port>" once it accepts connections (port 0 picks a free one).
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <sodium.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <mutex>

#include "centre/centre_server.h"

#ifndef PK_SOURCE_DATA_DIR
#define PK_SOURCE_DATA_DIR "data"
#endif

namespace {
pk::centre::CentreServer* g_server = nullptr;
extern "C" void on_signal(int) {
  // httplib's stop() only flips flags and shuts the listening socket: safe enough here.
  if (g_server != nullptr) g_server->request_stop();
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Pishkhan reference central service"};
  pk::centre::CentreConfig config;
  config.catalog_file = std::filesystem::path(PK_SOURCE_DATA_DIR) / "catalog.json";
  app.add_option("--data", config.data_dir, "data folder (created if missing)")->required();
  app.add_option("--port", config.port, "TCP port (0: any free port)")->default_val(8443);
  app.add_option("--host", config.host, "address to listen on")->default_val("127.0.0.1");
  app.add_option("--catalog", config.catalog_file, "catalog JSON served signed at /v1/catalog");
  std::string export_seal_key;
  app.add_option("--export-seal-key", export_seal_key,
                 "write the public sealing key (hex) to this file, for a terminal's keys/centre-seal.pub");
  CLI11_PARSE(app, argc, argv);

  auto server = pk::centre::CentreServer::start(config);
  if (!server) {
    spdlog::critical("{}", server.error().message);
    return 1;
  }
  if (!export_seal_key.empty()) {
    // Until terminals enroll over the network, a technician carries this file to them.
    char hex[2 * sizeof(pk::store::PublicKey) + 1];
    sodium_bin2hex(hex, sizeof hex, (*server)->sealing_key().public_key.data(),
                   (*server)->sealing_key().public_key.size());
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(export_seal_key).parent_path(), ec);
    std::ofstream out(export_seal_key, std::ios::trunc);
    out << hex << "\n";
    if (!out.flush()) {
      spdlog::critical("cannot write {}", export_seal_key);
      return 1;
    }
  }
  std::printf("listening on %s:%d\n", config.host.c_str(), (*server)->port());
  std::fflush(stdout);
  g_server = server->get();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  (*server)->wait();
  g_server = nullptr;
  return 0;
}
