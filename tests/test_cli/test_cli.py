"""The command line as a user runs it: messages, exit codes, no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pressdesk.cli import main
from pressdesk.model import load_draft, save_draft
from pressdesk.paths import reference_sample, samples_dir


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``pressdesk ARGS`` as a whole process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pressdesk", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=120,  # a hang fails the test instead of the whole run
    )


def test_validate_samples_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in sorted(samples_dir().glob("*.pressdesk"))]
    assert main(["validate", *files]) == 0
    assert "Fehler" not in capsys.readouterr().out


def test_validate_prints_file_field_message_and_exits_one(tmp_path: Path) -> None:
    draft = load_draft(reference_sample())
    draft.header.date = "2018-02-30"
    draft.headline = ""
    path = tmp_path / "fehler.pressdesk"
    save_draft(draft, path)
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{path}: header.date: Datum: kein gültiges Datum" in lines
    assert f"{path}: headline: Überschrift: fehlt" in lines


def test_validate_bad_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.pressdesk"
    path.write_text("{kaputt", encoding="utf-8")
    result = run("validate", str(path))
    assert result.returncode == 2
    assert "beschädigt" in result.stdout
    assert "Traceback" not in result.stderr


def test_new_sample_writes_the_reference_release_and_never_overwrites(tmp_path: Path) -> None:
    result = run("new", "--sample", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "entwurf.pressdesk"
    assert load_draft(written) == load_draft(reference_sample())
    written.write_text("meins", encoding="utf-8")
    again = run("new", "--sample", cwd=tmp_path)
    assert again.returncode == 2
    assert "gibt es schon" in again.stderr
    assert written.read_text(encoding="utf-8") == "meins"


def test_new_without_sample_uses_the_profile_press_office(tmp_path: Path) -> None:
    out = tmp_path / "leer.pressdesk"
    assert main(["new", "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.press_office.organisation == "Staatskanzlei"
    assert draft.headline == ""


def test_export_refuses_a_draft_with_errors(tmp_path: Path) -> None:
    draft = load_draft(reference_sample())
    draft.headline = ""
    path = tmp_path / "fehler.pressdesk"
    save_draft(draft, path)
    result = run("export", str(path), "--pdf", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "Überschrift: fehlt" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_command_is_explained_in_german() -> None:
    result = run("validate")
    assert result.returncode == 2
    assert "Fehler" in result.stderr


def test_command_line_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "from pressdesk.cli import main\n"
        f"main(['validate', {str(reference_sample())!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_export_as_a_whole_process_writes_both_files_without_qt(tmp_path: Path) -> None:
    pdf, docx = tmp_path / "pm.pdf", tmp_path / "pm.docx"
    code = (
        "import sys\n"
        "from pressdesk.cli import main\n"
        f"rc = main(['export', {str(reference_sample())!r}, '--pdf', {str(pdf)!r},"
        f" '--docx', {str(docx)!r}])\n"
        "assert rc == 0, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "PDF:" in result.stdout and "(2 Seiten)" in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    assert docx.read_bytes().startswith(b"PK")


def test_export_of_a_missing_draft_is_a_clear_error(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "fehlt.pressdesk"), "--pdf", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "gibt es nicht" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_into_a_missing_folder_is_a_german_error(tmp_path: Path) -> None:
    result = run("export", str(reference_sample()), "--pdf", str(tmp_path / "fehlt" / "pm.pdf"))
    assert result.returncode == 2
    assert "Den Ordner für" in result.stderr
    assert "Traceback" not in result.stderr
