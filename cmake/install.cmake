# What `cmake --install` puts where (GNUInstallDirs):
#   include/scalestudy.h, include/scalestudy_mpi.h    the public API
#   lib/libscalestudy.a (threads), lib/libscalestudy_mpi.a (ranks),
#   lib/libscalestudy_core.a (what both use)
#   lib/pkgconfig/scalestudy.pc, scalestudy-mpi.pc
#   lib/cmake/scalestudy/  find_package(scalestudy): scalestudy::scalestudy, scalestudy::mpi
#   bin/scal-omp, scal-mpi, scal-run
#   share/scalestudy/jobs/  the job files and Slurm scripts
set_target_properties(scal PROPERTIES OUTPUT_NAME scalestudy_core EXPORT_NAME core)
install(TARGETS scal scal_omp scal_mpi EXPORT scalestudyTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES include/scalestudy.h include/scalestudy_mpi.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(SCAL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/scalestudy)
install(EXPORT scalestudyTargets NAMESPACE scalestudy:: DESTINATION ${SCAL_CMAKEDIR})
include(CMakePackageConfigHelpers)
configure_package_config_file(cmake/scalestudyConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/scalestudyConfig.cmake INSTALL_DESTINATION ${SCAL_CMAKEDIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/scalestudyConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/scalestudyConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/scalestudyConfigVersion.cmake
        DESTINATION ${SCAL_CMAKEDIR})

# pkg-config files that find their prefix from where they are installed
# (${pcfiledir}), so an install moved with --prefix still works.
file(RELATIVE_PATH SCAL_PC_UP /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" SCAL_PC_UP "${SCAL_PC_UP}")
string(REPLACE ";" " " SCAL_PC_OPENMP "${OpenMP_C_FLAGS}")
foreach(pc scalestudy scalestudy-mpi)
  configure_file(cmake/${pc}.pc.in ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()

install(DIRECTORY jobs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/scalestudy/jobs
        PATTERN tests EXCLUDE PATTERN "*.sbatch" PERMISSIONS OWNER_READ OWNER_WRITE
        OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
