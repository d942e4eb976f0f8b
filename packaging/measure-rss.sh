#!/usr/bin/env bash
# The window's memory, sampled every half second from /proc (Linux), over
#   fast   a Fast run: the UI report mode (-Dbitcount.uiReport=true) opens the window, trains the
#          default preset and quits; sampled from start to exit (about 25 s)
#   sweep  a ready sweep: the first one on the Runs and sweeps tab (hidden-few-strings, 18 runs),
#          started with xdotool clicks; sampled for SECONDS_TO_SAMPLE seconds (default 300; the
#          sweep took under four minutes on two busy cores) or until the window closes
#   measure-rss.sh fast|sweep COMMAND...
# COMMAND starts the window, e.g. an installed launcher (/opt/bitcount-lstm-lab/bin/bitcount-lstm-lab)
# or the README's java line; it must become the process it starts (java and jpackage's launchers
# do). Needs a display (DISPLAY; Xvfb :99 -screen 0 1440x900x24 will do), and xdotool for sweep;
# SCREENSHOT names where the sweep's last screen goes (ImageMagick's import), to see that it ran.
# The report mode's property reaches any launcher through JAVA_TOOL_OPTIONS; the JVM says so on
# standard error ("Picked up ..."). Prints the median and the peak of the resident memory (VmRSS),
# its parts at the peak, and of Pss; the last line is JSON.
set -euo pipefail
mode=${1:?fast or sweep}
shift
[ $# -gt 0 ] || { echo "usage: $0 fast|sweep COMMAND..." >&2; exit 2; }
: "${DISPLAY:?needs a display (Xvfb will do)}"
seconds=${SECONDS_TO_SAMPLE:-300}
log=$(mktemp)
samples=$(mktemp)
trap 'rm -f "$log" "$samples"' EXIT

if [ "$mode" = fast ]; then
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Dbitcount.uiReport=true" "$@" >"$log" 2>&1 &
else
  "$@" >"$log" 2>&1 &
fi
pid=$!
started=$(date +%s.%N)

# VmRSS and its parts, in kB: anonymous memory (native allocations: ND4J, OpenBLAS, JavaFX, the
# JVM's own), mapped files (libraries, class data) and shared memory, which with ZGC is the Java
# heap, counted once for each of the views through which ZGC maps it (JDK 17: up to three), so
# that VmRSS can exceed the memory the process occupies; Pss (smaps_rollup) counts each page once.
sample() {
  awk '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { printf "%s ", $2 }' "/proc/$pid/status" 2>/dev/null
  awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null
}
sample_until() { # sample until the process exits or $1 (epoch seconds) passes
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$1" ]; do
    line=$(sample) && [ "$(echo "$line" | wc -w)" -eq 5 ] && echo "$line" >>"$samples"
    sleep 0.5
  done
}

if [ "$mode" = fast ]; then
  sample_until $(( $(date +%s) + 600 ))
  wait "$pid" || true
else
  # the window, once it is up and the pretrained model has arrived
  wid=
  for _ in $(seq 60); do
    wid=$(xdotool search --onlyvisible --pid "$pid" --name "Bitcount LSTM Lab" 2>/dev/null | head -n 1) && [ -n "$wid" ] && break
    sleep 0.5
  done
  [ -n "$wid" ] || { echo "the window did not open" >&2; cat "$log" >&2; kill "$pid"; exit 1; }
  sleep 8
  # positions in the 1280x800 window as it opens, in English: the tab, then the Run sweep button
  xdotool windowactivate --sync "$wid" 2>/dev/null || true
  xdotool mousemove --window "$wid" 475 72 click 1
  sleep 2
  xdotool mousemove --window "$wid" 631 133 click 1
  sample_until $(( $(date +%s) + seconds ))
  if command -v import >/dev/null; then
    import -window root "${SCREENSHOT:-/tmp/measure-rss-sweep.png}" 2>/dev/null || true
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
fi

[ -s "$samples" ] || { echo "no samples" >&2; cat "$log" >&2; exit 1; }
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
# the median and the largest of one column (in kB), in MB
stats() { sort -n -k"$1","$1" "$samples" | awk -v c="$1" '{ v[NR] = $c }
  END { printf "%.0f %.0f", ((NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1024, v[NR] / 1024 }'; }
read -r median peak <<<"$(stats 1)"
read -r pss_median pss_peak <<<"$(stats 5)"
read -r _ anon files shared pss_at_peak <<<"$(sort -n -k1,1 "$samples" | tail -n 1 | awk '{ printf "x %.0f %.0f %.0f %.0f", $2 / 1024, $3 / 1024, $4 / 1024, $5 / 1024 }')"
{
  printf '%s: %d samples in %.0f s; resident memory (VmRSS) median %s MB, peak %s MB\n' "$mode" "$(wc -l <"$samples")" "$elapsed" "$median" "$peak"
  printf '  at the peak: anonymous %s MB, files %s MB, shared (the ZGC heap, once per view) %s MB; Pss %s MB\n' "$anon" "$files" "$shared" "$pss_at_peak"
  printf '  Pss (each page once) median %s MB, peak %s MB\n' "$pss_median" "$pss_peak"
  printf '{"mode":"%s","samples":%d,"medianMB":%s,"peakMB":%s,"pssMedianMB":%s,"pssPeakMB":%s}\n' "$mode" "$(wc -l <"$samples")" "$median" "$peak" "$pss_median" "$pss_peak"
} >"$samples.out"
grep -v '^Picked up JAVA_TOOL_OPTIONS' "$log" | tail -n 3 >&2 || true
cat "$samples.out"
rm -f "$samples.out"
