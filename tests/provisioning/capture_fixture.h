#pragma once
// Captures with a citizen's personal data, saved the way the kiosk saves them (sealed to a
// centre key), for the diagnostics and factory-reset tests; and reading a file back whole.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/tracking_code.h"
#include "offline-store/store.h"
#include "protocol/sealing.h"

namespace pk::provisioning::test {

// The whole file as bytes ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Citizen {
  std::string name;
  std::string name_fa;
  std::string national_id;
  std::string phone;
  std::string address;
};

inline const std::vector<Citizen>& citizens() {
  static const std::vector<Citizen> list = {
      {"Zahra Hosseini-Rad", "زهرا حسینی‌راد", "0084575948", "09151234567",
       "27 Taleghani Street, Birjand"},
      {"Ali Karimzadeh", "علی کریم‌زاده", "0640123457", "09367654321", "Motahari Alley 4, Qaen"},
  };
  return list;
}

// Saves one application per citizen as terminal `terminal_id` (number `terminal_number`, the
// TTTT of its codes); returns the tracking codes.
inline std::vector<std::string> save_captures(store::Store& store, const store::PublicKey& centre,
                                              int64_t now, const std::string& terminal_id = "SKO-TEST-0007",
                                              int terminal_number = 7) {
  std::vector<std::string> codes;
  for (const Citizen& c : citizens()) {
    const std::string personal = "{\"name\":\"" + c.name + "\",\"name_fa\":\"" + c.name_fa +
                                 "\",\"national_id\":\"" + c.national_id + "\",\"phone\":\"" + c.phone +
                                 "\",\"address\":\"" + c.address + "\"}";
    store::NewApplication app;
    app.service_number = 3;
    app.terminal_id = terminal_id;
    app.created_at_unix = now;
    app.created_monotonic_ms = 1;
    app.sealed_personal =
        store::seal({reinterpret_cast<const uint8_t*>(personal.data()), personal.size()}, centre).value();
    store::NewDocument page;
    page.doc_kind = "passport";
    page.mime = "image/jpeg";
    const std::string content = "PAGE-OF-" + c.national_id;
    page.byte_size = static_cast<int64_t>(content.size());
    page.sealed_content =
        store::seal({reinterpret_cast<const uint8_t*>(content.data()), content.size()}, centre).value();
    app.documents.push_back(page);
    auto saved = store.save_application(app, [&](int64_t seq) {
      return make_tracking_code(TrackingKind::Application, terminal_number, seq).value().digits();
    });
    if (saved) codes.push_back(saved->tracking_code);
  }
  return codes;
}

}  // namespace pk::provisioning::test
