"""``pressdesk verify``: the published file is confirmed, anything else is named."""

from __future__ import annotations

import copy
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pressdesk.cli import main
from pressdesk.export.pdf import export_pdf
from pressdesk.model import Draft
from pressdesk.profile import Profile
from pressdesk.publish.package import PublishResult, publish_release, withdraw_release
from pressdesk.publish.proof import Proof
from pressdesk.publish.verify import verify_pdf

from .conftest import NOW, approve


@pytest.fixture
def published(site: Path, reference_draft: Draft) -> PublishResult:
    return publish_release(reference_draft, approve(reference_draft, "L-Duisburg"), site, now=NOW)


def test_the_published_file_is_confirmed_with_names_and_time(published: PublishResult) -> None:
    verdict = verify_pdf(published.files["pdf"])
    assert verdict.ok
    assert verdict.message.endswith(
        "veröffentlicht am 29.11.2026 um 11:00 Uhr, "
        "freigegeben von Anna Prüfer und Bernd Zweitleser, unverändert."
    )


def test_one_changed_byte_is_named(published: PublishResult, tmp_path: Path) -> None:
    path = published.files["pdf"]
    data = bytearray(path.read_bytes())
    at = data.index(b"/Author") + len(b"/Author (")  # a letter of the author in the info dict
    data[at] ^= 0x20  # S -> s
    path.write_bytes(bytes(data))
    verdict = verify_pdf(path)
    assert not verdict.ok
    assert "nach der Veröffentlichung verändert" in verdict.message
    assert "freigegeben von Anna Prüfer und Bernd Zweitleser" in verdict.message


def test_a_pdf_that_was_never_published_is_named(
    tmp_path: Path, reference_draft: Draft, profile: Profile
) -> None:
    path = tmp_path / "export.pdf"
    export_pdf(reference_draft, path, profile, final=True)
    verdict = verify_pdf(path)
    assert not verdict.ok
    assert "nie veröffentlicht" in verdict.message


def test_a_copy_elsewhere_is_checked_against_the_named_folder(
    published: PublishResult, tmp_path: Path
) -> None:
    copy_path = tmp_path / "heruntergeladen.pdf"
    shutil.copy(published.files["pdf"], copy_path)
    assert "kein Veröffentlichungsordner" in verify_pdf(copy_path).message
    assert verify_pdf(copy_path, published.folder).ok


def test_a_replaced_and_a_withdrawn_file_are_named(
    published: PublishResult, reference_draft: Draft, tmp_path: Path
) -> None:
    old = tmp_path / "alt.pdf"
    shutil.copy(published.files["pdf"], old)
    corrected = copy.deepcopy(reference_draft)
    corrected.body[5].text += " Der nächste Besuch folgt im Herbst."
    later = NOW + timedelta(days=1)
    publish_release(corrected, approve(corrected, "L-Duisburg", "v2"), published.folder, now=later)
    message = verify_pdf(old, published.folder).message
    assert "durch die Korrektur vom 30.11.2026 um 11:00 Uhr ersetzt" in message

    current = tmp_path / "aktuell.pdf"
    shutil.copy(published.files["pdf"], current)
    assert verify_pdf(current, published.folder).ok
    withdraw_release(published.folder, "L-Duisburg", now=later + timedelta(hours=1))
    verdict = verify_pdf(current, published.folder)
    assert not verdict.ok
    assert "am 30.11.2026 um 12:00 Uhr zurückgezogen" in verdict.message


def test_the_store_can_name_a_voided_approval(published: PublishResult) -> None:
    def voided(proof: Proof) -> str:
        return f"die Freigabe von Fassung {proof.version_id} wurde aufgehoben."

    verdict = verify_pdf(published.files["pdf"], approval_check=voided)
    assert not verdict.ok
    assert verdict.message.endswith("die Freigabe von Fassung v1 wurde aufgehoben.")


def test_verify_command_exit_codes(
    published: PublishResult, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(published.files["pdf"])]) == 0
    assert "unverändert" in capsys.readouterr().out
    other = tmp_path / "fremd.pdf"
    other.write_bytes(b"%PDF-1.7\nkein echtes PDF\n")
    assert main(["verify", str(other)]) == 1
    assert "nie veröffentlicht" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "fehlt.pdf")]) == 2
    assert "gibt es nicht" in capsys.readouterr().err


def test_approval_time_is_shown_in_berlin_time(site: Path, reference_draft: Draft) -> None:
    winter = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # 16.01. 00:30 in Berlin
    result = publish_release(reference_draft, approve(reference_draft, "x"), site, now=winter)
    assert "veröffentlicht am 16.01.2026 um 00:30 Uhr" in verify_pdf(result.files["pdf"]).message
