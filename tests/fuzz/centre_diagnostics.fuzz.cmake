# The diagnostics bundle a terminal uploads (POST /v1/diagnostics): the tar check the centre
# runs before storing anything (protocol/diagnostics_bundle.h).
pk_add_fuzz(centre_diagnostics SOURCES ${CMAKE_CURRENT_LIST_DIR}/centre_diagnostics_fuzz.cpp LIBS pk_protocol)
