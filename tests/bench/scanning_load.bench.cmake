# The terminal under scanning load: UI-thread CPU time per frame while a 40-sheet batch is
# scanned and processed, and peak memory (RSS growth, pages in flight) over a 500-page stack.
pk_add_bench(scanning_load SOURCES ${CMAKE_CURRENT_LIST_DIR}/scanning_load_bench.cpp LIBS pk_kiosk)
