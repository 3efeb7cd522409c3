# The colours that carry a meaning live in app/canvas/status_palette.cpp, and QML takes them
# from the Theme singleton. Fails when one of the palette's colours is written out anywhere
# else in app/ or qml/ (a copy that would drift), as "#rrggbb" or QColor(0xrr, 0xgg, 0xbb), or when a QML file writes any colour
# literal of its own.
#
# Allowed: app/canvas/diagram_theme.cpp, the canvas's own colours (a category stripe may
# share a hex value with the palette by chance: it means a kind of component, not a
# status), and the `palette.<role>:` lines of qml/Main.qml, the dark override of the Qt
# Quick Controls palette (window, text, buttons...), which carry no status either.
file(STRINGS ${SOURCE_DIR}/app/canvas/status_palette.cpp palette_lines REGEX "QColor\\(\"#[0-9a-fA-F]+\"\\)")
set(colours)
foreach(line ${palette_lines})
  string(REGEX MATCHALL "#[0-9a-fA-F]+" found "${line}")
  list(APPEND colours ${found})
endforeach()
list(REMOVE_DUPLICATES colours)
list(LENGTH colours count)
if(count LESS 10)
  message(FATAL_ERROR "found only ${count} colours in status_palette.cpp: has its format changed?")
endif()

file(GLOB_RECURSE sources ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/qml/*.qml)
list(FILTER sources EXCLUDE REGEX "/app/canvas/(status_palette|diagram_theme)\\.cpp$")
set(problems "")
foreach(f ${sources})
  file(STRINGS ${f} lines)
  foreach(line IN LISTS lines)
    if(f MATCHES "/qml/Main\\.qml$" AND line MATCHES "^[ \t]*palette\\.[A-Za-z]+:")
      continue()
    endif()
    string(TOLOWER "${line}" lower)
    string(REGEX REPLACE "[ \t]" "" compact "${lower}")
    foreach(c ${colours})
      string(TOLOWER "${c}" lc)
      # Written as "#d93025" or as QColor(0xd9, 0x30, 0x25).
      string(REGEX REPLACE "#(..)(..)(..)" "0x\\1,0x\\2,0x\\3" hex "${lc}")
      string(FIND "${lower}" "${lc}" at)
      string(FIND "${compact}" "${hex}" at2)
      if(at GREATER -1 OR at2 GREATER -1)
        string(APPEND problems "\n${f}: ${c} is a StatusPalette colour: ${line}")
      endif()
    endforeach()
    if(f MATCHES "\\.qml$" AND line MATCHES "\"#[0-9a-fA-F]+\"")
      string(APPEND problems "\n${f}: a colour literal in QML (use Theme): ${line}")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "colours repeated outside the palette:${problems}")
endif()
message(STATUS "${count} palette colours, each written once")
