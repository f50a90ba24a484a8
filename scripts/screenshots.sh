#!/usr/bin/env bash
# Screenshots of every screen (library, call, debrief, progress, trainer's view) in the real
# window, under a virtual X display (Xvfb) with Mesa's software Vulkan: the app's own `demo`
# plays an Italian call and saves each screen, drawn as the settings of its records folder say.
#
#   scripts/screenshots.sh [BINARY]      (default: target/release/frontline, else target/debug)
#
# Writes docs/screenshots/it/ (Italian), it-200/ (Italian at 200% text) and it-contrast/
# (Italian, high contrast). Needs xvfb and mesa-vulkan-drivers (scripts/system-packages.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-}
if [ -z "$binary" ]; then
    binary=target/release/frontline
    [ -x "$binary" ] || binary=target/debug/frontline
fi
[ -x "$binary" ] || { echo "no frontline binary at $binary: build it first (cargo build)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install xvfb" >&2; exit 2; }

export WGPU_BACKEND=vulkan
VK_ICD_FILENAMES="$(ls /usr/share/vulkan/icd.d/lvp_icd.*.json 2>/dev/null | head -n1)"
export VK_ICD_FILENAMES

scenario=bolletta-lacrime-it
# name, then the settings the demo's app reads from its records folder.
sets=(
    'it|{"interface": "it"}'
    'it-200|{"interface": "it", "text_scale": 200}'
    'it-contrast|{"interface": "it", "theme": "HighContrast"}'
)
for set in "${sets[@]}"; do
    name=${set%%|*}
    settings=${set#*|}
    data=$(mktemp -d)
    printf '%s\n' "$settings" > "$data/settings.json"
    out=docs/screenshots/$name
    mkdir -p "$out"
    echo "== $name: $settings"
    xvfb-run -a -s "-screen 0 1280x800x24" \
        "$binary" demo "$scenario" --seed 3 --screenshots "$out" --data-dir "$data"
    rm -rf "$data"
    ls -l "$out"
done
