"""The command line with drafts of format version 2 (bold, italic, links in running text)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pressdesk.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
FORMATTED = DATA / "formatted-v2.pressdesk"


def _edited(tmp_path: Path, name: str, change: object) -> Path:
    data = json.loads(FORMATTED.read_text("utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


def test_validate_a_formatted_draft(capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(FORMATTED.read_text("utf-8"))["schemaVersion"] == 2
    assert main(["validate", str(FORMATTED)]) == 0
    assert capsys.readouterr().out == ""


def test_validate_prints_the_formatting_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def spoil(data: dict) -> None:  # type: ignore[type-arg]
        body = data["body"]
        body[0]["marks"][0]["end"] = len(body[0]["text"]) + 5
        body[1]["marks"][0]["url"] = "www.kommunale-integrationszentren-nrw.de"
        body[3]["type"], body[3]["items"] = "list", ["Beratung"]
        body[3]["marks"] = [{"start": 0, "end": 3, "type": "strong"}]

    path = _edited(tmp_path, "fehler.pressdesk", spoil)
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{path}: body[0].marks[0]: Absatz 1: Hervorhebung reicht über das Ende des "
        "Absatzes hinaus",
        f"{path}: body[1].marks[0].url: Absatz 2, Link „Kommunale Integrationszentren“: "
        "Adresse ohne https:// – bitte vollständig angeben (z. B. https://www.land.nrw)",
        f"{path}: body[3].marks: Aufzählung 4: Formatierung wird in Aufzählungen nicht gesetzt "
        "(sie bleibt erhalten und gilt wieder, wenn der Block ein Absatz oder Zitat wird) "
        "(Warnung)",
    ]


def test_a_newer_format_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _edited(tmp_path, "neu.pressdesk", lambda d: d.update(schemaVersion=4))
    assert main(["validate", str(path)]) == 2
    assert "neuer" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils fehlt")
def test_export_a_formatted_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, docx = tmp_path / "out.pdf", tmp_path / "out.docx"
    assert main(["export", str(FORMATTED), "--pdf", str(pdf), "--docx", str(docx)]) == 0
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Serap Güler" in text
    assert "Verantwortungsgemeinschaft" in text
    assert docx.stat().st_size > 0
