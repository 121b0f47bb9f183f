"""The command line never destroys a draft, never hangs, never shows a traceback.

Issue 13, points 1, 5, 6, 7, 8 and 12, run as a user runs them: a whole process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pressdesk.paths import reference_sample
from tests.test_cli.test_cli import run


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "d.pressdesk"
    shutil.copy(reference_sample(), path)
    return path


# point 1 --------------------------------------------------------------------------------


def test_export_onto_its_own_draft_is_refused(draft: Path) -> None:
    before = draft.read_bytes()
    result = run("export", str(draft), "--pdf", str(draft))
    assert result.returncode == 2
    assert "ist der Entwurf selbst" in result.stderr
    assert draft.read_bytes() == before


def test_export_onto_another_draft_is_refused(draft: Path, tmp_path: Path) -> None:
    other = tmp_path / "anderer.pressdesk"
    shutil.copy(reference_sample(), other)
    renamed = tmp_path / "entwurf-ohne-endung"
    shutil.copy(reference_sample(), renamed)
    for target in (other, renamed):
        before = target.read_bytes()
        result = run("export", str(draft), "--docx", str(target))
        assert result.returncode == 2, target
        assert "ist ein PressDesk-Entwurf" in result.stderr
        assert target.read_bytes() == before


def test_export_onto_a_symlink_to_the_draft_is_refused(draft: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(draft)
    before = draft.read_bytes()
    result = run("export", str(draft), "--pdf", str(link))
    assert result.returncode == 2
    assert draft.read_bytes() == before


def test_the_same_target_twice_is_refused(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "x"
    result = run("export", str(draft), "--pdf", str(out), "--docx", str(out))
    assert result.returncode == 2
    assert "zweimal" in result.stderr
    assert not out.exists()


# point 5 --------------------------------------------------------------------------------


def test_a_failed_docx_leaves_the_old_pdf(draft: Path, tmp_path: Path) -> None:
    pdf, docx = tmp_path / "pm.pdf", tmp_path / "pm.docx"
    pdf.write_bytes(b"%PDF alt")
    code = textwrap.dedent(
        f"""
        import errno, os, sys
        real_write = os.write
        def full(fd, data):
            if bytes(data[:2]) == b"PK":
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)
        os.write = full
        from pressdesk.cli import main
        sys.exit(main(["export", {str(draft)!r}, "--pdf", {str(pdf)!r}, "--docx", {str(docx)!r}]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert "kein Platz mehr" in result.stderr and "No space" not in result.stderr
    assert pdf.read_bytes() == b"%PDF alt"
    assert not docx.exists()
    assert "PDF:" not in result.stdout  # nothing claims success
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.pressdesk", "pm.pdf"]


# points 6 and 7 ----------------------------------------------------------------------------


def test_validate_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "f.pressdesk"
    os.mkfifo(fifo)
    result = run("validate", str(fifo))
    assert result.returncode == 2
    assert "keine gewöhnliche Datei" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["/dev/zero"], ["--profile", "/dev/zero", "DRAFT"]])
def test_devices_are_refused_without_reading(args: list[str], draft: Path) -> None:
    result = run("validate", *[str(draft) if a == "DRAFT" else a for a in args])
    assert result.returncode == 2
    assert "Gerät" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr


def test_export_to_a_device_is_refused(draft: Path, device: Path) -> None:
    before = device.stat()
    result = run("export", str(draft), "--pdf", str(device))
    assert result.returncode == 2
    assert "Gerät" in result.stderr
    assert device.is_char_device() and device.stat().st_ino == before.st_ino


# point 8 --------------------------------------------------------------------------------


def test_a_lone_surrogate_gives_a_message_and_exit_two(tmp_path: Path) -> None:
    path = tmp_path / "s.pressdesk"
    path.write_bytes(b'{"schemaVersion":1,"body":[{"type":"\\udfff"}]}')
    result = run("validate", str(path))
    assert result.returncode == 2
    assert "ungültige Zeichen" in result.stdout
    assert "Traceback" not in result.stderr


# point 12 --------------------------------------------------------------------------------


def test_argparse_speaks_german() -> None:
    result = run("export")
    assert result.returncode == 2
    assert "Aufruf:" in result.stderr and "diese Angaben fehlen: ENTWURF" in result.stderr
    assert "usage" not in result.stderr and "required" not in result.stderr
    helped = run("validate", "--help")
    assert "Optionen" in helped.stdout and "diese Hilfe zeigen" in helped.stdout
    assert "show this help" not in helped.stdout


def test_profile_errors_are_german(tmp_path: Path, draft: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"id": 5}', encoding="utf-8")
    result = run("validate", "--profile", str(profile), str(draft))
    assert result.returncode == 2
    assert "Das Profil ist ungültig" in result.stderr
    assert "is not" not in result.stderr and "required property" not in result.stderr
    profile.write_text("{kaputt", encoding="utf-8")
    broken = run("validate", "--profile", str(profile), str(draft))
    assert "kein gültiges JSON (Zeile 1, Spalte 2)" in broken.stderr
    assert "Expecting" not in broken.stderr


def test_escape_sequences_and_newlines_from_a_file_are_not_echoed(tmp_path: Path) -> None:
    name = tmp_path / "a\x1b[31mrot\nb.pressdesk"
    name.write_text('{"schemaVersion": 1, "body": [{"type": "\\u001b[2Jx"}]}', encoding="utf-8")
    result = run("validate", str(name))
    assert result.returncode == 2
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert result.stdout.count("\n") == 1
    assert "\\x1b[31mrot\\x0ab.pressdesk" in result.stdout


def test_system_errors_reach_the_user_in_german(draft: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import errno, os, sys
        def ro(*a, **k):
            raise OSError(errno.EROFS, "Read-only file system")
        os.replace = ro
        from pressdesk.cli import main
        sys.exit(main(["export", {str(draft)!r}, "--pdf", {str(tmp_path / "x.pdf")!r}]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 2
    assert "Dateisystem ist schreibgeschützt" in result.stderr
    assert "Read-only" not in result.stderr and "alte Datei" not in result.stderr
