# Build time. Most of a clean build is spent parsing the same third-party headers (nlohmann
# json, Catch2, Qt) once per source file, and optimising test code that runs for seconds.
# Precompiled headers parse them once per target, or once for a family of targets built
# with the same flags (REUSE_FROM); tests build with -Og, which keeps them fast to run and
# debuggable while taking about half the compile time of -O2. The libraries the tests and
# the program use keep the build type's optimisation. ARCHLENS_PCH=OFF builds without
# precompiled headers, which shows a source that forgot an include.
option(ARCHLENS_PCH "Precompile the third-party headers" ON)

# The headers every target of the plain C++ layers includes.
set(ARCHLENS_PCH_STD <nlohmann/json.hpp> <string> <vector> <map> <optional> <algorithm>
                     <functional> <memory>)

function(archlens_precompile target)
  if(ARCHLENS_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

function(archlens_reuse_precompiled target from)
  if(ARCHLENS_PCH)
    target_precompile_headers(${target} REUSE_FROM ${from})
  endif()
endfunction()

# Test code: quick to compile. A Debug build (the sanitizer build) keeps -O0.
function(archlens_test_code target)
  target_compile_options(${target} PRIVATE $<$<NOT:$<CONFIG:Debug>>:-Og>)
endfunction()
