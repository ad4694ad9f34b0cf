# The service-level ledger's parser of the centre's outage notices.
pk_add_fuzz(sla_notices SOURCES ${CMAKE_CURRENT_LIST_DIR}/sla_notices_fuzz.cpp LIBS pk_domain)
