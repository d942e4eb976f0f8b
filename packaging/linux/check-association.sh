#!/usr/bin/env bash
# Checks that the installed .deb opens a double-clicked model: the file's type, the desktop entry
# that takes it, and, given a display (Xvfb will do), xdg-open starting the app on it.
#   check-association.sh MODEL.bitcount.zip [SCREENSHOT.png]
# With a display, the window is photographed (ImageMagick's import) once it has had time to load
# the model, then closed. xdg-open on a system without a desktop types files through `mimetype`
# (Debian: libfile-mimeinfo-perl) and otherwise by content (a zip); GNOME, KDE and Xfce read the
# same shared-mime-info database.
set -euo pipefail
model=${1:?usage: check-association.sh MODEL.bitcount.zip [SCREENSHOT.png]}
screenshot=${2:-}
type=application/x-bitcount-model
entry=bitcount-lstm-lab-bitcount-lstm-lab.desktop

check() { # what, got, wanted
  echo "$1: $2"
  [ "$2" = "$3" ] || { echo "FAILED: expected $3" >&2; exit 1; }
}
check "xdg-mime query filetype $model" "$(xdg-mime query filetype "$model")" "$type"
check "xdg-mime query default $type" "$(xdg-mime query default "$type")" "$entry"
desktop=$(grep -l "^MimeType=.*$type;" /usr/share/applications/"$entry")
echo "$desktop: $(grep -E '^(Exec|MimeType)=' "$desktop" | tr '\n' ' ')"

[ -n "${DISPLAY:-}" ] || { echo "no display: xdg-open not tried"; exit 0; }
xdg-open "$model" &
app=
for _ in $(seq 60); do # the window of the app that xdg-open started on the model
  for window in $(xdotool search --onlyvisible --name "Bitcount LSTM Lab" 2>/dev/null); do
    pid=$(xdotool getwindowpid "$window" 2>/dev/null) || continue
    if tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF "$model"; then
      app=$pid
    fi
  done
  [ -n "$app" ] && break
  sleep 1
done
[ -n "$app" ] || { echo "FAILED: xdg-open did not open the app's window on $model" >&2; exit 1; }
echo "xdg-open started: $(tr '\0' ' ' <"/proc/$app/cmdline")"
sleep 10 # the pretrained model, then the opened one
if [ -n "$screenshot" ]; then
  import -window root "$screenshot"
  echo "screenshot: $screenshot"
fi
kill "$app"
