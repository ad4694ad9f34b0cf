# offline-store: save_application on a real file (WAL, synchronous=FULL), so the figures include
# the fsync a citizen waits for before the tracking code prints.
pk_add_bench(offline_store
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/offline-store/save_application_bench.cpp
  LIBS pk_store)
target_compile_definitions(bench_offline_store PRIVATE PK_BENCH_BINARY_DIR="${CMAKE_CURRENT_BINARY_DIR}")
