# Tests of the ui folder outside the text engine: keyboard and caret editing, the text field
# and keyboard on a headless screen, the software rasteriser, PNG output, the pictograms.
pk_add_gtest(ui_tests LABEL ui
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/keyboard_test.cpp ${CMAKE_CURRENT_LIST_DIR}/png_writer_test.cpp
          ${CMAKE_CURRENT_LIST_DIR}/software_raster_test.cpp ${CMAKE_CURRENT_LIST_DIR}/text_edit_test.cpp
          ${CMAKE_CURRENT_LIST_DIR}/text_field_screen_test.cpp ${CMAKE_CURRENT_LIST_DIR}/pictogram_test.cpp
          ${CMAKE_CURRENT_LIST_DIR}/drawn_boxes_test.cpp
  LIBS pk_ui pk_ui_platform PkgConfig::PNG)
