# The PNG reader of base/png_io.h (the simulated printer's paper, pictures in tests).
pk_add_fuzz(base_png SOURCES ${CMAKE_CURRENT_LIST_DIR}/base_png_fuzz.cpp LIBS pk_base)
