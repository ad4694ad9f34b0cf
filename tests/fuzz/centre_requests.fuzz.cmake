# The heartbeat body and the staff console's query parameters (centre/request_reading.h). The
# file is compiled in, not pk_centre linked, so the fuzz build does not compile the whole centre.
pk_add_fuzz(centre_requests
            SOURCES ${CMAKE_CURRENT_LIST_DIR}/centre_requests_fuzz.cpp ${PROJECT_SOURCE_DIR}/centre/request_reading.cpp
            LIBS pk_domain PkgConfig::HTTPLIB nlohmann_json::nlohmann_json)
target_include_directories(fuzz_centre_requests PRIVATE ${PROJECT_SOURCE_DIR})
