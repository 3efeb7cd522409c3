#!/usr/bin/env bash
# Fuzzes the reader, validation, analysis and round trip of *.archlens documents for
# SECONDS (default 60) with libFuzzer, in one process.
#
#   bash tests/fuzz/run.sh 600
#
# Configures build-fuzz (tests/fuzz/configure.sh: Clang, ASan + UBSan + libFuzzer, no Qt)
# when needed and builds the harness in it. The seeds (the shipped examples, the malformed
# designs of the command-line tests and the saved reproducers in tests/fuzz/regressions) are
# copied into build-fuzz/corpus, which keeps growing from run to run; the source tree is never written.
# On a crash, libFuzzer stops, the reproducer is left in build-fuzz/artifacts (its path is
# printed) and the script exits non-zero. Reproduce with
#   build-fuzz/tests/fuzz/fuzz_design build-fuzz/artifacts/crash-...
# and minimise with
#   build-fuzz/tests/fuzz/fuzz_design -minimize_crash=1 -runs=10000 build-fuzz/artifacts/crash-...
# Each minimised reproducer that shows a real bug belongs in tests/fuzz/regressions/NAME.archlens.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
case "$seconds" in
  '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

build=build-fuzz
fuzzer="$build/tests/fuzz/fuzz_design"

# The tree is shared with CI's sanitizer tests (see configure.sh), which may have made it.
if [ ! -f "$build/build.ninja" ]; then
  bash tests/fuzz/configure.sh
fi
# Only the harness and what it links (model and analysis): not layout, not Qt.
cmake --build "$build" --target fuzz_design

corpus="$build/corpus"
artifacts="$build/artifacts"
mkdir -p "$corpus" "$artifacts"
for seed in resources/examples/*.archlens tests/app/malformed/*.archlens \
            tests/fuzz/regressions/*.archlens; do
  [ -f "$seed" ] || continue
  # Named by content, as libFuzzer names what it adds, so a re-run copies nothing twice.
  cp "$seed" "$corpus/$(sha1sum "$seed" | cut -c1-40)"
done

# ASan's leak check runs at exit and on each input; abort_on_error gives libFuzzer a
# crash it can record. The UBSan stack makes the report say where, not only what.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# One process (libFuzzer's default without -jobs/-fork): the machines this runs on are
# shared, and -jobs=1 would move the output to a fuzz-0.log that CI does not show.
echo "fuzz: $seconds s over $(ls "$corpus" | wc -l) corpus inputs; reproducers go to $artifacts/"
status=0
"$fuzzer" "$corpus" -dict=tests/fuzz/archlens.dict -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$artifacts/" || status=$?
if [ "$status" -ne 0 ]; then
  echo "fuzz: the fuzzer stopped with status $status; the reproducer is in $artifacts/:" >&2
  ls -t "$artifacts" | head -n 3 >&2
fi
exit "$status"
