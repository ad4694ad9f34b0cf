# Tests of the ui folder outside the text engine: keyboard editing, PNG output.
pk_add_gtest(ui_tests LABEL ui
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/keyboard_test.cpp ${CMAKE_CURRENT_LIST_DIR}/png_writer_test.cpp
          ${CMAKE_CURRENT_LIST_DIR}/software_raster_test.cpp
  LIBS pk_ui pk_ui_platform PkgConfig::PNG)
