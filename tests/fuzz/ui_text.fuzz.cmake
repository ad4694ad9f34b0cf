# The text engine: every string the kiosk shows, including catalog text from the centre.
pk_add_fuzz(ui_text SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui_text_fuzz.cpp LIBS pk_text)
