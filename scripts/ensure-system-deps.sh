#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# chromium (end-to-end tests via playwright-core), fonts-noto-cjk (Chinese text), poppler-utils (pdftotext/pdftoppm).
# Runs before `npm test`; does nothing when everything is present.
set -euo pipefail
missing=()
for pkg in chromium fonts-noto-cjk poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages for the tests: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
