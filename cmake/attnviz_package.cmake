# What the package holds besides the two programs (app/CMakeLists installs
# those), and CPack's settings for the .deb. Included at the end of the
# top-level CMakeLists; `bash scripts/attnviz.sh package` runs it.
# docs/packaging.md explains each choice and what lintian still says.

# Lessons (with the specs and .npy files they name) and the example specs.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/lessons ${PROJECT_SOURCE_DIR}/resources/examples
        DESTINATION ${ATTNVIZ_INSTALL_DATADIR})

# Desktop integration: one id for the .desktop file, the metainfo and the icon.
if(ATTNVIZ_BUILD_UI)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/${ATTNVIZ_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/${ATTNVIZ_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/attnviz.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${ATTNVIZ_APP_ID}.svg)
endif()

# Files made at build time by Debian tools; without the tool the file is left
# out with a note here, and the package check (scripts/attnviz.sh) fails.
find_program(ATTNVIZ_RSVG_CONVERT rsvg-convert)  # librsvg2-bin
find_program(ATTNVIZ_HELP2MAN help2man)          # help2man
find_program(ATTNVIZ_GZIP gzip)
set(made)

# PNG icons for the hicolor theme, rendered from the one SVG.
if(ATTNVIZ_BUILD_UI AND ATTNVIZ_RSVG_CONVERT)
  foreach(size 16 22 24 32 48 64 128 256 512)
    set(dir ${PROJECT_BINARY_DIR}/icons/${size}x${size})
    add_custom_command(OUTPUT ${dir}/${ATTNVIZ_APP_ID}.png
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND ${ATTNVIZ_RSVG_CONVERT} --width=${size} --height=${size} --output=${dir}/${ATTNVIZ_APP_ID}.png
              ${PROJECT_SOURCE_DIR}/resources/attnviz.svg
      DEPENDS ${PROJECT_SOURCE_DIR}/resources/attnviz.svg VERBATIM)
    list(APPEND made ${dir}/${ATTNVIZ_APP_ID}.png)
    install(FILES ${dir}/${ATTNVIZ_APP_ID}.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
elseif(ATTNVIZ_BUILD_UI)
  message(STATUS "rsvg-convert (librsvg2-bin) not found: no PNG icons (the package needs them)")
endif()

# Man pages from each program's --help (help2man), with the sections --help
# has no room for in resources/man/<program>.h2m; gzip -9n as Debian wants.
# help2man runs the program by name from its build folder, so the page says
# "attnviz", not the build path.
# Not in sanitizer builds, whose programs are for the tests only.
if(ATTNVIZ_SANITIZE OR ATTNVIZ_BUILD_FUZZERS)
  # nothing: those programs are not packaged
elseif(ATTNVIZ_HELP2MAN AND ATTNVIZ_GZIP)
  set(attnviz_man_name "step through Keras attention layers one operation at a time")
  set(attnviz-trace_man_name "run a Keras attention layer spec and keep every intermediate step")
  foreach(prog attnviz attnviz-trace)
    if(NOT TARGET ${prog})
      continue()
    endif()
    set(man ${PROJECT_BINARY_DIR}/man/${prog}.1)
    add_custom_command(OUTPUT ${man}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:${prog}>:$ENV{PATH}" QT_QPA_PLATFORM=offscreen
              ${ATTNVIZ_HELP2MAN} --no-info --version-string=${PROJECT_VERSION} "--name=${${prog}_man_name}"
              --include=${PROJECT_SOURCE_DIR}/resources/man/${prog}.h2m --output=${man} ${prog}
      COMMAND ${ATTNVIZ_GZIP} -9nf ${man}
      DEPENDS ${prog} ${PROJECT_SOURCE_DIR}/resources/man/${prog}.h2m VERBATIM)
    list(APPEND made ${man}.gz)
    install(FILES ${man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  endforeach()
else()
  message(STATUS "help2man not found: no man pages (the package needs them)")
endif()

# /usr/share/doc/attnviz: the copyright notice and the changelog (Debian's
# format, gzip -9n), which every .deb carries.
if(ATTNVIZ_GZIP)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/doc/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/doc
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/resources/package/changelog ${PROJECT_BINARY_DIR}/doc/changelog
    COMMAND ${ATTNVIZ_GZIP} -9nf ${PROJECT_BINARY_DIR}/doc/changelog
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/package/changelog VERBATIM)
  list(APPEND made ${PROJECT_BINARY_DIR}/doc/changelog.gz)
  install(FILES ${PROJECT_BINARY_DIR}/doc/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/resources/package/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
add_custom_target(attnviz_package_files ALL DEPENDS ${made})

if(ATTNVIZ_NATIVE)
  message(STATUS "ATTNVIZ_NATIVE is ON: a .deb made from this build runs only on CPUs like this one "
                 "(scripts/attnviz.sh package builds with -DATTNVIZ_NATIVE=OFF)")
endif()

# The .deb (cpack -G DEB in the build folder). Dependencies come from
# dpkg-shlibdeps on the installed binaries, not from a hand-written list.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME attnviz)
set(CPACK_PACKAGE_VENDOR "The attnviz developers")
set(CPACK_PACKAGE_CONTACT "The attnviz developers <attnviz@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "step through Keras attention layers one operation at a time")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "attnviz computes the attention layers of Keras 3 (MultiHeadAttention,\n"
    "GroupQueryAttention, Attention and AdditiveAttention) exactly as Keras\n"
    "does, keeps every intermediate tensor as a named step and shows them one\n"
    "operation at a time: the operation animated, its formula, its einsum, the\n"
    "Keras line that performs it and a heatmap with exact values. Lessons, a\n"
    "presentation mode and printable handouts are included for teaching.\n"
    "\n"
    "attnviz-trace runs the same computation from the command line and saves\n"
    "every step to an .npz file.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # attnviz_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/attnviz/attnviz)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own strings (dialog buttons) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                                WORLD_READ WORLD_EXECUTE)
set(CPACK_STRIP_FILES ON)
include(CPack)
