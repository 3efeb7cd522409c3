cmake_minimum_required(VERSION 3.25) # string(JSON); a quoted "capabilities" is a string, not a variable
# `archlens estimate` and `archlens score`: the figures with their formulas, the scorecard in
# each format, a prompt only when --prompt names one, and bad input refused with status 2
# naming the flag or the place.
set(shortener ${RESOURCES}/prompts/url-shortener.archlens)

# estimate: the URL shortener's numbers by hand give 11.6 k reads a second on average.
execute_process(COMMAND ${ARCHLENS} estimate --dau 100000000 --reads-per-user 10 --writes-per-user 0.1
                        --object-bytes 500 --retention-days 1825 --peak-factor 3
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Reads a second, average +11.6 k req/s +100 M users × 10 reads / 86 400 s = 11.6 k/s"
   OR NOT out MATCHES "Servers at peak +36 ")
  message(FATAL_ERROR "estimate: exit ${rc}\n${out}${err}")
endif()

# --prompt takes the prompt's scale; a flag given as well overrides it.
execute_process(COMMAND ${ARCHLENS} estimate --prompt url-shortener --dau 1000000 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "estimate --prompt --format json: exit ${rc}\n${json}${err}")
endif()
string(JSON prompt GET "${json}" prompt)
string(JSON nfigures LENGTH "${json}" figures)
string(JSON reads GET "${json}" inputs reads_per_user_per_day)
string(JSON formula GET "${json}" figures 0 formula)
if(NOT prompt STREQUAL "url-shortener" OR NOT nfigures EQUAL 10 OR NOT reads EQUAL 10
   OR NOT formula STREQUAL "1 M users × 10 reads / 86 400 s = 116/s")
  message(FATAL_ERROR "estimate --prompt url-shortener --dau 1000000: ${prompt}, ${nfigures} figures, ${reads}, ${formula}")
endif()

# Bad numbers: status 2, every mistake named by its flag.
execute_process(COMMAND ${ARCHLENS} estimate --dau -5 --reads-per-user ten --writes-per-user 0
                        --object-bytes 500 --retention-days 30
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--dau: must be above 0, got -5"
   OR NOT err MATCHES "--reads-per-user: \"ten\" is not a number" OR NOT err MATCHES "--peak-factor: missing")
  message(FATAL_ERROR "estimate with bad numbers: exit ${rc}\n${out}${err}")
endif()
execute_process(COMMAND ${ARCHLENS} estimate --prompt ../examples/url-shortener RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--prompt: unknown prompt")
  message(FATAL_ERROR "estimate with an unknown prompt: exit ${rc}\n${err}")
endif()
execute_process(COMMAND ${ARCHLENS} estimate --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
foreach(flag --dau --reads-per-user --writes-per-user --object-bytes --retention-days --peak-factor
        --hot-fraction --server-rps --replication --prompt --format)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${flag} ")
    message(FATAL_ERROR "estimate --help does not describe ${flag}:\n${out}")
  endif()
endforeach()

# score: the reference design against its prompt, in JSON.
execute_process(COMMAND ${ARCHLENS} score ${shortener} --prompt url-shortener --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score --prompt url-shortener --format json: exit ${rc}\n${json}${err}")
endif()
string(JSON total GET "${json}" total)
string(JSON prompt GET "${json}" prompt id)
string(JSON ncategories LENGTH "${json}" categories)
string(JSON capabilities GET "${json}" categories 3 id)
string(JSON kind GET "${json}" categories 3 lines 0 link kind)
if(total LESS 90 OR NOT prompt STREQUAL "url-shortener" OR NOT ncategories EQUAL 5
   OR NOT capabilities STREQUAL "capabilities" OR NOT kind STREQUAL "capability")
  message(FATAL_ERROR "score --format json: total ${total}, prompt ${prompt}, ${ncategories} categories, ${capabilities}, ${kind}")
endif()

# Without --prompt, the title (the reference design's is its prompt's) picks no prompt: no
# capability is judged, and the output says so.
execute_process(COMMAND ${ARCHLENS} score ${shortener} --format json RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
string(JSON prompt TYPE "${json}" prompt)
string(JSON ncategories LENGTH "${json}" categories)
if(NOT rc EQUAL 0 OR NOT prompt STREQUAL "NULL" OR NOT ncategories EQUAL 4)
  message(FATAL_ERROR "score without --prompt: exit ${rc}, prompt ${prompt}, ${ncategories} categories\n${err}")
endif()
execute_process(COMMAND ${ARCHLENS} score ${shortener} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Score: [0-9.]+/100 \\(no prompt\\)"
   OR NOT out MATCHES "No prompt was chosen, so expected capabilities \\(30 points\\) are not judged"
   OR out MATCHES "Expected capabilities")
  message(FATAL_ERROR "score without --prompt, text:\n${out}")
endif()

# A design drawn in a practice session names its prompt: it is judged against it, and the
# time taken per phase counts (a phase over one and a half times its plan earns nothing).
file(READ ${shortener} design)
string(JSON design SET "${design}" practice
       "{\"prompt\": \"url-shortener\", \"minutes\": 45, \"current\": \"estimates\", \"phases\": [{\"id\": \"requirements\", \"planned_s\": 300, \"used_s\": 290}, {\"id\": \"estimates\", \"planned_s\": 300, \"used_s\": 900, \"notes\": \"35 k redirects/s at peak\"}], \"answers\": [{\"question\": \"301 or 302?\", \"answer\": \"302, so clicks reach us\"}]}")
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/practised.archlens "${design}")
execute_process(COMMAND ${ARCHLENS} score ${WORK}/practised.archlens --format json RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
string(JSON prompt GET "${json}" prompt id)
string(JSON ncategories LENGTH "${json}" categories)
string(JSON time GET "${json}" categories 5 id)
string(JSON timePoints GET "${json}" categories 5 points)
string(JSON timeMax GET "${json}" categories 5 max)
if(NOT rc EQUAL 0 OR NOT prompt STREQUAL "url-shortener" OR NOT ncategories EQUAL 6
   OR NOT time STREQUAL "time" OR NOT timePoints EQUAL 2.5 OR NOT timeMax EQUAL 5)
  message(FATAL_ERROR "score of a practised design: exit ${rc}, prompt ${prompt}, ${ncategories} categories, ${time} ${timePoints}/${timeMax}\n${json}${err}")
endif()

# Its reports carry the session: the phases' times, the notes, the scorecard, the answers.
foreach(ext md html)
  execute_process(COMMAND ${ARCHLENS} report ${WORK}/practised.archlens -o ${WORK}/practised-report.${ext}
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  file(READ ${WORK}/practised-report.${ext} report)
  if(NOT rc EQUAL 0 OR NOT report MATCHES "Practice interview: URL shortener"
     OR NOT report MATCHES "A 45-minute session, in progress: 19:50 used"
     OR NOT report MATCHES "35 k redirects/s at peak" OR NOT report MATCHES "Score: [0-9.]+/100"
     OR NOT report MATCHES "Time per phase: 2.5/5" OR NOT report MATCHES "301 or 302\\?"
     OR NOT report MATCHES "302, so clicks reach us")
    message(FATAL_ERROR "report ${ext} of a practised design: exit ${rc}\n${report}${err}")
  endif()
endforeach()

# Markdown, and a first sketch scoring low with its reasons.
execute_process(COMMAND ${ARCHLENS} score ${WEAK}/url-shortener.archlens --prompt url-shortener --format md
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^# Score: [0-9.]+/100 against the prompt 'URL shortener'"
   OR NOT out MATCHES "## Expected capabilities: 0/30"
   OR NOT out MATCHES "- \\*\\*-8\\*\\* error 'Links DB \\(MySQL\\) is a single point of failure' costs 8 points")
  message(FATAL_ERROR "score --format md:\n${out}")
endif()

# A name holding a terminal escape is refused by the reader, as `check` refuses it, and the
# problem quoting it shows the escape as text (the card's reasons pass through the same
# filter when they are printed, in case a name ever gets through).
file(READ ${WEAK}/url-shortener.archlens design)
string(JSON design SET "${design}" components 2 name "\"Links DB \\u001b[31mred\"")
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/hostile.archlens "${design}")
execute_process(COMMAND ${ARCHLENS} score ${WORK}/hostile.archlens --prompt url-shortener
                RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/hostile.txt ERROR_VARIABLE err)
file(READ ${WORK}/hostile.txt hex HEX)
file(READ ${WORK}/hostile.txt out)
if(NOT rc EQUAL 2 OR hex MATCHES "^(..)*1b" OR NOT out MATCHES "/components/2/name")
  message(FATAL_ERROR "score of a name with an escape: exit ${rc}\n${out}${err}")
endif()

# Invalid input: status 2, the place named, as `check` does.
execute_process(COMMAND ${ARCHLENS} score ${CASES}/dangling-reference.archlens RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT out MATCHES "invalid, [0-9]+ problem" OR NOT out MATCHES "/connections/")
  message(FATAL_ERROR "score of an invalid design: exit ${rc}\n${out}${err}")
endif()
execute_process(COMMAND ${ARCHLENS} score ${shortener} --prompt no-such-prompt RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "unknown prompt \"no-such-prompt\" \\(use one of [a-z, -]*url-shortener")
  message(FATAL_ERROR "score with an unknown prompt: exit ${rc}\n${err}")
endif()
execute_process(COMMAND ${ARCHLENS} score ${shortener} --format pdf RESULT_VARIABLE rc)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "score --format pdf must be refused with exit 2, got ${rc}")
endif()
