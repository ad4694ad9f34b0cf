# Sync with the reference centre on loopback (HTTPS, a terminal enrolled as in tests/sync): upload
# throughput through a rate-limited link, bytes re-sent after a cut, submissions ingested per second.
pk_add_bench(sync
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync_bench.cpp
          ${PROJECT_SOURCE_DIR}/tests/sync/fault_proxy.cpp
          ${PROJECT_SOURCE_DIR}/tests/sync/sync_test_support.cpp
          ${PROJECT_SOURCE_DIR}/tests/offline-store/store_test_support.cpp
  LIBS pk_sync pk_centre pk_provisioning pk_store GTest::gtest)
target_compile_definitions(bench_sync PRIVATE PK_TEST_BINARY_DIR="${CMAKE_CURRENT_BINARY_DIR}")
