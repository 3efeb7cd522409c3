#!/usr/bin/env bash
# Renders the window on every example at its opening zoom, in the light and the dark
# theme, into docs/screenshots/. Run from the source tree after a build:
#   docs/make-screenshots.sh [path/to/archlens]
# Each run starts from empty settings (its own config and data folders), so a theme chosen
# or a recovery file left by another run cannot change what is drawn.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
app="${1:-$root/build/bin/archlens}"
out="$here/screenshots"
mkdir -p "$out"
for file in "$root"/resources/examples/*.archlens; do
    name="$(basename "$file" .archlens)"
    for theme in light dark; do
        home="$(mktemp -d)"
        mkdir -p "$home/config/ArchLens"
        printf '[General]\ntheme=%s\n' "$theme" > "$home/config/ArchLens/ArchLens.conf"
        XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" QT_QPA_PLATFORM=offscreen \
            "$app" --screenshot "$out/$name-$theme.png" --size 1400x900 "$file"
        rm -rf "$home"
        echo "$out/$name-$theme.png"
    done
done
