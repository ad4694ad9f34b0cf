# Text engine: uncached shaping + layout of a Persian paragraph vs the cached lookup.
pk_add_bench(ui_text SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui_text_bench.cpp LIBS pk_text)
