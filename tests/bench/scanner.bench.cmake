# Scanner page pipeline: pages per minute through the whole pipeline (blank check, code
# search, JPEG, SHA-256, thumbnail) with 2 workers, and the cost of each step on one page.
pk_add_bench(scanner SOURCES ${CMAKE_CURRENT_LIST_DIR}/scanner_bench.cpp LIBS pk_imaging pk_scanner)
