# The stored pages' JPEG and 1-bit PNG decoders (imaging/page_codec.h).
pk_add_fuzz(imaging_page_codecs SOURCES ${CMAKE_CURRENT_LIST_DIR}/imaging_page_codecs_fuzz.cpp LIBS pk_imaging)
