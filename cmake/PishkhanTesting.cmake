# pk_add_gtest(<name> SOURCES ... LIBS ...): a GoogleTest executable registered with CTest,
# one CTest entry per test case (gtest_discover_tests), labelled by the folder it tests.
include(GoogleTest)
function(pk_add_gtest name)
  cmake_parse_arguments(ARG "" "LABEL" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock pk_warnings)
  target_compile_definitions(${name} PRIVATE PK_SOURCE_DATA_DIR="${PK_SOURCE_DATA_DIR}"
                                             PK_TEST_BINARY_DIR="${CMAKE_CURRENT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES LABELS "${ARG_LABEL}")
endfunction()
