# The program loads what draws only when it draws (app/window_loader.h):
# - the program itself needs no Qt Gui, Quick, widgets or graphics library (ldd);
# - a copy of the program with no window library beside it still checks, compares, scores
#   and lists as the whole program does, byte for byte;
# - and asked for the window, an export or a report, that copy says which file it could
#   not load and exits with status 3, instead of crashing or half-starting.
# cmake -DARCHLENS=path/to/archlens -DRESOURCES=resources -DWORK=dir -P check_window_library.cmake
set(example ${RESOURCES}/examples/url-shortener.archlens)
set(other ${RESOURCES}/examples/chat-system.archlens)

execute_process(COMMAND ldd ${ARCHLENS} RESULT_VARIABLE rc OUTPUT_VARIABLE libraries ERROR_VARIABLE e)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ldd ${ARCHLENS}: exit ${rc}\n${e}")
endif()
if(NOT libraries MATCHES "libQt6Core")
  message(FATAL_ERROR "ldd lists no Qt Core: is this the program?\n${libraries}")
endif()
foreach(drawing libQt6Gui libQt6Quick libQt6Widgets libQt6Qml libGL libEGL libqcustomplot)
  if(libraries MATCHES "${drawing}")
    message(FATAL_ERROR "the program links ${drawing}, which only the window library should:\n${libraries}")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/alone/bin)
file(COPY ${ARCHLENS} DESTINATION ${WORK}/alone/bin)
get_filename_component(name ${ARCHLENS} NAME)
set(alone ${WORK}/alone/bin/${name})

# The commands without a window: the same output and status from the copy as from the
# program. CMake lists do not nest: a command's words are joined by "|".
set(commands "check|${example}|--format|json" "check|${example}|--format|md" "check|${example}"
             "diff|${example}|${other}" "score|${example}|--prompt|url-shortener" "rules"
             "catalogue|--format|json"
             "estimate|--dau|1000000|--reads-per-user|10|--writes-per-user|1|--object-bytes|500|--retention-days|365|--peak-factor|3"
             "--version")
foreach(joined IN LISTS commands)
  string(REPLACE "|" ";" command "${joined}")
  execute_process(COMMAND ${ARCHLENS} ${command} RESULT_VARIABLE want_rc OUTPUT_VARIABLE want ERROR_VARIABLE want_err)
  execute_process(COMMAND ${alone} ${command} RESULT_VARIABLE got_rc OUTPUT_VARIABLE got ERROR_VARIABLE got_err)
  if(NOT got_rc STREQUAL want_rc OR NOT got STREQUAL want OR NOT got_err STREQUAL want_err)
    message(FATAL_ERROR "archlens ${joined} without the window library: exit ${got_rc} "
                        "(want ${want_rc})\n${got}${got_err}")
  endif()
  if(NOT got_rc MATCHES "^[01]$")
    message(FATAL_ERROR "archlens ${joined}: exit ${got_rc}\n${got}${got_err}")
  endif()
  string(LENGTH "${got}" length)
  if(length LESS 15)
    message(FATAL_ERROR "archlens ${joined} printed almost nothing:\n${got}${got_err}")
  endif()
endforeach()

# What draws: a clear refusal naming the missing file.
foreach(joined "--screenshot|${WORK}/shot.png|${example}" "export|${example}|-o|${WORK}/d.svg"
               "report|${example}|-o|${WORK}/r.html" "${example}")
  string(REPLACE "|" ";" command "${joined}")
  execute_process(COMMAND ${alone} ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 60)
  if(NOT rc EQUAL 3)
    message(FATAL_ERROR "archlens ${joined} without the window library: exit ${rc}, want 3\n${out}${err}")
  endif()
  if(NOT err MATCHES "cannot load the window library ${WORK}/alone/[^ ]*libarchlens_window.so: .*check, diff")
    message(FATAL_ERROR "archlens ${joined} without the window library says:\n${err}")
  endif()
endforeach()
foreach(written shot.png d.svg r.html)
  if(EXISTS ${WORK}/${written})
    message(FATAL_ERROR "${written} was written without the window library")
  endif()
endforeach()
message(STATUS "the program links no drawing library and works without the window library")
