# tus 1.0 header values read by the centre's tus server and the terminal's tus client.
pk_add_fuzz(sync_tus_headers SOURCES ${CMAKE_CURRENT_LIST_DIR}/../sync/fuzz/sync_tus_headers_fuzz.cpp LIBS pk_protocol)
