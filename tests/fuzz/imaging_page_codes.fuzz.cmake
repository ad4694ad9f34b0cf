# Barcode search on scanned pages (imaging/page_codes.h): any pixels a scanner delivers.
pk_add_fuzz(imaging_page_codes SOURCES ${CMAKE_CURRENT_LIST_DIR}/imaging_page_codes_fuzz.cpp LIBS pk_imaging)
