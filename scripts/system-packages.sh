#!/usr/bin/env bash
# Installs the Debian packages the build needs, where apt-get is (CI, a fresh machine; as root or
# with sudo): Bevy's libraries on Linux (audio, input, X11/Wayland, as in the README), the linker
# of .cargo/config.toml, Xvfb and software Vulkan for the screenshots. With `windows`, also
# MinGW-w64 (the Windows linker), Wine (the Windows tests), zip and dpkg-dev (the packages).
set -euo pipefail
command -v apt-get >/dev/null 2>&1 || exit 0

packages=(
    pkg-config clang mold
    libasound2-dev libudev-dev
    libx11-dev libxcursor-dev libxrandr-dev libxi-dev libxkbcommon-dev libxkbcommon-x11-0 libwayland-dev
    xvfb mesa-vulkan-drivers libvulkan1
)
if [ "${1:-}" = windows ]; then
    packages+=(gcc-mingw-w64-x86-64 wine wine64 zip dpkg-dev)
fi
# Nothing to do (no root needed) when every one is installed already.
missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>&1 | grep -vc '^ii ' || true)
[ "$missing" = 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
