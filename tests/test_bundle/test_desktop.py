"""scripts/install-desktop.sh: menu entry, icon and *.pressdesk MIME type per user, and --remove."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "install-desktop.sh"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def run_script(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True)


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for the bundle's program (the script only needs an executable)."""
    folder = tmp_path / "PressDesk"
    folder.mkdir()
    exe = folder / "pressdesk"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return exe


def test_install_then_remove(tmp_path: Path, program: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = run_script(home, "--exec", str(program))
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    desktop = share / "applications" / "pressdesk.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == f"{program} %f"  # a double-click passes the file
    assert section["Icon"] == "pressdesk"
    assert "application/x-pressdesk;" in section["MimeType"]
    assert (share / "icons/hicolor/scalable/apps/pressdesk.svg").is_file()
    mime = ET.parse(share / "mime" / "packages" / "pressdesk.xml").getroot()
    globs = [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")]
    assert globs == ["*.pressdesk"]
    if shutil.which("update-mime-database"):  # the database the file manager asks
        assert "application/x-pressdesk:*.pressdesk" in (share / "mime" / "globs2").read_text()
    if shutil.which("xdg-mime"):
        apps = (home / ".config" / "mimeapps.list").read_text()
        assert "application/x-pressdesk=pressdesk.desktop" in apps

    result = run_script(home, "--remove")
    assert result.returncode == 0, result.stderr
    assert not desktop.exists()
    assert not (share / "mime" / "packages" / "pressdesk.xml").exists()
    assert not (share / "icons/hicolor/scalable/apps/pressdesk.svg").exists()
    if shutil.which("update-mime-database"):
        assert "pressdesk" not in (share / "mime" / "globs2").read_text()
    apps_file = home / ".config" / "mimeapps.list"
    assert not apps_file.exists() or "x-pressdesk" not in apps_file.read_text()


def test_refuses_a_missing_program_in_german(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = run_script(home, "--exec", str(tmp_path / "fehlt" / "pressdesk"))
    assert result.returncode == 2
    assert "kein ausführbares Programm" in result.stderr
    assert not (home / ".local" / "share" / "applications" / "pressdesk.desktop").exists()


def test_icon_renders(tmp_path: Path) -> None:
    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "pressdesk.svg"))
    assert renderer.isValid()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) >= 3  # background, page, lines: not an empty picture
