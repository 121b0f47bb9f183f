#!/usr/bin/env bash
# Builds the one-folder bundle dist/PressDesk/ with PyInstaller (packaging/pressdesk.spec).
#   scripts/build-bundle.sh [--python PY] [--dist DIR] [--work DIR]
# PY is a Python with PressDesk and the "bundle" extra installed (default: .venv/bin/python,
# else python3). Start the result with dist/PressDesk/pressdesk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="$root/.venv/bin/python"
[ -x "$python" ] || python="python3"
dist="$root/dist"
work="$root/build/pyinstaller"
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python="$2"; shift 2 ;;
    --dist) dist="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "build-bundle.sh: unbekannte Option $1" >&2; exit 2 ;;
  esac
done
if ! "$python" -c "import PyInstaller, pressdesk" 2>/dev/null; then
  echo "build-bundle.sh: $python hat PyInstaller oder PressDesk nicht;" \
       "bitte erst: pip install -e '.[bundle,gui]'" >&2
  exit 2
fi
for tool in objdump ldd; do
  if [ "$(uname -s)" = "Linux" ] && ! command -v "$tool" >/dev/null; then
    echo "build-bundle.sh: $tool fehlt (Debian-Paket binutils bzw. libc-bin)" >&2
    exit 2
  fi
done
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" "$root/packaging/pressdesk.spec"
echo "Bundle: $dist/PressDesk ($(du -sh "$dist/PressDesk" | cut -f1))"
