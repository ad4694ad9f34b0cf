#pragma once
// The centre's records on each backend, for tests parameterised over them: SQLite files in a
// temporary folder (the embedded default), or a throwaway PostgreSQL server. Each open_*() call
// opens another instance over the same records, as a second centre process would.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "centre/diagnostics_store.h"
#include "centre/enrollment_store.h"
#include "centre/postgres_database.h"
#include "tests/offline-store/store_test_support.h"
#include "tests/support/postgres_server.h"

namespace pk::centre::test {

enum class Backend { Sqlite, Postgres };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
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

  store::test::TempDir m_dir{"centre-records"};
  std::unique_ptr<pk::test::PostgresServer> m_server;
};

}  // namespace pk::centre::test
