# Domain library: catalog parsing and search on the shipped data/catalog.json.
pk_add_bench(domain SOURCES ${CMAKE_CURRENT_LIST_DIR}/domain_bench.cpp LIBS pk_domain)
