# `archlens check` prints names from the design: a design must not be able to drive the
# terminal with them. The title, a component's name and a flow's name hold ESC[31m (a
# colour), U+009B (CSI on its own) and U+202E (right-to-left override); a second design
# quotes ESC[2J (clear screen) in an unknown kind, which the problem message repeats.
# Text and Markdown output must show them as visible escapes, JSON as \u escapes; no output
# may hold the raw bytes.
file(MAKE_DIRECTORY ${WORK})
file(READ ${RESOURCES}/examples/url-shortener.archlens design)
set(hostile "evil \\u001b[31mred \\u009b1m csi \\u202e rtl")
string(JSON design SET "${design}" title "\"title ${hostile}\"")
string(JSON design SET "${design}" components 0 name "\"client ${hostile}\"")
string(JSON design SET "${design}" flows 0 name "\"flow ${hostile}\"")
file(WRITE ${WORK}/hostile.archlens "${design}")
string(JSON broken SET "${design}" components 1 kind "\"\\u001b[2J\"")
file(WRITE ${WORK}/broken.archlens "${broken}")

# Fails unless the file holds none of ESC (1b), CSI (c2 9b) and RLO (e2 80 ae) as raw bytes.
# Matched on the hex dump two digits at a time, so that a match never straddles two bytes.
function(expect_no_raw_controls file what)
  file(READ ${file} hex HEX)
  foreach(bytes 1b c29b e280ae)
    if(hex MATCHES "^(..)*${bytes}")
      file(READ ${file} text)
      message(FATAL_ERROR "${what}: raw bytes ${bytes} reach the terminal:\n${text}")
    endif()
  endforeach()
endfunction()

# The reader may refuse such names outright (exit 2, the problem quoting them); when it
# takes them (exit 1, findings), the names are printed and must show their escapes.
foreach(format text md json)
  execute_process(COMMAND ${ARCHLENS} check ${WORK}/hostile.archlens --format ${format}
                  RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/hostile.${format} ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 AND NOT rc EQUAL 2)
    message(FATAL_ERROR "check --format ${format}: exit ${rc}\n${err}")
  endif()
  expect_no_raw_controls(${WORK}/hostile.${format} "check --format ${format}")
  file(READ ${WORK}/hostile.${format} out)
  if(NOT rc EQUAL 1)
    continue()
  endif()
  if(format STREQUAL "json")
    # Still the same JSON: the flow's name reads back with its characters.
    string(JSON name GET "${out}" flows 0 name)
    string(ASCII 27 esc)
    if(NOT name MATCHES "^flow evil ${esc}\\[31mred ")
      message(FATAL_ERROR "check --format json: the flow's name reads back as \"${name}\"")
    endif()
  elseif(format STREQUAL "md")
    # Shown as escapes, then escaped as Markdown (the backslash and the bracket doubled up).
    if(NOT out MATCHES "title evil [\\\\]+x1b[\\\\]*\\[31mred"
       OR NOT out MATCHES "flow evil [\\\\]+x1b")
      message(FATAL_ERROR "check --format md: the escapes are not shown as text:\n${out}")
    endif()
  elseif(NOT out MATCHES "title evil \\\\x1b\\[31mred \\\\x9b1m csi \\\\u202e rtl"
         OR NOT out MATCHES "flow evil \\\\x1b\\[31mred")
    message(FATAL_ERROR "check --format ${format}: the escapes are not shown as text:\n${out}")
  endif()
endforeach()

# An isolate (U+2067, right-to-left isolate) reorders a line as well as an override does.
file(READ ${RESOURCES}/examples/url-shortener.archlens plain)
string(JSON isolated SET "${plain}" components 0 name "\"client \\u2067isolated\"")
string(JSON isolated SET "${isolated}" title "\"isolated \\u2067title\"")
file(WRITE ${WORK}/isolated.archlens "${isolated}")
execute_process(COMMAND ${ARCHLENS} check ${WORK}/isolated.archlens
                RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/isolated.text ERROR_VARIABLE err)
file(READ ${WORK}/isolated.text hex HEX)
file(READ ${WORK}/isolated.text out)
if(hex MATCHES "^(..)*e281a7" OR (rc EQUAL 1 AND NOT out MATCHES "isolated \\\\u2067title"))
  message(FATAL_ERROR "check isolated: exit ${rc}, the isolate is not shown as text:\n${out}${err}")
endif()

# In JSON the isolate goes out as its \u escape; characters of two and three bytes that
# are no controls (and the bytes they are made of, some of which are C1 codes on their
# own) go out as they are.
string(JSON accented SET "${isolated}" flows 0 name "\"caf\\u00e9 \\u2192 ok\"")
file(WRITE ${WORK}/accented.archlens "${accented}")
execute_process(COMMAND ${ARCHLENS} check ${WORK}/accented.archlens --format json
                RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/accented.json ERROR_VARIABLE err)
file(READ ${WORK}/accented.json hex HEX)
file(READ ${WORK}/accented.json out)
if(NOT rc EQUAL 1 OR hex MATCHES "^(..)*e281a7" OR NOT hex MATCHES "^(..)*636166c3a920e28692206f6b")
  message(FATAL_ERROR "check --format json: exit ${rc}, the isolate or the accents are wrong:\n${out}${err}")
endif()
string(JSON title GET "${out}" title)
string(JSON name GET "${out}" flows 0 name)
if(NOT title MATCHES "^isolated ...title$" OR NOT name STREQUAL "café → ok")
  message(FATAL_ERROR "check --format json: title \"${title}\", flow name \"${name}\"")
endif()

foreach(format text json)
  execute_process(COMMAND ${ARCHLENS} check ${WORK}/broken.archlens --format ${format}
                  RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/broken.${format} ERROR_VARIABLE err)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "check broken --format ${format}: exit ${rc}\n${err}")
  endif()
  expect_no_raw_controls(${WORK}/broken.${format} "check broken --format ${format}")
endforeach()
file(READ ${WORK}/broken.text out)
if(NOT out MATCHES "\\\\(x1b|u001[bB])\\[2J")
  message(FATAL_ERROR "check broken: the unknown kind is not shown as text:\n${out}")
endif()

# Markdown from `check --format md` is escaped as the Markdown report is: a name holding
# markup reads as text, not as a tag or emphasis.
string(JSON marked SET "${plain}" flows 0 name "\"<script>alert(1)</script> **loud**\"")
file(WRITE ${WORK}/marked.archlens "${marked}")
execute_process(COMMAND ${ARCHLENS} check ${WORK}/marked.archlens --format md
                RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/marked.md ERROR_VARIABLE err)
file(READ ${WORK}/marked.md out)
if(NOT rc EQUAL 1 OR out MATCHES "<script>" OR NOT out MATCHES "&lt;script&gt;alert\\(1\\)&lt;/script&gt; [\\\\][*][\\\\][*]loud")
  message(FATAL_ERROR "check --format md: exit ${rc}, a name's markup is not escaped:\n${out}${err}")
endif()
