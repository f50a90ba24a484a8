#!/usr/bin/env bash
# Renders one customer line for `frontline voice --render`: the words on standard input,
# spoken by Festival in VOICE, with the DELIVERY of the customer's mood, over a telephone
# line (300-3400 Hz band, 8 kHz, a quiet line hiss), written as mono Ogg Vorbis to OUTPUT.
#
#   scripts/voices-render.sh VOICE DELIVERY LANGUAGE OUTPUT.ogg  < words
#
# VOICE: it-female, it-male, en-female, en-male. DELIVERY: calm, distressed (slower, lower,
# broken into phrases with pauses), angry (faster, higher, harder). LANGUAGE is the
# scenario's (the voice already names it; kept for renderers that need it).
# Needs festival, its voices, and sox with Ogg Vorbis: scripts/voices-setup.sh installs them.
# A change here that changes the sound must change voice::PIPELINE in src/voice/mod.rs.
set -euo pipefail
if [ $# -ne 4 ]; then
    echo "usage: $0 VOICE DELIVERY LANGUAGE OUTPUT.ogg < words" >&2
    exit 2
fi
voice=$1 delivery=$2 output=$4
# FRONTLINE_VOICE_ENGINE=espeak renders with espeak-ng instead, for comparison (docs/voices.md).
engine=${FRONTLINE_VOICE_ENGINE:-festival}
case "$voice" in
    it-female) festvox=voice_lp_diphone; charset=ISO-8859-15; espeak=it+f3 ;;
    it-male) festvox=voice_pc_diphone; charset=ISO-8859-15; espeak=it ;;
    en-female) festvox=voice_cmu_us_slt_arctic_hts; charset=ISO-8859-1; espeak=en-us+f3 ;;
    en-male) festvox=voice_kal_diphone; charset=ISO-8859-1; espeak=en-us ;;
    *) echo "unknown voice \`$voice\` (it-female, it-male, en-female, en-male)" >&2; exit 2 ;;
esac
case "$delivery" in
    calm) tempo=1.0; pitch=0; gap=0; colour="" ;;
    distressed) tempo=0.86; pitch=-180; gap=0.45; colour="tremolo 5 12" ;;
    angry) tempo=1.08; pitch=100; gap=0; colour="overdrive 4 20 gain -2" ;;
    *) echo "unknown delivery \`$delivery\` (calm, distressed, angry)" >&2; exit 2 ;;
esac
synth=festival
[ "$engine" = espeak ] && synth=espeak-ng
for tool in "$synth" sox soxi iconv python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed: run scripts/voices-setup.sh" >&2; exit 3; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
words=$(cat)
# Festival reads Latin-1 and says "punto" for an ellipsis: signs it cannot say are spelt
# out first (an amount in euros the way the language says it), an ellipsis is a pause.
# Quotation marks are not spoken (Festival's Italian cannot spell them) and a typographic
# apostrophe is the plain one.
words=$(printf '%s' "$words" | sed -E "s/[’‘]/'/g; s/[«»“”„\"]//g; s/(\.\.\.|…)/,/g; s/,( *,)+/,/g")
if [ "$3" = en ] || [ "${3%%-*}" = en ]; then
    words=$(printf '%s' "$words" | sed -E 's/€ ?([0-9][0-9.,]*[0-9])/\1 euros/g; s/%/ percent/g')
else
    words=$(printf '%s' "$words" | sed -E 's/€ ?([0-9][0-9.,]*[0-9])/\1 euro/g; s/%/ per cento/g')
fi
words=$(printf '%s' "${words//€/ euro }" | sed -E 's/  +/ /g; s/ +([,.;:!?])/\1/g; s/^ +//')
# Festival's Italian misreads figures: they are spelt out in words first.
if [ "${3%%-*}" = it ]; then
    words=$(printf '%s' "$words" | python3 "$(dirname "$0")/voices-words.py" it)
fi
# Distress breaks the line into its phrases with a pause between them; otherwise one phrase.
if [ "$gap" != 0 ]; then
    printf '%s\n' "$words" | sed -E 's/([,.;:!?…]+) +/\1\n/g' >"$work/phrases"
else
    printf '%s\n' "$words" >"$work/phrases"
fi
# One engine run speaks every phrase (loading a Festival voice costs more than a phrase).
n=0
echo "($festvox)" >"$work/say.scm"
while IFS= read -r phrase; do
    [ -n "${phrase// /}" ] || continue
    n=$((n + 1))
    if [ "$engine" = espeak ]; then
        espeak-ng -v "$espeak" -w "$work/$n.wav" "$phrase" 2>"$work/synth.log" \
            || { cat "$work/synth.log" >&2; exit 1; }
    else
        quoted=$(printf '%s' "$phrase" | iconv -c -f UTF-8 -t "$charset" | sed 's/\\/ /g; s/"/ /g')
        printf '(utt.save.wave (utt.synth (Utterance Text "%s")) "%s" (quote riff))\n' \
            "$quoted" "$work/$n.wav" >>"$work/say.scm"
    fi
done <"$work/phrases"
[ "$n" -gt 0 ] || { echo "no words to speak" >&2; exit 1; }
if [ "$engine" != espeak ]; then
    festival -b "$work/say.scm" >"$work/synth.log" 2>&1 || { cat "$work/synth.log" >&2; exit 1; }
fi
rate=$(soxi -r "$work/1.wav")
parts=()
for i in $(seq 1 "$n"); do
    [ -s "$work/$i.wav" ] || { echo "the engine said nothing" >&2; cat "$work/synth.log" >&2; exit 1; }
    parts+=("$work/$i.wav")
    if [ "$gap" != 0 ] && [ "$i" -lt "$n" ]; then
        [ -f "$work/gap.wav" ] || sox -n -r "$rate" -c 1 "$work/gap.wav" trim 0 "$gap"
        parts+=("$work/gap.wav")
    fi
done
sox "${parts[@]}" "$work/speech.wav"
# The delivery, then the telephone: band-limit, 8 kHz, a little compression.
# shellcheck disable=SC2086
sox -V1 "$work/speech.wav" "$work/voiced.wav" gain -4 tempo -s "$tempo" pitch "$pitch" $colour \
    sinc 300-3400 compand 0.02,0.2 -60,-60,-30,-15,0,-6 -6 rate 8000 norm -3
length=$(soxi -D "$work/voiced.wav")
# A zero length would make the hiss below endless.
awk -v l="$length" 'BEGIN { exit !(l > 0.05) }' || { echo "the engine said nothing" >&2; cat "$work/synth.log" >&2; exit 1; }
sox -m "$work/voiced.wav" -v 1 "|sox -n -r 8000 -c 1 -p synth $length pinknoise vol 0.012" \
    -C 0 "$work/line.ogg"
mv "$work/line.ogg" "$output"
