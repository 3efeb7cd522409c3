#!/usr/bin/env bash
# Configures build-fuzz: one Clang tree, with AddressSanitizer and UndefinedBehaviorSanitizer,
# for the model and the analysis only (no Qt). It builds both the libFuzzer harness
# (tests/fuzz/run.sh) and the model, analysis and layout tests that CI runs under the
# sanitizers, so the sanitized libraries are compiled once for both.
#
#   bash tests/fuzz/configure.sh
#
# -O1 keeps the sanitizers' stacks readable and runs several times faster than -O0; line
# tables are enough for the stacks and compile much faster than full debug information.
# The harness and the libraries it fuzzes keep assert() on (-UNDEBUG) whatever the build
# type. Warnings are not errors here: the GCC build holds the code to them, and Clang's
# -Wpedantic refuses the generated rules table (a string longer than 64 KiB).
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DARCHLENS_FUZZ=ON -DARCHLENS_SANITIZE=ON \
  -DARCHLENS_BUILD_APP=OFF -DARCHLENS_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
