# Cover-sheet QR payloads (outside input: any code on any paper a citizen brings) and the
# keyboard-wedge decoder fed arbitrary key events.
pk_add_fuzz(imaging_cover_sheet SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/imaging_cover_sheet_fuzz.cpp LIBS pk_imaging pk_barcode)
