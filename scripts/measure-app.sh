#!/usr/bin/env bash
# Measures the Frontline app as a trainee feels it, from outside, on a machine with no GPU:
# a virtual X display (Xvfb) and software Vulkan rendering (Mesa's lavapipe).
#
#   1. launch → library on screen: from starting the binary until its window shows the
#      library (the window's pixels, polled, hold text: many distinct colours), and until
#      the last change before the window settles (every card drawn);
#   2. peak memory: the process' VmHWM (peak resident set) at the end of the run;
#   3. idle CPU on the call screen: Enter plays the selected card, Space answers the phone,
#      the customer's line is left to finish, then the CPU time the app uses while the call
#      screen waits 10 s for the trainee (utime + stime from /proc, as % of one core).
#
# Needs (Debian/Ubuntu): apt-get install xvfb xdotool x11-apps imagemagick mesa-vulkan-drivers
#   xvfb (Xvfb, xvfb-run), xdotool (keys, window lookup), x11-apps (xwd: window pixels),
#   imagemagick (convert: counting colours, screenshots), mesa-vulkan-drivers (lavapipe).
#
# Usage: scripts/measure-app.sh [BINARY] [RUNS] [pick|own-words]
#   BINARY defaults to target/release/frontline (cargo build --release); RUNS to 3. With
#   own-words, the app starts in that reply mode (its settings.json says so), so the matcher
#   loads with the library, and on the call screen a reply is typed and sent before the idle
#   CPU is measured: the peak RSS then includes the matcher (compare with a pick run).
#   Screenshots of the last run go to target/measure-app/. Records go to a temporary folder.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-$root/target/release/frontline}"
runs="${2:-3}"
replying="${3:-pick}"
out="$root/target/measure-app"

if [[ -z "${FRONTLINE_MEASURE_INNER:-}" ]]; then
    for tool in xvfb-run xdotool xwd convert; do
        command -v "$tool" >/dev/null || { echo "missing $tool: see the header of $0" >&2; exit 2; }
    done
    [[ -x "$binary" ]] || { echo "no binary at $binary: run cargo build --release" >&2; exit 2; }
    mkdir -p "$out"
    FRONTLINE_MEASURE_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        "$0" "$binary" "$runs" "$replying"
fi

export WGPU_BACKEND=vulkan
# Lavapipe only: never pick up a real GPU driver, so the figures are the no-GPU ones.
export VK_ICD_FILENAMES="$(ls /usr/share/vulkan/icd.d/lvp_icd.*.json 2>/dev/null | head -n1)"
records="$(mktemp -d)"
export FRONTLINE_DATA_DIR="$records"
ticks="$(getconf CLK_TCK)"
app=""
cleanup() {
    [[ -n "$app" ]] && kill "$app" 2>/dev/null || true
    rm -rf "$records"
}
trap cleanup EXIT

now() { date +%s.%N; }
# CPU time (user + system) of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Distinct colours in the window: 1 for a blank window, hundreds once text is drawn.
colours() { xwd -id "$1" -silent 2>/dev/null | convert xwd:- -format '%k' info: 2>/dev/null || echo 0; }
# A fingerprint of the window's pixels, to see when it stops changing.
pixels() { xwd -id "$1" -silent 2>/dev/null | md5sum | cut -c1-32; }

# Waits until the window's pixels stay the same for a second (at most 20 s); prints the
# time of the last change seen, when whatever was loading or animating had finished.
settle() {
    local window="$1" last="" changed same=0 deadline
    changed="$(now)"
    deadline=$(( $(date +%s) + 20 ))
    while (( $(date +%s) < deadline )); do
        local current
        current="$(pixels "$window")"
        if [[ "$current" == "$last" ]]; then
            same=$((same + 1))
            (( same >= 10 )) && break
        else
            same=0
            changed="$(now)"
        fi
        last="$current"
        sleep 0.1
    done
    echo "$changed"
}

# Peak resident memory so far, in MB.
peak_mb() { awk '/VmHWM/ { print $2 / 1024 }' "/proc/$1/status"; }

for run in $(seq 1 "$runs"); do
    if [[ "$replying" == own-words ]]; then
        echo '{"volumes": null, "replying": "own-words"}' >"$records/settings.json"
    fi
    start="$(now)"
    "$binary" >"$out/app.log" 2>&1 &
    app=$!
    window=""
    shown=""
    while [[ -z "$shown" ]]; do
        kill -0 "$app" 2>/dev/null || { echo "the app exited: see $out/app.log" >&2; exit 1; }
        if [[ -z "$window" ]]; then
            window="$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)"
        fi
        if [[ -n "$window" ]] && (( $(colours "$window") > 64 )); then
            shown="$(now)"
        else
            sleep 0.02
        fi
    done
    launch="$(echo "$shown - $start" | bc -l)"
    complete="$(echo "$(settle "$window") - $start" | bc -l)"
    library_peak="$(peak_mb "$app")"
    xwd -id "$window" -silent | convert xwd:- "$out/library.png"

    # Play the selected card and answer the phone.
    xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
    xdotool key Return
    sleep 1
    xdotool key space
    settle "$window" >/dev/null
    if [[ "$replying" == own-words ]]; then
        xdotool type --delay 40 "I can hear this is worrying you, let's look at it together"
        xdotool key Return
        settle "$window" >/dev/null
    fi
    xwd -id "$window" -silent | convert xwd:- "$out/call.png"

    before="$(cpu_ticks "$app")"
    sleep 10
    after="$(cpu_ticks "$app")"
    idle="$(echo "($after - $before) * 100 / $ticks / 10" | bc -l)"
    peak="$(peak_mb "$app")"
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=""
    sleep 2 # let the X server forget the window before the next launch
    printf 'run %d (%s): launch → library %.2f s (last card drawn %.2f s) | peak RSS %.0f MB (%.0f MB on the library) | idle CPU on the call screen %.2f%% of one core\n' \
        "$run" "$replying" "$launch" "$complete" "$peak" "$library_peak" "$idle"
done
echo "screenshots: $out/library.png, $out/call.png"
