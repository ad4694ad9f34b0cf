# ESC/POS stream decoder, status decoder and IEEE 1284 device id parser: everything in the
# drivers that reads bytes from outside.
pk_add_fuzz(drivers_escpos SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/drivers_escpos_fuzz.cpp LIBS pk_drivers)
