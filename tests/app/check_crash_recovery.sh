#!/usr/bin/env bash
# Crash recovery with the real program on a real X server (run under xvfb-run), driven by
# real key presses (xdotool) and killed with SIGKILL, as a crash would end it:
#  1. edits a design, pauses, is killed: the recovery file holds the edit;
#  2. the next start offers the work, Enter restores it; then a note is added every second
#     without a pause for 40 s and the program is killed: every note added more than 30 s
#     before the kill is in the recovery file (the 30 s promise of the README);
#  3. the next start restores again, Ctrl+S writes it to the design's own file, Ctrl+Q
#     quits normally, and no recovery file is left behind.
# Usage: check_crash_recovery.sh ARCHLENS EXAMPLE WORKDIR
set -euo pipefail
archlens=$1
example=$2
work=$3

rm -rf "$work"
mkdir -p "$work/home" "$work/data" "$work/config" "$work/runtime"
chmod 700 "$work/runtime"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=xcb
design="$work/design.archlens"
cp "$example" "$design"
recovery="$XDG_DATA_HOME/ArchLens/ArchLens/recovery"

fail() {
  echo "FAIL: $*" >&2
  for log in "$work"/log.*; do echo "--- $log" >&2; cat "$log" >&2; done
  [ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null || true
  exit 1
}
count() { grep -c "$1" "$2" || true; } # occurrences of a key, one a line
recovered() { find "$recovery" -maxdepth 1 -name '*.archlens' 2>/dev/null; }

run=0
start() {
  run=$((run + 1))
  "$archlens" "$@" >"$work/log.$run" 2>&1 &
  pid=$!
  # Polled rather than "search --sync": a window the program maps and destroys while
  # starting (a tooltip, a probe surface) makes xdotool abort with BadWindow mid-search.
  wid=""
  for _ in $(seq 1 120); do
    wid=$(xdotool search --onlyvisible --pid "$pid" --name 'ArchLens' 2>/dev/null | head -n 1 || true)
    [ -n "$wid" ] && break
    kill -0 "$pid" 2>/dev/null || fail "run $run ended before its window appeared"
    sleep 0.5
  done
  [ -n "$wid" ] || fail "the window of run $run did not appear"
  sleep 2
  xdotool windowfocus --sync "$wid" || true
  sleep 0.5
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.2; }
# Waits until the running program has taken up the crashed one's work to offer it: it then
# holds that work's lock, whose first line is its process id.
wait_for_offer() {
  local lock
  lock="$recovery/$(basename "$1" .archlens).lock"
  for _ in $(seq 1 100); do
    [ "$(head -n 1 "$lock" 2>/dev/null)" = "$pid" ] && { sleep 0.5; return 0; }
    sleep 0.2
  done
  fail "run $run did not offer the recovered work"
}

components=$(count '"kind"' "$design")
[ "$components" -gt 3 ] || fail "the example has $components components"

echo "== 1. an edit, a pause, a crash"
start "$design"
key ctrl+a
key ctrl+d # duplicates every component: twice as many
sleep 5    # longer than the pause after which unsaved work is written
file=$(recovered)
[ -n "$file" ] || fail "no recovery file after the pause"
[ "$(count '"kind"' "$file")" -eq $((2 * components)) ] || fail "the recovery file lacks the edit"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true

echo "== 2. restore, then unbroken editing, then a crash"
start
wait_for_offer "$file"
key Return # the recovery offer: Enter restores
sleep 2
file=$(recovered)
[ "$(echo "$file" | wc -l)" -eq 1 ] || fail "expected one recovery file after restoring, got: $file"
[ "$(count '"kind"' "$file")" -eq $((2 * components)) ] || fail "the restored work is not the recovered one"
grep -q "\"source\":\"$design\"" "$recovery"/*.json || fail "the restored work is not bound to $design"
times=()
for _ in $(seq 1 40); do
  key ctrl+shift+n # Edit ▸ Add Note
  times+=("$(date +%s.%N)")
  sleep 0.8
done
killed=$(date +%s.%N)
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
required=0
for t in "${times[@]}"; do
  if awk -v t="$t" -v k="$killed" 'BEGIN { exit !(k - t >= 30) }'; then required=$((required + 1)); fi
done
file=$(recovered)
notes=$(count '"text"' "$file")
echo "notes added: ${#times[@]}, added over 30 s before the kill: $required, in the recovery file: $notes"
[ "$required" -ge 5 ] || fail "the editing did not last long enough to test the 30 s promise"
[ "$notes" -ge "$required" ] || fail "work typed more than 30 s before the crash was lost"
[ "$(count '"kind"' "$file")" -eq $((2 * components)) ] || fail "the earlier edit was lost"

echo "== 3. restore, save, quit normally"
start
wait_for_offer "$file"
key Return
sleep 2
key ctrl+s
sleep 2
[ "$(count '"kind"' "$design")" -eq $((2 * components)) ] || fail "Save did not write the restored design"
[ "$(count '"text"' "$design")" -ge "$notes" ] || fail "Save did not write the restored notes"
key ctrl+q
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q did not quit"
wait "$pid" || fail "the program did not exit normally"
left=$(find "$recovery" -maxdepth 1 \( -name '*.archlens' -o -name '*.json' \) | wc -l)
[ "$left" -eq 0 ] || fail "$left recovery files left after a normal quit"
echo "crash recovery: all checks passed"
