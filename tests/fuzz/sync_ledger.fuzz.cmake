# The ledger documents terminal and centre exchange (protocol/wire.h): ledger uploads and receipts.
pk_add_fuzz(sync_ledger SOURCES ${CMAKE_CURRENT_LIST_DIR}/../sync/fuzz/sync_ledger_fuzz.cpp LIBS pk_protocol)
