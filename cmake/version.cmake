# The version header, made at build time (every build runs this script):
#   cmake -DSRC=<source dir> -DOUT=<header> -DVERSION=<x.y.z> -P version.cmake
# The header names the project version and `git describe` of the source
# tree as it is when built, and is rewritten only when that changes, so
# only what includes it is recompiled.
execute_process(COMMAND git describe --always --dirty
                WORKING_DIRECTORY "${SRC}"
                OUTPUT_VARIABLE git OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc ERROR_QUIET)
if(NOT rc EQUAL 0 OR git STREQUAL "")
  set(git "unknown")
endif()
string(REGEX REPLACE "[^A-Za-z0-9._+-]" "_" git "${git}")
set(text "/* Made at build time by cmake/version.cmake: do not edit. */
#define SCAL_VERSION \"${VERSION}\"
#define SCAL_GIT \"${git}\"
")
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
