#!/usr/bin/env bash
# Installs the Debian 12 packages PressDesk needs. Usage: scripts/system-packages.sh gui|test
#   gui:  Python venv support, the libraries Qt needs to open a window and to print (CUPS),
#         and Enchant with the German Hunspell dictionary for spell checking (the frami
#         variant, which knows more compounds; it conflicts with hunspell-de-de and replaces it),
#         and Cairo (libcairo2: CairoSVG rasterises an SVG logo for the DOCX)
#   test: all of gui, plus LibreOffice (DOCX checks), poppler-utils (PDF pages), Xvfb,
#         PostgreSQL (the store tests start a throw-away server of their own) and chromium
#         with chromium-driver (the published HTML checked in a real browser), and binutils
#         (objdump, which PyInstaller needs to build the bundle the tests start), and Carlito
#         (fonts-crosextra-carlito) so that LibreOffice on this machine shows a DOCX's Calibri
#         with the same metrics, as on a press officer's Linux desktop (the DOCX tests use the
#         shipped Carlito instead, for a fixed version)
set -euo pipefail
what="${1:-gui}"
packages=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3 libxrender1 libxi6
  libenchant-2-2 hunspell-de-de-frami libcups2 libcairo2
)
if [ "$what" = "test" ]; then
  # hyphen-de: German hyphenation patterns, so LibreOffice hyphenates the DOCX like the PDF
  packages+=(libreoffice-writer-nogui hyphen-de fonts-crosextra-carlito poppler-utils xvfb postgresql
    chromium chromium-driver binutils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
