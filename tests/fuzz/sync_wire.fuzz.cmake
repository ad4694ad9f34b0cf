# The wire documents terminal and centre exchange (protocol/wire.h): submissions, statuses, notices.
pk_add_fuzz(sync_wire SOURCES ${CMAKE_CURRENT_LIST_DIR}/../sync/fuzz/sync_wire_fuzz.cpp LIBS pk_protocol)
