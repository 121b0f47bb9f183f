"""``pressdesk library|submit|approve|return|comment|store`` as a script runs them:
German output, exit codes 0 done, 1 refused by the workflow, 2 could not run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pressdesk.model import load_draft, save_draft
from pressdesk.paths import reference_sample
from tests.conftest import REPO
from tests.test_store.conftest import Library
from tests.test_store.helpers import raw_sql


def pd(lib: Library, user: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressdesk", *args],
        capture_output=True, text=True, env=lib.env_for(user), cwd=REPO, check=False,
    )  # fmt: skip


def test_the_workflow_from_the_command_line(library: Library, tmp_path: Path) -> None:
    added = pd(library, "anna", "library", "add", str(reference_sample()))
    assert added.returncode == 0, added.stderr
    draft_id = added.stdout.splitlines()[-1]
    assert draft_id == "1"

    assert pd(library, "anna", "library", "show", draft_id).stdout.splitlines()[0] == "Entwurf"
    submitted = pd(library, "anna", "submit", draft_id, "--due", "30.11.2026 14:00")
    assert submitted.returncode == 0
    assert "In Prüfung" in submitted.stdout
    commented = pd(library, "carla", "comment", draft_id, "--field", "header.date", "Datum?")
    assert commented.returncode == 0, commented.stderr

    own = pd(library, "anna", "approve", draft_id)
    assert own.returncode == 1
    assert "nicht als Prüferin oder Prüfer" in own.stderr
    assert "Traceback" not in own.stderr
    approved = pd(library, "ben", "approve", draft_id, "--comment", "Passt.")
    assert approved.returncode == 0, approved.stderr
    show = pd(library, "anna", "library", "show", draft_id).stdout.splitlines()
    assert show[0] == "Freigegeben"
    assert "Freigabe bis 30.11.2026 14:00" in show
    assert any(line.startswith("  ben\tfreigegeben\tVersion 1") for line in show)
    assert any("carla" in line and "zu header.date „2018-07-18“: Datum?" in line for line in show)

    out = tmp_path / "aus-der-bibliothek.pressdesk"
    got = pd(library, "anna", "library", "get", draft_id, "-o", str(out))
    assert got.returncode == 0
    assert load_draft(out) == load_draft(reference_sample())

    draft = load_draft(out)
    draft.header.date = "2018-07-19"
    save_draft(draft, out)
    first = pd(library, "ben", "library", "update", draft_id, str(out), "--base", "1")
    assert first.returncode == 0
    assert "Version 2 gespeichert (Text geändert); Status: Entwurf." in first.stdout
    stale = pd(library, "anna", "library", "update", draft_id, str(out), "--base", "1")
    assert stale.returncode == 1
    assert "wurde inzwischen von ben gespeichert" in stale.stderr
    assert "als Version 3 (Konflikt) aufbewahrt" in stale.stderr

    diff = pd(library, "anna", "library", "diff", draft_id, "1", "2")
    assert diff.stdout.splitlines() == ["header.date: [-2018-07-18-]{+2018-07-19+}"]
    history = pd(library, "anna", "library", "history", draft_id).stdout.splitlines()
    assert [line.split("\t")[3] for line in history] == [
        "angelegt Version 1", "zur Prüfung gegeben Version 1", "Kommentar Version 1",
        "freigegeben Version 1 „Passt.“", "neue Version Version 2", "Konfliktversion Version 3",
    ]  # fmt: skip
    listed = pd(library, "anna", "library", "list", "--state", "Entwurf", "--search", "Duisburg")
    assert listed.stdout.splitlines()[0].split("\t")[:3] == [draft_id, "Entwurf", "V2"]
    checked = pd(library, "anna", "library", "check")
    assert (checked.returncode, checked.stdout.strip()) == (
        0,
        "Bibliothek in Ordnung: 1 Entwürfe, Hash-Kette geprüft.",
    )


def test_return_needs_a_reason_and_a_missing_draft_cannot_run(library: Library) -> None:
    pd(library, "anna", "library", "add", str(reference_sample()))
    no_reason = pd(library, "ben", "return", "1")
    assert no_reason.returncode == 2
    assert "--comment" in no_reason.stderr
    missing = pd(library, "ben", "library", "show", "99")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "pressdesk: Einen Entwurf 99 gibt es in der Bibliothek nicht."


def test_library_check_fails_on_a_tampered_store(library: Library) -> None:
    pd(library, "anna", "library", "add", str(reference_sample()))
    raw_sql(library, "UPDATE versions SET content = replace(content, 'Güler', 'Gühler')")
    checked = pd(library, "anna", "library", "check")
    assert checked.returncode == 1
    assert "Entwurf 1: der Text von Version 1 wurde verändert." in checked.stdout
    assert "Historie der Bibliothek ist beschädigt" in checked.stderr


def test_store_user_and_upgrade_on_sqlite(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'b.sqlite'}"
    lib = Library("sqlite", store)
    upgraded = pd(lib, "anna", "store", "upgrade")
    assert upgraded.returncode == 0
    assert upgraded.stdout.strip().endswith("Schema (neu) → 0003.")
    assert pd(lib, "anna", "store", "upgrade").stdout.strip().endswith("Schema 0003 ist aktuell.")
    made = pd(lib, "anna", "store", "user", "ben", "--role", "reviewer")
    assert (made.returncode, made.stdout.strip()) == (0, "ben: Prüferin/Prüfer.")
    bad = pd(lib, "anna", "store", "user", "ben; DROP", "--role", "reviewer")
    assert bad.returncode == 2
    assert "kein gültiger Benutzername" in bad.stderr


def test_an_unreachable_store_cannot_run(tmp_path: Path) -> None:
    lib = Library("postgresql", f"postgresql://anna@/nix?host={tmp_path}")
    result = pd(lib, "anna", "library", "list")
    assert result.returncode == 2
    assert result.stderr.startswith("pressdesk: Keine Verbindung zur Bibliothek")
    assert "Traceback" not in result.stderr


def test_the_store_commands_do_not_load_qt(library: Library) -> None:
    code = (
        "import sys; from pressdesk.cli import main; rc = main(['library', 'list']); "
        "assert 'PySide6' not in sys.modules, 'Qt geladen'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=library.env_for("anna"), capture_output=True,
        text=True, check=False, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
