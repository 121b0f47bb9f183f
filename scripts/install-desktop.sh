#!/usr/bin/env bash
# Desktop integration for the current user (Linux): menu entry, icon, and the MIME type
# application/x-pressdesk for *.pressdesk, so a double-click opens the draft in PressDesk.
#   scripts/install-desktop.sh [--exec PROGRAM]     install (or update)
#   scripts/install-desktop.sh --remove             remove everything it installed
# PROGRAM defaults to the bundle dist/PressDesk/pressdesk next to this script's repository,
# else to "pressdesk" on the PATH. Files go to ${XDG_DATA_HOME:-~/.local/share}; nothing
# needs root. update-mime-database / update-desktop-database / xdg-mime are used if present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
desktop="$data/applications/pressdesk.desktop"
mime="$data/mime/packages/pressdesk.xml"
icon="$data/icons/hicolor/scalable/apps/pressdesk.svg"
mode=install
program=""
while [ $# -gt 0 ]; do
  case "$1" in
    --remove) mode=remove; shift ;;
    --exec) program="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install-desktop.sh: unbekannte Option $1" >&2; exit 2 ;;
  esac
done

refresh() {
  if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime" || true; fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
  fi
}

if [ "$mode" = remove ]; then
  rm -f "$desktop" "$mime" "$icon"
  apps="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
  if [ -f "$apps" ]; then sed -i '/^application\/x-pressdesk=/d' "$apps"; fi
  refresh
  echo "PressDesk aus dem Menü und der Dateizuordnung entfernt."
  exit 0
fi

if [ -z "$program" ]; then
  if [ -x "$root/dist/PressDesk/pressdesk" ]; then
    program="$root/dist/PressDesk/pressdesk"
  elif command -v pressdesk >/dev/null; then
    program="$(command -v pressdesk)"
  else
    echo "install-desktop.sh: kein PressDesk gefunden; erst scripts/build-bundle.sh" \
         "ausführen oder --exec PROGRAMM angeben." >&2
    exit 2
  fi
fi
if [ ! -x "$program" ]; then
  echo "install-desktop.sh: $program ist kein ausführbares Programm." >&2
  exit 2
fi
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"
case "$program" in
  *[[:space:]\"\'\\\$\`]*)
    echo "install-desktop.sh: der Pfad $program enthält Leer- oder Sonderzeichen;" \
         "bitte PressDesk in einen Ordner ohne solche Zeichen legen." >&2
    exit 2 ;;
esac

mkdir -p "$(dirname "$desktop")" "$(dirname "$mime")" "$(dirname "$icon")"
cp "$root/resources/icons/pressdesk.svg" "$icon"
cp "$root/packaging/linux/pressdesk-mime.xml" "$mime"
sed "s|@EXEC@|$program|g" "$root/packaging/linux/pressdesk.desktop" > "$desktop.tmp"
mv "$desktop.tmp" "$desktop"
refresh
if command -v xdg-mime >/dev/null; then
  xdg-mime default pressdesk.desktop application/x-pressdesk || true
fi
echo "PressDesk im Menü eingetragen ($desktop); *.pressdesk öffnet $program."
