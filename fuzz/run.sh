#!/usr/bin/env bash
# Runs the load_play fuzz target in the background for SECONDS (default 1800), politely:
# one job, lowest priority. Usage: fuzz/run.sh [SECONDS]. Output: fuzz/fuzz-0.log,
# new inputs in fuzz/corpus/load_play, crashes in fuzz/artifacts/load_play.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-1800}"
cargo +nightly fuzz build load_play
mkdir -p corpus/load_play artifacts/load_play
nohup nice -n 19 target/x86_64-unknown-linux-gnu/release/load_play \
    corpus/load_play corpus_seed \
    -dict=ron.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=artifacts/load_play/ \
    -max_total_time="$seconds" -jobs=1 -workers=1 \
    > fuzz-run.out 2>&1 &
echo "fuzzing for ${seconds}s as pid $!; follow with: tail -f $(pwd)/fuzz-0.log"
