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
# Usage: scripts/measure-app.sh [BINARY] [RUNS] [pick|own-words|listen] [CARD]
#   BINARY defaults to target/release/frontline (cargo build --release); RUNS to 3. With
#   own-words, the app starts in that reply mode (its settings.json says so), so the matcher
#   loads with the library, and on the call screen a reply is typed and sent before the idle
#   CPU is measured: the peak RSS then includes the matcher (compare with a pick run).
#   With listen, the app plays into a PulseAudio null sink (started here if no PulseAudio
#   server runs; ALSA's default goes to PulseAudio while it runs): what the speakers get from
#   the moment the phone is answered is recorded for 15 s into target/measure-app/call.wav, with a
#   screenshot each 3 s (call-1.png ...), and heard back by Whisper base when
#   scripts/voices-setup.sh --measure has installed it (apt-get install pulseaudio
#   pulseaudio-utils libasound2-plugins).
#   CARD (default 1) is the library card played, counted from the first.
#   Screenshots of the last run go to target/measure-app/. Records go to a temporary folder.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-$root/target/release/frontline}"
runs="${2:-3}"
replying="${3:-pick}"
card="${4:-1}"
out="$root/target/measure-app"

if [[ -z "${FRONTLINE_MEASURE_INNER:-}" ]]; then
    tools="xvfb-run xdotool xwd convert"
    [[ "$replying" == listen ]] && tools="$tools pulseaudio pactl parec"
    for tool in $tools; do
        command -v "$tool" >/dev/null || { echo "missing $tool: see the header of $0" >&2; exit 2; }
    done
    [[ -x "$binary" ]] || { echo "no binary at $binary: run cargo build --release" >&2; exit 2; }
    mkdir -p "$out"
    FRONTLINE_MEASURE_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        "$0" "$binary" "$runs" "$replying" "$card"
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

# listen WINDOW: answers the phone and records what the app sends to the speakers (a
# PulseAudio null sink's monitor) for 15 s, a screenshot each 3 s, then hears it back.
listen() {
    local window="$1" recorder shot
    parec -d frontline.monitor --file-format=wav "$out/call.wav" &
    recorder=$!
    xdotool key space
    for shot in 1 2 3 4 5; do
        sleep 3
        xwd -id "$window" -silent | convert xwd:- "$out/call-$shot.png"
    done
    kill "$recorder"
    wait "$recorder" 2>/dev/null || true
    sox "$out/call.wav" -n stat 2>&1 | awk '/Length|RMS +amplitude/ { print "recorded: " $0 }'
    if [[ -x "$root/.voices-venv/bin/python" && -d "$root/.voices-venv/whisper-base" ]]; then
        "$root/.voices-venv/bin/python" - "$out/call.wav" "$root/.voices-venv/whisper-base" <<'HEAR'
import sys
from faster_whisper import WhisperModel
segments, info = WhisperModel(sys.argv[2], device="cpu", compute_type="int8").transcribe(sys.argv[1])
print(f"heard ({info.language}):")
for s in segments:
    print(f"  {s.start:5.1f}-{s.end:5.1f} s  {s.text.strip()}")
HEAR
    fi
}

# The sound card of a listen run: a PulseAudio null sink, ready before the app starts
# (the app looks for its sound card once).
speakers() {
    if ! pactl info >/dev/null 2>&1; then
        pulseaudio -D --exit-idle-time=-1 -n --load=module-native-protocol-unix 2>/dev/null
        sleep 1
    fi
    pactl list short sinks | grep -q frontline \
        || pactl load-module module-null-sink sink_name=frontline >/dev/null
    pactl set-default-sink frontline
}
[[ "$replying" == listen ]] && speakers

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

    # Play the card and answer the phone.
    xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
    for _ in $(seq 2 "$card"); do xdotool key Down; done
    xdotool key Return
    sleep 1
    if [[ "$replying" == listen ]]; then
        listen "$window"
    else
        xdotool key space
    fi
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
