#!/usr/bin/env bash
# The installed window on a real X server (run.sh runs this under xvfb-run, after installing
# the package): the program's own screenshot of an installed example; then the window opened
# on that example, File > Save As (its shortcut) with a name typed into the file dialog, the
# saved design checked and the window's title read, the screen photographed, and Ctrl+Q.
# Any QML warning or missing module in the program's output fails.
#
# Usage: window.sh WORK (with DISPLAY set, a 1600x1000 screen). Writes WORK/window-example.png,
# WORK/window-dialog.png, WORK/window-saved.png and WORK/saved/practice-answer.archlens.
set -euo pipefail
work=$1
[ -n "${DISPLAY:-}" ] || {
  echo "window.sh: no DISPLAY (run it under xvfb-run)" >&2
  exit 1
}
mkdir -p "$work/home" "$work/runtime" "$work/saved"
chmod 700 "$work/runtime"
example=/usr/share/archlens/examples/url-shortener.archlens
saved=$work/saved/practice-answer.archlens
rm -f "$saved"
pid=""

# The installed program alone: a clean environment, nothing from a build folder.
run() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" \
    XAUTHORITY="${XAUTHORITY:-}" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=xcb "$@"
}
fail() {
  echo "FAIL (window): $*" >&2
  for log in "$work"/window*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; cat "$log" >&2; }
  done
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  exit 1
}
# QML warnings (they name the qrc:/ file), modules or plugins not found: what a package
# missing a dependency shows. (Not any "failed": Mesa under Xvfb says that about DRI.)
clean_log() {
  if grep -Ei "qrc:/|is not installed|QQmlApplicationEngine failed|platform plugin|cannot load library|unsupported image format" "$1"; then
    fail "the program complained (above)"
  fi
}
# The whole X screen as a PNG.
shot() {
  xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$1"
  file "$1" | grep -q "PNG image data, 1600 x 1000" || fail "the screenshot $1 failed"
}
key() {
  xdotool key --clearmodifiers "$@"
  sleep 0.3
}
# Polled rather than "search --sync": a window mapped and destroyed while starting (a
# tooltip, a probe surface) makes xdotool abort with BadWindow mid-search.
wait_window() { # NAME [PID]: prints the window id
  local id=""
  for _ in $(seq 1 100); do
    id=$(xdotool search --onlyvisible ${2:+--pid "$2"} --name "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$id" ] && break
    [ -n "$pid" ] && { kill -0 "$pid" 2>/dev/null || fail "the program ended"; }
    sleep 0.3
  done
  [ -n "$id" ] || fail "no window named \"$1\""
  echo "$id"
}

echo "-- the program's own screenshot of $example"
run archlens --screenshot "$work/window-example.png" "$example" >"$work/window-screenshot.log" 2>&1 ||
  fail "--screenshot failed"
clean_log "$work/window-screenshot.log"
file "$work/window-example.png" | grep -q "PNG image data, 1400 x 900" || fail "window-example.png is not 1400x900"

echo "-- the window, File > Save As with a typed name"
run archlens "$example" >"$work/window.log" 2>&1 &
pid=$!
wid=$(wait_window ArchLens "$pid")
sleep 2
xdotool windowfocus --sync "$wid" || true # no window manager under Xvfb: focus, not activate
sleep 0.5
key ctrl+shift+s
dialog=$(wait_window "Save design as")
xdotool windowfocus --sync "$dialog" || true
sleep 1
# The name field has the focus and holds the proposed name: replace it. No extension:
# the program adds .archlens.
key ctrl+a
xdotool type --delay 30 "$work/saved/practice-answer"
sleep 0.5
shot "$work/window-dialog.png" # the file dialog with the typed name
key Return
for _ in $(seq 1 50); do
  [ -s "$saved" ] && break
  sleep 0.2
done
[ -s "$saved" ] || fail "Save As wrote nothing at $saved"
sleep 1
title=$(xdotool getwindowname "$wid")
echo "window title: $title"
[[ "$title" == *practice-answer* ]] || fail "the window's title does not name the saved file"
[[ "$title" != *•* ]] || fail "the window still shows unsaved changes"
kinds=$(grep -c '"kind"' "$example")
[ "$(grep -c '"kind"' "$saved")" -eq "$kinds" ] || fail "the saved design does not hold the example's $kinds components"
status=0
run archlens check "$saved" >/dev/null || status=$?
[ "$status" -le 1 ] || fail "the saved design does not check (exit $status)"
shot "$work/window-saved.png" # the window after saving

# The dialog has closed; without a window manager nothing gives the focus back.
xdotool windowfocus --sync "$wid" || true
sleep 0.3
key ctrl+q
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q did not quit"
wait "$pid" || fail "the program did not exit normally"
pid=""
clean_log "$work/window.log"
echo "window: saved $saved; screenshots window-example.png, window-dialog.png, window-saved.png"
