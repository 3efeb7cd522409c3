# Renders the window with an example and with a broken file: both must exit 0 and write a
# PNG (a broken file shows its error in the window instead of crashing).
file(MAKE_DIRECTORY ${WORK})
# The hostile ones once aborted the whole program when opened from the window.
foreach(input ${RESOURCES}/examples/url-shortener.archlens ${CASES}/syntax.archlens ${CASES}/dangling-reference.archlens
              ${CASES}/number-overflow.archlens ${CASES}/deep-nesting.archlens ${CASES}/binary-garbage.archlens
              ${CASES}/utf16.archlens)
  get_filename_component(name ${input} NAME_WE)
  file(REMOVE ${WORK}/${name}.png)
  execute_process(COMMAND ${ARCHLENS} --screenshot ${WORK}/${name}.png ${input}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/${name}.png)
    message(FATAL_ERROR "screenshot of ${input}: exit ${rc}\n${out}${err}")
  endif()
  file(SIZE ${WORK}/${name}.png size)
  if(size LESS 5000)
    message(FATAL_ERROR "screenshot of ${input} is suspiciously small (${size} bytes)")
  endif()
endforeach()
