# The HTTP client's header splitting (sync/http_client.h): any header line a server sends.
pk_add_fuzz(sync_http_headers SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync_http_headers_fuzz.cpp LIBS pk_sync)
