# Barcode search on scanned pages (drivers/barcode/page_codes.h): any pixels a scanner delivers.
pk_add_fuzz(barcode_page_codes SOURCES ${CMAKE_CURRENT_LIST_DIR}/barcode_page_codes_fuzz.cpp LIBS pk_barcode)
