# Install layout (included by the top-level CMakeLists before the targets).
# Everything attnviz ships besides its two programs lives in share/attnviz:
# lessons/, examples/ and translations/ (the .qm files). ui/app_window/data_dirs
# looks there first (next to the binary, ../share/attnviz), then, only when run
# from the build tree, in ${ATTNVIZ_BUILD_DATADIR} and the source's resources/.
# docs/packaging.md has the whole picture.
include(GNUInstallDirs)

set(ATTNVIZ_APP_ID io.github.attnviz.attnviz) # .desktop, metainfo and icon name
set(ATTNVIZ_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/attnviz)
# Files the build makes that the app reads at run time (e.g. the .qm files):
# put them here, in the same layout as the installed share/attnviz.
set(ATTNVIZ_BUILD_DATADIR ${PROJECT_BINARY_DIR}/share/attnviz)

# attnviz_install_translations(<file.qm> ...): the hook for translations.
# After qt_add_translations(... QM_FILES_OUTPUT_VARIABLE qm_files), with the
# .ts files' OUTPUT_LOCATION set to ${ATTNVIZ_BUILD_DATADIR}/translations,
# call attnviz_install_translations(${qm_files}): they go to
# share/attnviz/translations, where data_dirs finds them installed.
function(attnviz_install_translations)
  install(FILES ${ARGN} DESTINATION ${ATTNVIZ_INSTALL_DATADIR}/translations)
endfunction()
