# Fuzz target of the domain library; sources live with the domain tests.
pk_add_fuzz(domain_text SOURCES ${CMAKE_CURRENT_LIST_DIR}/../domain/fuzz/domain_text_fuzz.cpp LIBS pk_domain)
