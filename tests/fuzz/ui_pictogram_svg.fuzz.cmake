# The pictograms' SVG loading (ui/pictograms/svg_document.h): librsvg parses, our wrapper
# checks the viewBox and the ink and turns the drawing into coverage.
pk_add_fuzz(ui_pictogram_svg SOURCES ${CMAKE_CURRENT_LIST_DIR}/ui_pictogram_svg_fuzz.cpp LIBS pk_ui)
