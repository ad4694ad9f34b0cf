# The service-level figures: a solar year's figures for every catalog service from 10,000 outages.
pk_add_bench(sla SOURCES ${CMAKE_CURRENT_LIST_DIR}/sla_bench.cpp LIBS pk_domain)
