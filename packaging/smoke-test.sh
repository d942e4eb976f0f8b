#!/usr/bin/env bash
# Runs an installed launcher headless, as CI does after installing each installer:
#   smoke-test.sh LAUNCHER
# e.g. /opt/bitcount-lstm-lab/bin/bitcount-lstm-lab (.deb),
#      "/Applications/Bitcount LSTM Lab.app/Contents/MacOS/bitcount-lstm-lab" (.dmg),
#      "C:/Program Files/bitcount-lstm-lab/bitcount-lstm-lab-cli.exe" (.msi; the console launcher).
# A tiny training run, then the tutorial's example string with the pretrained model; fails unless
# both exit 0, the run completes and the prediction names the true count (12). Any line starting
# with WARNING (a JVM warning: native access, sun.misc.Unsafe, a class-data archive) fails it too.
# The commands never touch JavaFX, so no display is needed.
set -euo pipefail
launcher=${1:?usage: smoke-test.sh LAUNCHER}
[ -x "$launcher" ] || { echo "no launcher at $launcher" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT

run() {
  echo "\$ $(basename "$launcher") $*"
  if ! "$launcher" "$@" >"$out" 2>&1; then
    cat "$out"
    echo "FAILED: exit code not 0" >&2
    exit 1
  fi
  cat "$out"
  if grep -q '^WARNING' "$out"; then
    echo "FAILED: the JVM printed a warning" >&2
    exit 1
  fi
}

run train --epochs 1 --train-size 200 --batch 50 --eval-sample 1000
tail -n 1 "$out" | grep -q '"outcome":"completed"' || { echo "FAILED: the run did not complete" >&2; exit 1; }

run predict 10011011101001101110
tail -n 1 "$out" | tr -d '\r' | grep -q 'true count 12$' || { echo "FAILED: no prediction for the tutorial's string" >&2; exit 1; }
tail -n 1 "$out" | tr -d '\r' | grep -q '^predicted count 12 ' || { echo "FAILED: the pretrained model miscounted the tutorial's string" >&2; exit 1; }

echo "smoke test passed: $launcher"
