#!/bin/sh
# Installs the dependencies, builds Tributary with warnings as errors and
# runs the whole test suite under a virtual display and a private session
# bus. The last line says how many tests passed, failed and were skipped.
set -u
cd "$(dirname "$0")/.."

build-aux/install-deps.sh || exit 1

builddir=build-tests
if [ ! -d "$builddir" ]; then
  meson setup "$builddir" -Dwerror=true -Ddevelopment=true || exit 1
fi
ninja -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }

meson test -C "$builddir" --setup=headless --print-errorlogs --num-processes 2 \
  > "$builddir/test-output.txt" 2>&1
status=$?
cat "$builddir/test-output.txt"

# meson's summary counts test programs; each runs many TAP subtests.
count () { awk -v k="$1" '$1 == k {print $2}' "$builddir/test-output.txt" | tail -n 1; }
ok=$(count "Ok:"); xfail=$(count "Expected")
fail=$(count "Fail:"); timeout=$(count "Timeout:"); skipped=$(count "Skipped:")
xfail=$(awk '/^Expected Fail:/ {print $3}' "$builddir/test-output.txt" | tail -n 1)
xpass=$(awk '/^Unexpected Pass:/ {print $3}' "$builddir/test-output.txt" | tail -n 1)
passed=$(( ${ok:-0} + ${xfail:-0} ))
failed=$(( ${fail:-0} + ${timeout:-0} + ${xpass:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed, ${skipped:-0} skipped"
[ "$failed" -eq 0 ]
