# Text field editing: caret, selection, insertion and deletion by grapheme on any text.
pk_add_fuzz(ui_text_edit SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui_text_edit_fuzz.cpp LIBS pk_ui)
