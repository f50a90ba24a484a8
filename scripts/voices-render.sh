#!/usr/bin/env bash
# Renders one customer line for `frontline voice --render`: the words on standard input,
# spoken by Kokoro-82M (or Festival, or espeak-ng) in VOICE, with the DELIVERY of the customer's mood,
# over a telephone line (300-3400 Hz band, 8 kHz, a quiet line hiss), written as mono Ogg
# Vorbis to OUTPUT.
#
#   scripts/voices-render.sh VOICE DELIVERY LANGUAGE OUTPUT.ogg  < words
#
# VOICE: it-female, it-male, en-female, en-male. DELIVERY: calm, distressed (slower, lower,
# broken into phrases with pauses), angry (faster, higher, pressed). LANGUAGE is the
# scenario's (Kokoro's phonemes need it).
# FRONTLINE_VOICE_ENGINE: kokoro (Kokoro-82M, the default, the most intelligible, which
# voices the shipped library: docs/voices.md), festival or espeak (espeak-ng), for
# comparison. Needs the engine, and sox with Ogg Vorbis: scripts/voices-setup.sh installs
# them (Kokoro in .voices-venv; Festival with --festival).
# A change here that changes the sound must change voice::PIPELINE in src/voice/mod.rs.
set -euo pipefail
if [ $# -ne 4 ]; then
    echo "usage: $0 VOICE DELIVERY LANGUAGE OUTPUT.ogg < words" >&2
    exit 2
fi
voice=$1 delivery=$2 language=$3 output=$4
engine=${FRONTLINE_VOICE_ENGINE:-kokoro}
here=$(dirname "$0")
case "$voice" in
    it-female) kokoro=if_sara; festvox=voice_lp_diphone; charset=ISO-8859-15; espeak=it+f3 ;;
    it-male) kokoro=im_nicola; festvox=voice_pc_diphone; charset=ISO-8859-15; espeak=it ;;
    en-female) kokoro=af_heart; festvox=voice_cmu_us_slt_arctic_hts; charset=ISO-8859-1; espeak=en-us+f3 ;;
    en-male) kokoro=am_michael; festvox=voice_kal_diphone; charset=ISO-8859-1; espeak=en-us ;;
    *) echo "unknown voice \`$voice\` (it-female, it-male, en-female, en-male)" >&2; exit 2 ;;
esac
# The delivery: tempo, pitch (cents) and colour made by sox, and the pause between phrases.
# Kokoro speaks each phrase apart, so it pauses between every two, and its angry voice keeps
# its words without the overdrive Festival's needs to sound angry (docs/voices.md).
case "$engine:$delivery" in
    kokoro:calm) tempo=1.0; pitch=0; gap=0.12; colour="" ;;
    kokoro:distressed) tempo=0.92; pitch=-80; gap=0.5; colour="tremolo 5 6" ;;
    kokoro:angry) tempo=1.05; pitch=20; gap=0.08; colour="" ;;
    *:calm) tempo=1.0; pitch=0; gap=0; colour="" ;;
    *:distressed) tempo=0.86; pitch=-180; gap=0.45; colour="tremolo 5 12" ;;
    *:angry) tempo=1.08; pitch=100; gap=0; colour="overdrive 4 20 gain -2" ;;
    *) echo "unknown delivery \`$delivery\` (calm, distressed, angry)" >&2; exit 2 ;;
esac
case "$engine" in
    kokoro) synth=espeak-ng; python=$here/../.voices-venv/bin/python ;;
    festival) synth=festival; python=python3 ;;
    espeak) synth=espeak-ng; python=python3 ;;
    *) echo "unknown engine \`$engine\` (kokoro, festival, espeak)" >&2; exit 2 ;;
esac
setup=scripts/voices-setup.sh
[ "$engine" = festival ] && setup="$setup --festival"
for tool in "$synth" sox soxi iconv "$python"; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed: run $setup" >&2; exit 3; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
words=$(cat)
# Signs an engine cannot say are spelt out first (an amount in euros the way the language
# says it), an ellipsis is a pause. Quotation marks are not spoken (Festival's Italian
# cannot spell them) and a typographic apostrophe is the plain one.
words=$(printf '%s' "$words" | sed -E "s/[’‘]/'/g; s/[«»“”„\"]//g; s/(\.\.\.|…)/,/g; s/,( *,)+/,/g")
if [ "${language%%-*}" = en ]; then
    words=$(printf '%s' "$words" | sed -E 's/€ ?([0-9][0-9.,]*[0-9])/\1 euros/g; s/%/ percent/g')
else
    words=$(printf '%s' "$words" | sed -E 's/€ ?([0-9][0-9.,]*[0-9])/\1 euro/g; s/%/ per cento/g')
fi
words=$(printf '%s' "${words//€/ euro }" | sed -E 's/  +/ /g; s/ +([,.;:!?])/\1/g; s/^ +//')
# Codes and telephone numbers are read out sign by sign, Italian figures in words, as a
# customer says them (the engines misread them: scripts/voices-words.py).
words=$(printf '%s' "$words" | python3 "$here/voices-words.py" "$language")
# The line's phrases, with a pause between them where the delivery has one.
if [ "$gap" != 0 ]; then
    printf '%s\n' "$words" | sed -E 's/([,.;:!?…]+) +/\1\n/g' >"$work/phrases"
else
    printf '%s\n' "$words" >"$work/phrases"
fi
sed -i '/^ *$/d' "$work/phrases"
n=$(wc -l <"$work/phrases")
[ "$n" -gt 0 ] || { echo "no words to speak" >&2; exit 1; }
# One engine run speaks every phrase (loading a voice costs more than a phrase).
case "$engine" in
    kokoro)
        "$python" "$here/voices-kokoro.py" "$kokoro" "$language" "$work" <"$work/phrases" \
            2>"$work/synth.log" || { cat "$work/synth.log" >&2; exit 1; } ;;
    espeak)
        i=0
        while IFS= read -r phrase; do
            i=$((i + 1))
            espeak-ng -v "$espeak" -w "$work/$i.wav" "$phrase" 2>"$work/synth.log" \
                || { cat "$work/synth.log" >&2; exit 1; }
        done <"$work/phrases" ;;
    festival)
        i=0
        echo "($festvox)" >"$work/say.scm"
        while IFS= read -r phrase; do
            i=$((i + 1))
            quoted=$(printf '%s' "$phrase" | iconv -c -f UTF-8 -t "$charset" | sed 's/\\/ /g; s/"/ /g')
            printf '(utt.save.wave (utt.synth (Utterance Text "%s")) "%s" (quote riff))\n' \
                "$quoted" "$work/$i.wav" >>"$work/say.scm"
        done <"$work/phrases"
        festival -b "$work/say.scm" >"$work/synth.log" 2>&1 || { cat "$work/synth.log" >&2; exit 1; } ;;
esac
touch "$work/synth.log"
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
