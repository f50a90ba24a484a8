#!/usr/bin/env bash
# Builds what an IT department installs, into dist/, and prints the sizes:
#   dist/frontline_VERSION-1_amd64.deb     the Linux package (cargo-deb; Cargo.toml's [package.metadata.deb])
#   dist/frontline-VERSION-windows-x64.zip frontline.exe, assets\, scenarios\, README.txt (Italian, English)
# On a fresh Debian machine it first installs what it lacks (the system packages, cargo-deb, the
# Windows target). `scripts/package.sh linux` or `scripts/package.sh windows` builds one of them.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-both}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
windows_target=x86_64-pc-windows-gnu
# The Linux build's target folder (cargo's), and the Windows build's own one: it shares nothing
# with the Linux one. FRONTLINE_WINDOWS_TARGET_DIR names another, e.g. CI's cache (.ci/run).
linux_dir=$(realpath -m "${CARGO_TARGET_DIR:-target}")
windows_dir=$(realpath -m "${FRONTLINE_WINDOWS_TARGET_DIR:-target-windows}")
# cargo-deb, pinned: the version whose manifest keys Cargo.toml uses.
cargo_deb_version=3.8.0

bash scripts/system-packages.sh windows
mkdir -p dist

if [ "$what" != windows ]; then
    if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $cargo_deb_version" ]; then
        cargo install cargo-deb --version "$cargo_deb_version" --locked
    fi
    start=$SECONDS
    cargo build --release --locked
    cargo deb --no-build --locked --output dist/
    echo "linux: built in $((SECONDS - start)) s"
fi

if [ "$what" != linux ]; then
    rustup target add "$windows_target" >/dev/null
    start=$SECONDS
    cargo build --release --locked --target "$windows_target" --target-dir "$windows_dir"
    echo "windows: built in $((SECONDS - start)) s"
    stage="$windows_dir/zip/frontline"
    rm -rf "$windows_dir/zip" && mkdir -p "$stage"
    cp "$windows_dir/$windows_target/release/frontline.exe" "$stage/"
    cp -r assets scenarios "$stage/"
    cp packaging/windows/README.txt "$stage/"
    zip="dist/frontline-$version-windows-x64.zip"
    rm -f "$zip"
    (cd "$windows_dir/zip" && zip -qr -9 "$OLDPWD/$zip" frontline)
fi

echo "sizes:"
for file in "$linux_dir/release/frontline" "$windows_dir/$windows_target/release/frontline.exe" dist/*.deb dist/*.zip; do
    if [ -f "$file" ]; then
        printf '  %8s  %s\n' "$(du -h --apparent-size "$file" | cut -f1)" "$file"
    fi
done
