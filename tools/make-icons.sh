#!/bin/sh
# Draws the home-screen icons of the web app manifest from the favicon's own design (src/CalfCoach.Web/Assets/favicon.svg)
# with Debian's Chromium, the browser the tests already use. Run it again after changing the favicon, then commit the PNGs:
#   tools/make-icons.sh
# icon-192.png and icon-512.png: the favicon as it is (rounded square, transparent corners).
# icon-maskable-512.png: a full-bleed square of the same green with the leg in the middle two thirds, inside the 80 %
# safe zone a phone's mask (circle, squircle) never cuts into.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
assets="$here/src/CalfCoach.Web/Assets"
chromium=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The leg's path, read from the favicon so the icons never drift from it.
leg=$(sed -n 's/.*<path d="\([^"]*\)".*/\1/p' "$assets/favicon.svg")
green=$(sed -n 's/.*<rect [^>]*fill="\(#[0-9a-fA-F]*\)".*/\1/p' "$assets/favicon.svg")

draw() { # draw NAME SIZE SVG
  printf '<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>%s</body></html>' \
    "$3" > "$work/$1.html"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$2,$2" --screenshot="$assets/$1.png" "file://$work/$1.html" 2>/dev/null
  echo "$assets/$1.png"
}

for size in 192 512; do
  draw "icon-$size" "$size" "<svg xmlns='http://www.w3.org/2000/svg' width='$size' height='$size' viewBox='0 0 64 64'><rect width='64' height='64' rx='14' fill='$green'/><path d='$leg' fill='#ffffff'/></svg>"
done
draw icon-maskable-512 512 "<svg xmlns='http://www.w3.org/2000/svg' width='512' height='512' viewBox='-16 -16 96 96'><rect x='-16' y='-16' width='96' height='96' fill='$green'/><path d='$leg' fill='#ffffff'/></svg>"
