# Writes the manual page archlens.1 from the built program's own help, so that the two
# cannot drift: the synopsis from `archlens --help`, and one section per command from
# `archlens COMMAND --help` (its usage line, description, options and arguments).
# Only the NAME, FILES and SEE ALSO sections are written here.
#
# cmake -DARCHLENS=path/to/archlens -DOUT=archlens.1 -DVERSION=x.y.z -DDATE=YYYY-MM-DD
#       -P make_manpage.cmake
cmake_minimum_required(VERSION 3.22)
foreach(var ARCHLENS OUT VERSION DATE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_manpage.cmake: ${var} is not set")
  endif()
endforeach()

# The commands documented, in the order of `archlens --help`.
set(commands check diff export report estimate score rules catalogue)

# Text as roff reads it: backslashes escaped, and a line that starts with a dot or an
# apostrophe (a roff request) guarded by a zero-width character.
function(roff_text out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# An option or argument column ("-f, --format <format>") in bold, its values in italics,
# its dashes as minus signs (they are typed).
function(roff_term out text)
  roff_text(text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "<([^>]+)>" "\\\\fI\\1\\\\fB" text "${text}")
  set(${out} "\\fB${text}\\fR" PARENT_SCOPE)
endfunction()

function(help_of out)
  execute_process(COMMAND ${ARCHLENS} ${ARGN} OUTPUT_VARIABLE text ERROR_VARIABLE error
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR text STREQUAL "")
    message(FATAL_ERROR "archlens ${ARGN} failed (${status}): ${error}")
  endif()
  # CMake lists split at semicolons, except inside square brackets: keep all three as
  # placeholders until the end.
  string(REPLACE ";" "@SEMICOLON@" text "${text}")
  string(REPLACE "[" "@OPEN@" text "${text}")
  string(REPLACE "]" "@CLOSE@" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# The synopsis: `archlens --help` lists each form as "  archlens ..." followed by lines of
# arguments (indented less than the description column) and of description (indented to it).
help_of(lines --help)
set(synopsis "")
set(entry "")
set(description "")
set(footer "")
macro(flush_entry)
  if(NOT entry STREQUAL "")
    roff_text(entry_roff "${entry}")
    string(STRIP "${description}" description)
    roff_text(description_roff "${description}")
    string(APPEND synopsis ".TP\n\\fB${entry_roff}\\fR\n${description_roff}\n")
  endif()
  set(entry "")
  set(description "")
endmacro()
foreach(line IN LISTS lines)
  if(line MATCHES "^  archlens(.*)$")
    flush_entry()
    set(entry "archlens${CMAKE_MATCH_1}")
  elseif(line MATCHES "^(  +)([^ ].*)$" AND NOT entry STREQUAL "")
    string(LENGTH "${CMAKE_MATCH_1}" indent)
    if(indent GREATER_EQUAL 30)
      string(APPEND description "${CMAKE_MATCH_2} ")
    else()
      string(APPEND entry " ${CMAKE_MATCH_2}")
    endif()
  elseif(line MATCHES "^[^ ]" AND NOT line MATCHES "^Usage:")
    flush_entry()
    string(APPEND footer "${line}\n")
  endif()
endforeach()
flush_entry()

# One section per command. QCommandLineParser's help: "Usage: ...", the description up to
# a blank line, then "Options:" and "Arguments:", each a column of names and a column of
# text whose long lines continue, indented, on the next lines.
set(command_sections "")
foreach(command IN LISTS commands)
  help_of(lines ${command} --help)
  set(part usage)
  set(body "")
  set(term "")
  set(text "")
  macro(flush_term)
    if(NOT term STREQUAL "")
      roff_term(term_roff "${term}")
      roff_text(text_roff "${text}")
      string(APPEND body ".TP\n${term_roff}\n${text_roff}\n")
    endif()
    set(term "")
    set(text "")
  endmacro()
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: (.*)$")
      string(REGEX REPLACE "^[^ ]*archlens" "archlens" usage "${CMAKE_MATCH_1}")
      roff_text(usage "${usage}")
      string(APPEND body ".SS ${command}\n\\fB${usage}\\fR\n.PP\n")
      set(part description)
    elseif(line MATCHES "^(Options|Arguments):$")
      flush_term()
      set(part terms)
    elseif(part STREQUAL "description")
      if(line STREQUAL "")
        set(part after)
      else()
        # The help wraps its lines by hand: a line ending a sentence ends a line of the
        # page too; any other is filled into the paragraph with the next.
        roff_text(line_roff "${line}")
        string(APPEND body "${line_roff}\n")
        if(line MATCHES "[.:]$")
          string(APPEND body ".br\n")
        endif()
      endif()
    elseif(part STREQUAL "terms" AND line MATCHES "^  ([^ ].*[^ ])  +([^ ].*)$")
      flush_term()
      set(term "${CMAKE_MATCH_1}")
      set(text "${CMAKE_MATCH_2}")
    elseif(part STREQUAL "terms" AND line MATCHES "^    +([^ ].*)$")
      string(APPEND text " ${CMAKE_MATCH_1}")
    elseif(part STREQUAL "terms" AND line MATCHES "^  ([^ ]+)$")
      flush_term() # a name too long for its column; its text follows on the next line
      set(term "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  flush_term()
  string(APPEND command_sections "${body}")
endforeach()

roff_text(footer "${footer}")
string(REPLACE "\n" "\n.br\n" footer "${footer}")
set(page
".\\\" Generated by installer/make_manpage.cmake from the help of archlens ${VERSION}.
.TH ARCHLENS 1 \"${DATE}\" \"archlens ${VERSION}\" \"User Commands\"
.SH NAME
archlens \\- sketch system-design architectures and get them critiqued
.SH SYNOPSIS
.B archlens
[\\fIFILE\\fR]
.br
.B archlens
\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIFILE\\fR...]
.SH DESCRIPTION
Without a command, \\fBarchlens\\fR opens a window to draw and edit a system-design
architecture (a \\fI.archlens\\fR file) and shows its critique as it changes.
With a command, it runs the same checks without a display.
.PP
${synopsis}.PP
${footer}
.SH COMMANDS
${command_sections}.SH FILES
.TP
.I /usr/share/archlens/examples/
Example designs.
.TP
.I ~/.config/ArchLens/ArchLens.conf
Settings of the window: recent files, theme, grid, panel sizes.
.TP
.I ~/.local/share/ArchLens/ArchLens/recovery/
Unsaved work written in case of a crash, offered at the next start
(\\fB$XDG_DATA_HOME\\fR when set).
.SH SEE ALSO
The README of the project, and \\fIHelp\\fR in the window.
")
string(REPLACE "@SEMICOLON@" ";" page "${page}")
string(REPLACE "@OPEN@" "[" page "${page}")
string(REPLACE "@CLOSE@" "]" page "${page}")
file(WRITE ${OUT} "${page}")
