# pk_ui_platform: SDL2 window/off-screen surface, our SDL_Renderer backend for ImGui, PNG output.
add_library(pk_ui_platform STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/platform.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/renderer_choice.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/sdl_renderer_backend.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/software_raster.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/png_writer.cpp)
target_include_directories(pk_ui_platform PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(pk_ui_platform PUBLIC PkgConfig::SDL2 PkgConfig::IMGUI PRIVATE pk_base spdlog::spdlog pk_warnings)

# pk_ui: the kiosk's widgets, drawn with the text engine, and the pictograms (librsvg).
add_library(pk_ui STATIC ${CMAKE_CURRENT_SOURCE_DIR}/widgets.cpp ${CMAKE_CURRENT_SOURCE_DIR}/widgets_text_edit.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/drawn_boxes.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/keyboard.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/screen_kit.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/pictograms/svg_document.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/pictograms/pictogram_atlas.cpp
                   ${CMAKE_CURRENT_SOURCE_DIR}/pictograms/pictogram.cpp)
target_include_directories(pk_ui PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(pk_ui PUBLIC pk_text pk_domain PkgConfig::IMGUI PRIVATE PkgConfig::RSVG pk_warnings)
