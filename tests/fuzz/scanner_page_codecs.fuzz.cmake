# The stored pages' JPEG and 1-bit PNG decoders (drivers/scanner/pipeline/page_codec.h).
pk_add_fuzz(scanner_page_codecs SOURCES ${CMAKE_CURRENT_LIST_DIR}/scanner_page_codecs_fuzz.cpp LIBS pk_scan_pipeline)
