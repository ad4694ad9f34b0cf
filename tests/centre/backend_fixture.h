#pragma once
// The centre's records on each backend, for tests parameterised over them: SQLite files in a
// temporary folder (the embedded default), or a throwaway PostgreSQL server. Each open_*() call
// opens another instance over the same records, as a second centre process would.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/postgres_centre_storage.h"
#include "centre/postgres_database.h"
#include "centre/sqlite_centre_storage.h"
#include "centre/staff/staff_store.h"
#include "protocol/encoding.h"
#include "tests/offline-store/store_test_support.h"
#include "tests/support/postgres_server.h"

namespace pk::centre::test {

enum class Backend { Sqlite, Postgres };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
}

// Sample submissions, as terminals send them, and the calls that store them.
inline std::vector<uint8_t> bytes_of(size_t size, uint8_t seed) {
  std::vector<uint8_t> out(size);
  for (size_t i = 0; i < size; ++i) out[i] = static_cast<uint8_t>(seed + i * 7);
  return out;
}

inline sync::Submission submission(const std::string& code, const std::vector<std::vector<uint8_t>>& pages,
                                   const std::string& kind = "application") {
  sync::Submission s;
  s.tracking_code = code;
  s.kind = kind;
  s.service_number = 3;
  s.channel = "kiosk";
  s.terminal_id = "T1";
  s.created_at_unix = 1'760'000'000;
  s.sealed_personal_base64 = sync::to_base64(sync::as_bytes("sealed"));
  for (size_t i = 0; i < pages.size(); ++i)
    s.pages.push_back({"passport", static_cast<int>(i + 1), "image/jpeg", 10,
                       static_cast<int64_t>(pages[i].size()), sync::to_hex(sync::sha256(pages[i]))});
  return s;
}

inline std::string body_sha(const sync::Submission& s) {
  return sync::to_hex(sync::sha256(sync::to_json(s)));
}

inline std::string upload_id(const sync::PageStatus& page) {
  return page.upload_path.substr(page.upload_path.rfind('/') + 1);
}

// Submits and returns the reply's page statuses.
inline std::vector<sync::PageStatus> submit(CentreStorage& storage, const std::string& terminal,
                                            const std::string& key, const sync::Submission& s) {
  auto stored = storage.submit(terminal, key, body_sha(s), s);
  EXPECT_TRUE(stored.ok()) << (stored.ok() ? "" : stored.error().message);
  if (!stored) return {};
  EXPECT_EQ(stored->outcome, SubmitOutcome::Created);
  auto reply = sync::parse_application_status(stored->reply_json);
  EXPECT_TRUE(reply.ok());
  return reply ? reply->pages : std::vector<sync::PageStatus>{};
}

// Appends `bytes` in chunks of `chunk`; returns the last outcome.
inline AppendResult upload(CentreStorage& storage, const std::string& terminal, const std::string& id,
                           const std::vector<uint8_t>& bytes, size_t chunk) {
  AppendResult last;
  for (size_t at = 0; at < bytes.size(); at += chunk) {
    const size_t n = std::min(chunk, bytes.size() - at);
    auto appended = storage.append(terminal, id, static_cast<int64_t>(at), std::span(bytes).subspan(at, n));
    EXPECT_TRUE(appended.ok()) << (appended.ok() ? "" : appended.error().message);
    if (!appended) return {};
    last = *appended;
    if (last.outcome != AppendOutcome::Appended) return last;
  }
  return last;
}

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::Postgres) {
      auto server = pk::test::PostgresServer::start("records");
      ASSERT_TRUE(server.ok()) << server.error().message;
      m_server = std::move(server).value();
    }
  }

  [[nodiscard]] bool postgres() const { return GetParam() == Backend::Postgres; }
  [[nodiscard]] std::string url() const { return m_server ? m_server->url() : std::string(); }

  // A pool on the test's database (its schema migrated), as one centre instance has.
  std::shared_ptr<pg::Pool> pool(int size = 4) {
    auto opened = pg::open_database(url(), size);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<CentreStorage> open_storage() {
    if (postgres()) {
      auto made = make_postgres_storage(pool(), m_dir.path() / "uploads");
      EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
      return made ? std::move(made).value() : nullptr;
    }
    auto opened = open_sqlite_storage(m_dir.path());
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<EnrollmentStore> open_enrollment() {
    if (postgres()) return make_postgres_enrollment_store(pool());
    auto opened = EnrollmentStore::open(m_dir.path());
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<DiagnosticsStore> open_diagnostics() {
    if (postgres()) return make_postgres_diagnostics_store(pool());
    auto opened = DiagnosticsStore::open(m_dir.path());
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<StaffStore> open_staff() {
    if (postgres()) return make_postgres_staff_store(pool());
    auto opened = StaffStore::open(m_dir.path());
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened ? std::move(opened).value() : nullptr;
  }

  store::test::TempDir m_dir{"centre-records"};
  std::unique_ptr<pk::test::PostgresServer> m_server;
};

}  // namespace pk::centre::test
