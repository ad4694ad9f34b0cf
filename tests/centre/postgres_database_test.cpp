// The centre's libpq plumbing against a real PostgreSQL server: migrations applied once when two
// centres start at once, a database from a newer centre refused, connections the server killed
// opened again, and an unreachable server reported plainly.
#include <gtest/gtest.h>

#include <thread>

#include "centre/postgres_database.h"
#include "tests/support/postgres_server.h"

namespace pk::centre::pg {
namespace {

using test::PostgresServer;

std::unique_ptr<PostgresServer> start_server(const std::string& name) {
  auto server = PostgresServer::start(name);
  if (!server) {
    ADD_FAILURE() << server.error().message;
    return nullptr;
  }
  return std::move(server).value();
}

int64_t count(Pool& pool, const std::string& sql) {
  auto value = pool.read<int64_t>("count", [&](Connection& c) -> Result<int64_t> {
    auto rows = c.exec(sql);
    if (!rows) return rows.error();
    return rows->int64(0, 0);
  });
  EXPECT_TRUE(value.ok()) << (value.ok() ? "" : value.error().message);
  return value ? *value : -1;
}

TEST(PostgresMigrations, TwoCentresStartingAtOnceApplyEachMigrationOnce) {
  auto server = start_server("migrations");
  ASSERT_TRUE(server);
  std::vector<Result<std::shared_ptr<Pool>>> opened(4, make_error("not run"));
  std::vector<std::thread> centres;
  for (size_t i = 0; i < opened.size(); ++i)
    centres.emplace_back([&, i] { opened[i] = open_database(server->url(), 2); });
  for (auto& centre : centres) centre.join();
  for (const auto& pool : opened) ASSERT_TRUE(pool.ok()) << pool.error().message;
  Pool& pool = **opened.front();
  EXPECT_EQ(count(pool, "SELECT count(*) FROM schema_migrations"), latest_schema_version());
  EXPECT_EQ(count(pool, "SELECT count(DISTINCT version) FROM schema_migrations"), latest_schema_version());
  EXPECT_EQ(count(pool, "SELECT count(*) FROM applications"), 0);
  // Opening again applies nothing.
  ASSERT_TRUE(open_database(server->url(), 1).ok());
  EXPECT_EQ(count(pool, "SELECT count(*) FROM schema_migrations"), latest_schema_version());
}

TEST(PostgresMigrations, ADatabaseFromANewerCentreIsRefused) {
  auto server = start_server("newer");
  ASSERT_TRUE(server);
  auto pool = open_database(server->url(), 1);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  auto added = (*pool)->transaction<bool>("add", [](Connection& c) -> Result<bool> {
    auto rows = c.exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    if (!rows) return rows.error();
    return true;
  });
  ASSERT_TRUE(added.ok()) << added.error().message;
  auto again = open_database(server->url(), 1);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("schema version 999, newer than this pishkhan-centre knows"),
            std::string::npos)
      << again.error().message;
}

TEST(PostgresPool, ConnectionsTheServerEndedAreOpenedAgain) {
  auto server = start_server("reconnect");
  ASSERT_TRUE(server);
  auto opened = open_database(server->url(), 3);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Pool& pool = **opened;
  // Every connection of the pool in use once, so all three are open.
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    auto c = pool.acquire();
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  }
  auto admin = Pool::open(server->url(), 1);
  ASSERT_TRUE(admin.ok());
  auto killed = (*admin)->read<int64_t>("kill", [](Connection& c) -> Result<int64_t> {
    auto rows = c.exec(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
        "'pishkhan-centre' AND pid <> pg_backend_pid()");
    if (!rows) return rows.error();
    return rows->int64(0, 0);
  });
  ASSERT_TRUE(killed.ok()) << killed.error().message;
  EXPECT_EQ(*killed, 3);
  // Reads and transactions go on, on new connections.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(count(pool, "SELECT count(*) FROM applications"), 0);
  auto written = pool.transaction<int64_t>("heartbeat", [](Connection& c) -> Result<int64_t> {
    auto rows = c.exec("INSERT INTO heartbeats VALUES ('T1', 1, 2)");
    if (!rows) return rows.error();
    return rows->affected();
  });
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(*written, 1);
}

TEST(PostgresPool, AServerThatIsNotThereIsNamedInTheError) {
  auto server = start_server("absent");
  ASSERT_TRUE(server);
  const std::string url = server->url();
  server.reset();  // stopped: nothing listens on that port now
  auto pool = open_database(url, 1);
  ASSERT_FALSE(pool.ok());
  EXPECT_NE(pool.error().message.find("cannot connect to PostgreSQL at " + url), std::string::npos)
      << pool.error().message;
}

}  // namespace
}  // namespace pk::centre::pg
