# The centre's heartbeat reply and the catalog's signature header (sync/centre_client.h).
pk_add_fuzz(sync_centre_replies SOURCES ${CMAKE_CURRENT_LIST_DIR}/sync_centre_replies_fuzz.cpp LIBS pk_sync)
