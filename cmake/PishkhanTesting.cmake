# pk_add_gtest(<name> SOURCES ... LIBS ...): a GoogleTest executable registered with CTest,
# one CTest entry per test case (gtest_discover_tests), labelled by the folder it tests.
# POSTGRES <gtest filter>: the test cases it matches start a PostgreSQL server
# (tests/support/postgres_server.h) and get the label `postgres` too (ctest -LE postgres skips them).
include(GoogleTest)
function(pk_add_gtest name)
  cmake_parse_arguments(ARG "" "LABEL;POSTGRES" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock pk_warnings)
  target_compile_definitions(${name} PRIVATE PK_SOURCE_DATA_DIR="${PK_SOURCE_DATA_DIR}"
                                             PK_TEST_BINARY_DIR="${CMAKE_CURRENT_BINARY_DIR}")
  if(ARG_POSTGRES)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 TEST_FILTER "-${ARG_POSTGRES}" PROPERTIES LABELS "${ARG_LABEL}")
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 TEST_FILTER "${ARG_POSTGRES}" PROPERTIES LABELS postgres)
    get_property(counter TARGET ${name} PROPERTY CTEST_DISCOVERED_TEST_COUNTER)
    set(PK_TARGET ${name})
    set(PK_LABEL ${ARG_LABEL})
    set(PK_TESTS_FILE "${CMAKE_CURRENT_BINARY_DIR}/${name}[${counter}]_tests.cmake")
    configure_file(${PROJECT_SOURCE_DIR}/cmake/PostgresLabels.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/${name}_postgres_labels.cmake
                   @ONLY)
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_CURRENT_BINARY_DIR}/${name}_postgres_labels.cmake)
  else()
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES LABELS "${ARG_LABEL}")
  endif()
endfunction()
