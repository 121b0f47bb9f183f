"""The command line's door to publishing: ``export --final`` is gone, and the commands that do
not publish never load the store or the publishing libraries (issue 12 times whole processes).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pressdesk.paths import reference_sample
from tests.conftest import REPO

HEAVY = ("sqlalchemy", "alembic", "psycopg", "pikepdf", "pdfminer", "jinja2", "html5lib", "PySide6")


def imported_by(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -X importtime -m pressdesk ARGS``; the modules it imported, each with its
    top-level package."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pressdesk", *args],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    modules = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                modules.add(name)
                modules.add(name.split(".")[0])
    return result, modules


@pytest.mark.parametrize("command", ["validate", "export", "help"])
def test_commands_that_do_not_publish_load_no_store_and_no_publishing_library(
    command: str, tmp_path: Path
) -> None:
    if command == "validate":
        args: tuple[str, ...] = ("validate", str(reference_sample()))
    elif command == "export":
        args = ("export", str(reference_sample()), "--pdf", str(tmp_path / "pm.pdf"))
    else:
        args = ("--help",)
    result, modules = imported_by(*args)
    assert result.returncode == 0, result.stderr[-2000:]
    assert {"pressdesk", "argparse"} <= modules  # the import list was read
    if command == "export":
        assert "reportlab" in modules
    assert "pressdesk.publish.proof" not in modules  # nor the approval proof's XML machinery
    assert sorted(modules.intersection(HEAVY)) == []


def test_publish_help_lists_its_options_without_loading_the_store(tmp_path: Path) -> None:
    result, modules = imported_by("publish", "--help")
    assert result.returncode == 0
    assert "--due" in result.stdout and "--out" in result.stdout and "--store" in result.stdout
    assert sorted(modules.intersection(HEAVY)) == []


def test_export_final_is_refused_and_points_to_publish(tmp_path: Path) -> None:
    pdf = tmp_path / "pm.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "pressdesk", "export", str(reference_sample()), "--final",
         "--pdf", str(pdf)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "„export --final“ gibt es nicht mehr" in result.stderr
    assert "pressdesk publish NR --out ORDNER" in result.stderr
    assert "Traceback" not in result.stderr
    assert not pdf.exists()


# What `pressdesk export --pdf` must not load (issue 12, point 8): validation reads the
# font's tables itself and checks plain e-mail addresses and URLs without these packages;
# the exporter escapes XML without xml.sax (which pulls in urllib, http.client and ssl).
NOT_FOR_A_PDF_EXPORT = (
    "fontTools",
    "email_validator",
    "idna",
    "rfc3986_validator",
    "jsonschema",
    "xml.sax",
    "urllib.request",
    "http.client",
    "ssl",
    "docx",
    "lxml",
)


def test_a_pdf_export_imports_only_what_it_needs(tmp_path: Path) -> None:
    pdf = tmp_path / "pm.pdf"
    result, modules = imported_by("export", str(reference_sample()), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "(2 Seiten)" in result.stdout and pdf.read_bytes().startswith(b"%PDF")
    assert {"reportlab", "pyphen", "pressdesk.validation"} <= modules
    # a valid draft passes the quick schema check: the schema engine is not even loaded
    assert "jsonschema_rs" not in modules
    assert sorted(modules.intersection(NOT_FOR_A_PDF_EXPORT + HEAVY)) == []


def test_a_broken_draft_still_gets_the_engines_german_messages(tmp_path: Path) -> None:
    import json

    data = json.loads(reference_sample().read_text(encoding="utf-8"))
    data["header"]["date"] = "2026-02-30"
    data["headline"] = ""
    broken = tmp_path / "kaputt.pressdesk"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "pm.pdf"
    result, modules = imported_by("export", str(broken), "--pdf", str(pdf))
    assert result.returncode == 1, result.stderr[-2000:]
    assert "jsonschema_rs" in modules
    assert "hat Fehler und wird nicht exportiert" in result.stderr
    assert "header.date: Datum: kein gültiges Datum" in result.stderr
    assert "headline: Überschrift: fehlt" in result.stderr
    assert not pdf.exists()


def test_the_command_line_knows_every_publishing_and_library_command() -> None:
    from pressdesk import cli
    from pressdesk.publish import cli as publish_cli
    from pressdesk.store import cli as store_cli

    assert cli.PUBLISH_COMMANDS == publish_cli.COMMANDS
    assert cli.STORE_COMMANDS == store_cli.STORE_COMMANDS


def test_an_export_loads_neither_the_publishing_nor_the_library_commands(tmp_path: Path) -> None:
    result, modules = imported_by(
        "export", str(reference_sample()), "--pdf", str(tmp_path / "a.pdf")
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "pressdesk.export.pdf.tagging" in modules
    assert not {"pressdesk.publish.cli", "pressdesk.store.cli"} & modules
