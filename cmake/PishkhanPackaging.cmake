# Debian packages with CPack: `cpack -G DEB` in a build folder (see README, Deploying) makes
#   pishkhan-kiosk_<version>_<arch>.deb   the kiosk, its data, systemd units, udev rules
#   pishkhan-centre_<version>_<arch>.deb  the reference central service
# Depends are computed from the executables (dpkg-shlibdeps) plus the run-time packages the
# linker cannot see: the fonts, the Wayland kiosk compositor, logind for its seat.
# Each package carries what Debian's policy asks of one, checked by lintian
# (tests/packaging/lintian_test.sh): /usr/share/doc/PKG/copyright (DEP-5), changelog.gz,
# manual pages, a maintainer that can be written to.
set(PK_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(PK_PACKAGING_BUILD_DIR ${PROJECT_BINARY_DIR}/packaging)

# The udev rules: the hand-written part plus lines generated at build time from the drivers'
# USB id tables (packaging/udev/gen_udev_rules.cpp), so the two cannot drift apart.
add_executable(pk_gen_udev_rules ${PK_PACKAGING_DIR}/udev/gen_udev_rules.cpp)
target_link_libraries(pk_gen_udev_rules PRIVATE pk_drivers pk_barcode pk_warnings)
set(PK_UDEV_RULES ${PK_PACKAGING_BUILD_DIR}/70-pishkhan.rules)
add_custom_command(
  OUTPUT ${PK_UDEV_RULES}
  COMMAND pk_gen_udev_rules ${PK_PACKAGING_DIR}/udev/70-pishkhan.rules.in ${PK_UDEV_RULES}
  DEPENDS pk_gen_udev_rules ${PK_PACKAGING_DIR}/udev/70-pishkhan.rules.in
  COMMENT "Generating 70-pishkhan.rules from the drivers' USB id tables")
add_custom_target(pk_udev_rules ALL DEPENDS ${PK_UDEV_RULES})

# Who answers for the packages (the Maintainer field, the copyright's Upstream-Contact).
# A deployment that rebuilds the packages sets its own: -DPK_DEB_MAINTAINER="Name <address>".
set(PK_DEB_MAINTAINER "Pishkhan team <pishkhan@pishkhan.ir>"
    CACHE STRING "Maintainer field of the .debs: \"Name <e-mail address>\" (a real, reachable address)")

# Manual pages, made from the programs' own --help by help2man (so they cannot lag behind a new
# option) plus the hand-written sections in packaging/man/*.h2m (description, files, examples).
find_program(PK_HELP2MAN help2man)
if(NOT PK_HELP2MAN)
  message(FATAL_ERROR "help2man not found: the packages' manual pages are made with it. "
                      "Install the Debian package help2man (scripts/bootstrap does).")
endif()
set(PK_MAN_PAGES "")
foreach(program pishkhan-kiosk pishkhan-centre)
  set(page ${PK_PACKAGING_BUILD_DIR}/man/${program}.1)
  add_custom_command(
    OUTPUT ${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PK_PACKAGING_BUILD_DIR}/man
    # The programs run here only to print --help; an ASan build must not fail on their exit.
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 LC_ALL=C.UTF-8
            ${PK_HELP2MAN} --no-info --section=1 --version-string=${PROJECT_VERSION}
            --include=${PK_PACKAGING_DIR}/man/${program}.h2m --output=${page} $<TARGET_FILE:${program}>
    # -n: no name or time stamp in the gzip header, so the package is reproducible.
    COMMAND gzip -9nf ${page}
    DEPENDS ${program} ${PK_PACKAGING_DIR}/man/${program}.h2m
    COMMENT "Manual page ${program}(1) from its --help (help2man)")
  list(APPEND PK_MAN_PAGES ${page}.gz)
endforeach()

# The changelog: one history for both packages (they are built from one source), installed as
# changelog.gz: the packages are native (the packaging lives with the source, the version has no
# Debian revision), for which Debian's name is changelog.gz, not changelog.Debian.gz.
set(PK_CHANGELOG_GZ ${PK_PACKAGING_BUILD_DIR}/changelog.gz)
add_custom_command(
  OUTPUT ${PK_CHANGELOG_GZ}
  COMMAND gzip -9nc ${PK_PACKAGING_DIR}/debian/changelog > ${PK_CHANGELOG_GZ}
  DEPENDS ${PK_PACKAGING_DIR}/debian/changelog
  COMMENT "Compressing the Debian changelog")
add_custom_target(pk_debian_docs ALL DEPENDS ${PK_MAN_PAGES} ${PK_CHANGELOG_GZ})
configure_file(${PK_PACKAGING_DIR}/debian/copyright.in ${PK_PACKAGING_BUILD_DIR}/copyright @ONLY)

# --- what each package installs (the executables' install() lines are in their folders) ---
set(PK_SYSTEMD_UNIT_DIR /usr/lib/systemd/system)
install(FILES ${PK_PACKAGING_DIR}/systemd/pishkhan-kiosk.service
              ${PK_PACKAGING_DIR}/systemd/pishkhan-service-screen.service
        DESTINATION ${PK_SYSTEMD_UNIT_DIR} COMPONENT kiosk)
install(FILES ${PK_UDEV_RULES} DESTINATION /usr/lib/udev/rules.d COMPONENT kiosk)
install(FILES ${PK_PACKAGING_DIR}/config/pishkhan.toml DESTINATION /etc/pishkhan COMPONENT kiosk)
install(FILES ${PK_SOURCE_DATA_DIR}/catalog.json DESTINATION share/pishkhan COMPONENT kiosk)
# The pictograms, beside the catalog where the kiosk looks for them (drawn with librsvg, which
# dpkg-shlibdeps adds to Depends as librsvg2-2 from the executable).
install(DIRECTORY ${PK_SOURCE_DATA_DIR}/pictograms DESTINATION share/pishkhan COMPONENT kiosk
        FILES_MATCHING PATTERN "*.svg")
install(FILES ${PK_PACKAGING_DIR}/debian/kiosk-README.Debian DESTINATION share/doc/pishkhan-kiosk
        RENAME README.Debian COMPONENT kiosk)
install(FILES ${PK_SOURCE_DATA_DIR}/pishkhan.toml DESTINATION share/doc/pishkhan-kiosk
        RENAME pishkhan.toml.example COMPONENT kiosk)
install(FILES ${PK_PACKAGING_BUILD_DIR}/man/pishkhan-kiosk.1.gz DESTINATION share/man/man1 COMPONENT kiosk)

install(FILES ${PK_PACKAGING_DIR}/systemd/pishkhan-centre.service DESTINATION ${PK_SYSTEMD_UNIT_DIR}
        COMPONENT centre)
install(FILES ${PK_SOURCE_DATA_DIR}/catalog.json DESTINATION share/pishkhan-centre COMPONENT centre)
# The back office's web console: static files the centre serves at /console/.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/centre/console/ DESTINATION share/pishkhan-centre/console COMPONENT centre)
install(FILES ${PK_PACKAGING_DIR}/debian/centre-README.Debian DESTINATION share/doc/pishkhan-centre
        RENAME README.Debian COMPONENT centre)
install(FILES ${PK_PACKAGING_BUILD_DIR}/man/pishkhan-centre.1.gz DESTINATION share/man/man1 COMPONENT centre)

foreach(package pishkhan-kiosk pishkhan-centre)
  string(REPLACE "pishkhan-" "" component ${package})
  install(FILES ${PK_PACKAGING_BUILD_DIR}/copyright ${PK_CHANGELOG_GZ} DESTINATION share/doc/${package}
          COMPONENT ${component})
  # A lintian warning kept on purpose is overridden here, each line with a comment saying why.
  if(EXISTS ${PK_PACKAGING_DIR}/debian/${component}-lintian-overrides)
    install(FILES ${PK_PACKAGING_DIR}/debian/${component}-lintian-overrides DESTINATION share/lintian/overrides
            RENAME ${package} COMPONENT ${component})
  endif()
endforeach()

# Maintainer scripts must be named postinst, postrm... inside the control archive.
foreach(component kiosk centre)
  set(control_files "")
  foreach(script postinst prerm postrm conffiles)
    if(EXISTS ${PK_PACKAGING_DIR}/debian/${component}-${script})
      configure_file(${PK_PACKAGING_DIR}/debian/${component}-${script}
                     ${PK_PACKAGING_BUILD_DIR}/${component}/${script} COPYONLY)
      list(APPEND control_files ${PK_PACKAGING_BUILD_DIR}/${component}/${script})
    endif()
  endforeach()
  string(TOUPPER ${component} upper)
  set(CPACK_DEBIAN_${upper}_PACKAGE_CONTROL_EXTRA ${control_files})
endforeach()

# --- CPack ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pishkhan)
set(CPACK_PACKAGE_VENDOR "Pishkhan")
set(CPACK_PACKAGE_CONTACT "${PK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PK_DEB_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo: ship without the debug info
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)  # /etc, /usr/lib/systemd, /usr/lib/udev on purpose
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk centre)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME pishkhan-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION misc)
# The first line is the synopsis; Debian wants every line of the rest under 80 characters.
# One string (string(CONCAT)): set() with several would join them with ";". CPack indents the
# lines after the synopsis and writes an empty line as " .".
string(CONCAT CPACK_COMPONENT_KIOSK_DESCRIPTION
       "Pishkhan citizen self-service kiosk and counter terminal\n"
       "The firmware of Iranian government e-service kiosks: the province's service\n"
       "catalog, applications and scanned documents captured offline and delivered\n"
       "to the centre exactly once, printed receipts with tracking codes.\n"
       "\n"
       "Boots straight into the kiosk in a Wayland kiosk session (cage) on tty1.")
# Not seen by dpkg-shlibdeps: the fonts (opened by path), the compositor the unit starts with
# what it needs and Debian's cage does not pull in (Xwayland: cage 0.1.4 will not start without
# it; seatd: the seat, as the unit has no logind session), the tools the maintainer scripts run
# (sqlite3: the purge counts the captures that have not reached the centre), and espeak-ng's
# voices (espeak-ng-data: read at run time by the spoken guidance, not linked).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "fonts-noto-core, fonts-noto-ui-core, cage, xwayland, seatd, adduser, systemd, sqlite3, espeak-ng-data")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "pcscd, libgl1-mesa-dri, udev")
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS "sane-utils, pishkhan-centre")

set(CPACK_DEBIAN_CENTRE_PACKAGE_NAME pishkhan-centre)
string(CONCAT CPACK_COMPONENT_CENTRE_DESCRIPTION
       "Pishkhan reference central service\n"
       "The centre's side of the Pishkhan protocol (JSON over HTTP, resumable tus\n"
       "uploads, the signed catalog, outage notices), for development, demos and\n"
       "small deployments.")
set(CPACK_DEBIAN_CENTRE_PACKAGE_DEPENDS "adduser")

include(CPack)
