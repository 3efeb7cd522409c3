# Every QML module the interface imports, directly or through the modules it imports (the
# controls' styles, the templates, the shapes the styles draw with...), comes from a Debian
# package the ArchLens package depends on; so do the Qt plugins the program loads at run time
# without linking them (the SVG image and icon plugins, the X11 platform). A run from the
# build folder finds all of these on a developer's machine; an installed package on a fresh
# one finds only what its dependencies bring.
#
# cmake -DSCANNER=qmlimportscanner -DQML_DIR=qml -DQT_QML_DIR=/usr/lib/.../qt6/qml
#       (-DDEPENDS_FILE=runtime-depends.txt | -DDEB=archlens_x.deb) [-DPLUGINS_DIR=...]
#       -P check_depends.cmake
# With DEPENDS_FILE (the list the build configures, "a, b (>= 1), c | d") the QML modules are checked; with DEB (a
# built package, whose Depends also holds what dpkg-shlibdeps found) the plugins as well.
cmake_minimum_required(VERSION 3.22) # IN_LIST, string(JSON)
foreach(var SCANNER QML_DIR QT_QML_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_depends.cmake: ${var} is not set")
  endif()
endforeach()

if(DEFINED DEPENDS_FILE)
  file(READ ${DEPENDS_FILE} DEPENDS)
elseif(DEFINED DEB)
  execute_process(COMMAND dpkg-deb -f ${DEB} Depends OUTPUT_VARIABLE DEPENDS RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot read the Depends of ${DEB}")
  endif()
else()
  message(FATAL_ERROR "check_depends.cmake: set DEPENDS_FILE or DEB")
endif()
# The package names, alternatives included, without versions.
string(REGEX REPLACE "\\([^)]*\\)" "" names "${DEPENDS}")
string(REGEX REPLACE "[ \n]" "" names "${names}")
string(REGEX REPLACE "[,|]" ";" names "${names}")
list(LENGTH names count)
if(count LESS 5)
  message(FATAL_ERROR "too few dependencies to be real: ${DEPENDS}")
endif()

execute_process(COMMAND ${SCANNER} -rootPath ${QML_DIR} -importPath ${QT_QML_DIR}
                OUTPUT_VARIABLE imports RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "qmlimportscanner failed (${rc})")
endif()

# What to look up: the qmldir of each QML module, and with DEB each plugin file, each with
# what it is; then one dpkg-query for all of them (one call each took most of the test's time).
set(files "")
set(labels "")
string(JSON n LENGTH "${imports}")
math(EXPR last "${n} - 1")
foreach(i RANGE ${last})
  string(JSON type ERROR_VARIABLE no GET "${imports}" ${i} type)
  string(JSON name ERROR_VARIABLE no GET "${imports}" ${i} name)
  string(JSON path ERROR_VARIABLE no_path GET "${imports}" ${i} path)
  if(NOT type STREQUAL "module" OR name STREQUAL "ArchLens") # ArchLens is compiled in
    continue()
  endif()
  if(no_path OR path STREQUAL "")
    # Styles of other platforms (Windows, macOS, iOS) that Qt lists but never loads here.
    if(name MATCHES "^QtQuick\\.Controls\\.(Windows|macOS|iOS)")
      continue()
    endif()
    message(FATAL_ERROR "the QML module ${name} is not installed on this machine")
  endif()
  list(APPEND files ${path}/qmldir)
  list(APPEND labels "QML module ${name}")
endforeach()
list(LENGTH files modules)
if(modules LESS 5)
  message(FATAL_ERROR "found only ${modules} QML modules: the scan looked in the wrong place")
endif()
if(DEFINED DEB)
  if(NOT DEFINED PLUGINS_DIR)
    get_filename_component(PLUGINS_DIR ${QT_QML_DIR}/../plugins ABSOLUTE)
  endif()
  foreach(plugin imageformats/libqsvg.so iconengines/libqsvgicon.so platforms/libqxcb.so)
    list(APPEND files ${PLUGINS_DIR}/${plugin})
    list(APPEND labels "Qt plugin ${plugin}")
  endforeach()
endif()

# "package[:arch]: path", one a line.
execute_process(COMMAND dpkg-query -S ${files} OUTPUT_VARIABLE owners RESULT_VARIABLE rc ERROR_VARIABLE error)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "no installed package holds some of these files: ${error}")
endif()
string(REPLACE "\n" ";" owners "${owners}")
set(missing "")
foreach(file label IN ZIP_LISTS files labels)
  set(package "")
  foreach(line IN LISTS owners)
    if(line MATCHES "^([^:]+)(:[^:]+)?: (.*)$" AND CMAKE_MATCH_3 STREQUAL file)
      set(package ${CMAKE_MATCH_1})
    endif()
  endforeach()
  if(package STREQUAL "")
    message(FATAL_ERROR "no installed package holds ${file}")
  elseif(NOT package IN_LIST names)
    list(APPEND missing "${label}: ${package}")
  else()
    message(STATUS "${label}: ${package}")
  endif()
endforeach()

if(missing)
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "not in the package's dependencies:\n  ${missing}\nDepends: ${DEPENDS}")
endif()
message(STATUS "${modules} QML modules: all in the package's dependencies")
