# Receipts: render a tracking receipt (layout + raster) and encode it to ESC/POS bytes.
pk_add_bench(receipts SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/receipts_bench.cpp
                              ${PROJECT_SOURCE_DIR}/tests/receipts/receipts_bench_job.cpp
             LIBS pk_receipts)
