# Find every dependency by package and say which Debian package provides it when missing.
# scripts/bootstrap installs the same list; keep the two in step.
find_package(PkgConfig REQUIRED)

set(PK_MISSING "")

# pk_pkg(<name> <pkg-config module> <debian package>): an IMPORTED target PkgConfig::<name>.
macro(pk_pkg name module debpkg)
  pkg_check_modules(${name} QUIET IMPORTED_TARGET ${module})
  if(NOT ${name}_FOUND)
    list(APPEND PK_MISSING "${module} (Debian package ${debpkg})")
  endif()
endmacro()

# pk_cfg(<package> <debian package> [find_package args...]): a CMake config package.
macro(pk_cfg package debpkg)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    list(APPEND PK_MISSING "${package} (Debian package ${debpkg})")
  endif()
endmacro()

pk_pkg(SDL2 sdl2 libsdl2-dev)
pk_pkg(ESPEAK_NG espeak-ng libespeak-ng-dev)  # spoken guidance (drivers/speech); its voices: espeak-ng-data
pk_pkg(SNDFILE sndfile libsndfile1-dev)  # recorded voice files: WAV, FLAC, Ogg Vorbis (drivers/speech)
pk_pkg(IMGUI imgui libimgui-dev)
pk_pkg(HARFBUZZ harfbuzz libharfbuzz-dev)
pk_pkg(FRIBIDI fribidi libfribidi-dev)
pk_pkg(FREETYPE freetype2 libfreetype-dev)
pk_pkg(SQLITE3 sqlite3 libsqlite3-dev)
pk_pkg(PQ libpq libpq-dev)  # the centre's PostgreSQL storage (pishkhan-centre --database postgresql://...)
pk_pkg(SODIUM libsodium libsodium-dev)
pk_pkg(PNG libpng libpng-dev)
pk_pkg(LIBUSB libusb-1.0 libusb-1.0-0-dev)
pk_pkg(SANE sane-backends libsane-dev)
pk_pkg(TURBOJPEG libturbojpeg libturbojpeg0-dev)
pk_pkg(PCSC libpcsclite libpcsclite-dev)
pk_pkg(OPENJP2 libopenjp2 libopenjp2-7-dev)
pk_pkg(CURL libcurl libcurl4-openssl-dev)
pk_pkg(HTTPLIB cpp-httplib libcpp-httplib-dev)
pk_pkg(OPENSSL openssl libssl-dev)  # TLS certificates: the centre's CA, terminal keys and requests
pk_pkg(TOMLPP tomlplusplus libtomlplusplus-dev)
pk_pkg(SYSTEMD libsystemd libsystemd-dev)  # sd_notify: readiness and the watchdog under systemd
pk_pkg(RSVG librsvg-2.0 librsvg2-dev)  # the pictograms: SVG files drawn once at start-up (with cairo)
pk_pkg(ICU_UC icu-uc libicu-dev)  # the text engine's line breaking and grapheme clusters
pk_pkg(ICU icu-i18n libicu-dev)  # tests only: a second, independent Persian calendar
pk_cfg(nlohmann_json nlohmann-json3-dev CONFIG)
pk_cfg(spdlog libspdlog-dev CONFIG)
pk_cfg(CLI11 libcli11-dev CONFIG)
pk_cfg(ZXing libzxing-dev CONFIG)
pk_cfg(Threads libc6-dev)
if(PK_BUILD_TESTS)
  pk_cfg(GTest "libgtest-dev libgmock-dev" CONFIG)
  # USB printer tests run the real libusb against devices emulated by umockdev.
  pk_pkg(UMOCKDEV umockdev-1.0 libumockdev-dev)
  find_library(PK_UMOCKDEV_PRELOAD NAMES libumockdev-preload.so.0 libumockdev-preload.so)
  if(NOT PK_UMOCKDEV_PRELOAD)
    list(APPEND PK_MISSING "libumockdev-preload.so (Debian package umockdev)")
  endif()
endif()
if(PK_BUILD_BENCH)
  pk_cfg(benchmark libbenchmark-dev CONFIG)
endif()

if(PK_MISSING)
  list(JOIN PK_MISSING "\n  - " missing_text)
  message(FATAL_ERROR "Pishkhan cannot be built: these dependencies are missing:\n  - ${missing_text}\n"
                      "Run scripts/bootstrap (it installs them with apt-get).")
endif()

# Fonts are found at run time through data/fonts.toml; checked here so a missing font package
# is a build-time message, not a blank screen.
foreach(font /usr/share/fonts/truetype/noto/NotoSansArabicUI-Regular.ttf
             /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf)
  if(NOT EXISTS ${font})
    message(FATAL_ERROR "Font ${font} is missing (Debian packages fonts-noto-ui-core, fonts-noto-core). "
                        "Run scripts/bootstrap.")
  endif()
endforeach()
