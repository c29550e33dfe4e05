#!/usr/bin/env bash
# Install the Debian packages the app needs, or say exactly what is missing.
#   scripts/system-deps.sh run   # serving the app: translations, Chinese fonts, fast font subsetting
#   scripts/system-deps.sh test  # also PDF tools and Chromium for the browser tests
set -euo pipefail
mode=${1:-run}
pkgs=(gettext fonts-noto-cjk fonts-arphic-uming libharfbuzz-subset0)
if [ "$mode" = test ]; then
  pkgs+=(poppler-utils chromium)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This is not a Debian-based system. Install the equivalents of: ${pkgs[*]}" >&2
  echo "Then run 'make $mode' again." >&2
  exit 1
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
