#!/usr/bin/env bash
# Derives every platform's icon from the one source image, resources/icon/icon.png (512x512).
# Needs ImageMagick (convert) and, for the macOS .icns, png2icns (Debian: icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."
src=resources/icon/icon.png
convert "$src" -resize 256x256 packaging/linux/bitcount-lstm-lab.png
# the window's own icon, at the size JavaFX hands the window system, 8 bits a channel (MainWindow)
convert "$src" -resize 128x128 -depth 8 resources/icon/window-icon.png
convert "$src" -define icon:auto-resize=256,128,64,48,32,16 packaging/windows/bitcount-lstm-lab.ico
tmp=$(mktemp -d)
for s in 16 32 128 256 512; do convert "$src" -resize ${s}x${s} "$tmp/icon_$s.png"; done
png2icns packaging/macos/bitcount-lstm-lab.icns "$tmp"/icon_{16,32,128,256,512}.png >/dev/null
rm -rf "$tmp"
echo "icons written to packaging/{linux,windows,macos} and resources/icon/window-icon.png"
