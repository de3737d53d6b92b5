#!/usr/bin/env bash
# Installs the system packages lrplot needs when they are missing: Cairo's headers
# (libcairo2-dev), zlib's (zlib1g-dev, for the PNG encoder; libcairo2-dev pulls it in), the DejaVu fonts the charts name, and rsvg-convert (librsvg2-bin), which
# the tests use as an independent SVG renderer; for the tests also Chromium (the interactive
# HTML is tested in the real browser, headless) and tmux (the terminal preview is tested in
# a real terminal). Uses sudo when not root.
set -euo pipefail
missing=()
pkg-config --exists cairo 2>/dev/null || missing+=(libcairo2-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
