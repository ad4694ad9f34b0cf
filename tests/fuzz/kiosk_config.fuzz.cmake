# The kiosk's TOML configuration (kiosk/config.h). The file is compiled in, not pk_kiosk linked,
# so the fuzz build does not compile the whole kiosk (ImGui, SDL).
pk_add_fuzz(kiosk_config
            SOURCES ${CMAKE_CURRENT_LIST_DIR}/kiosk_config_fuzz.cpp ${PROJECT_SOURCE_DIR}/kiosk/config.cpp
            LIBS pk_domain PkgConfig::TOMLPP)
target_include_directories(fuzz_kiosk_config PRIVATE ${PROJECT_SOURCE_DIR})
