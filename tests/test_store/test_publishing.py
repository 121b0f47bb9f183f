"""Publishing from the review store: only the approved, unchanged version with an intact
history goes out, the store records it, and ``pressdesk verify`` asks the store.

Every test runs on SQLite and on the real PostgreSQL fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressdesk.model import Draft, Embargo
from pressdesk.profile import Profile
from pressdesk.publish import PublishError
from pressdesk.publish.proof import file_sha256, read_proof
from pressdesk.publish.site import Manifest
from pressdesk.store import WorkflowError
from pressdesk.store import publishing as store_publishing
from tests.test_publish.conftest import files_in
from tests.test_store.conftest import Library
from tests.test_store.helpers import raw_sql, reference, short
from tests.test_store.test_cli_store import pd

STEM = "2018-07-18-l-duisburg-staatssekretaerin-gueler-besucht-kommunales-integrationszentrum"


def _approved(lib: Library, draft: Draft | None = None) -> int:
    anna = lib.as_("anna")
    draft_id = anna.add(draft or reference())
    anna.submit(draft_id)
    lib.as_("ben").approve(draft_id)
    return draft_id


def _kinds(lib: Library, draft_id: int) -> list[str]:
    return [e.kind for e in lib.as_("anna").history(draft_id)]


def test_add_submit_approve_publish_verify(library: Library, tmp_path: Path) -> None:
    """The whole flow as people run it from the command line."""
    site = tmp_path / "website"
    added = pd(library, "anna", "library", "add", str(_write(reference(), tmp_path)))
    draft_id = added.stdout.splitlines()[-1]
    assert pd(library, "anna", "submit", draft_id).returncode == 0
    assert pd(library, "ben", "approve", draft_id).returncode == 0

    published = pd(library, "anna", "publish", draft_id, "--out", str(site))
    assert published.returncode == 0, published.stderr
    assert f"Entwurf {draft_id} veröffentlicht in" in published.stdout
    pdf = site / f"{STEM}.pdf"
    proof = read_proof(pdf.read_bytes())
    assert proof is not None
    assert proof.approvers == ("ben",)  # the approvers come from the store
    assert proof.release_id == f"pressdesk-{draft_id}"

    anna = library.as_("anna")
    detail = anna.show(int(draft_id))
    assert detail.summary.state_label == "Veröffentlicht"
    assert proof.content_hash == detail.content_hash  # the store's hash, not another one
    event = anna.history(int(draft_id))[-1]
    assert event.kind == "published"
    assert event.data["folder"] == str(site)
    on_disk = {k: file_sha256((site / f"{STEM}.{k}").read_bytes()) for k in event.data["files"]}
    assert {k: v["sha256"] for k, v in event.data["files"].items()} == on_disk
    assert sorted(on_disk) == ["docx", "html", "json", "pdf"]
    assert anna.check() == []

    verified = pd(library, "carla", "verify", str(pdf))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "freigegeben von ben, unverändert." in verified.stdout
    assert "Die Bibliothek bestätigt die Veröffentlichung" in verified.stdout

    changed = tmp_path / "geaendert.pdf"
    data = bytearray(pdf.read_bytes())
    at = data.index(b"/Author") + len(b"/Author (")
    data[at] ^= 0x20  # one byte: S -> s
    changed.write_bytes(bytes(data))
    rejected = pd(library, "carla", "verify", str(changed), "--folder", str(site))
    assert rejected.returncode == 1
    assert "nach der Veröffentlichung verändert" in rejected.stdout


def _write(draft: Draft, folder: Path) -> Path:
    from pressdesk.model import save_draft

    path = folder / "entwurf.pressdesk"
    save_draft(draft, path)
    return path


def _refused(lib: Library, draft_id: int, site: Path, kind: type[Exception]) -> str:
    """Publishing is refused with ``kind``; nothing is written to the folder or the store."""
    anna = lib.as_("anna")
    before = (anna.history(draft_id), anna.show(draft_id).summary.state)
    with pytest.raises(kind) as refused:
        store_publishing.publish(anna, draft_id, site)
    assert files_in(site) == {}
    assert (anna.history(draft_id), anna.show(draft_id).summary.state) == before
    return str(refused.value)


def test_refused_when_not_approved(library: Library, tmp_path: Path) -> None:
    anna = library.as_("anna")
    draft_id = anna.add(reference())
    anna.submit(draft_id)
    message = _refused(library, draft_id, tmp_path / "website", WorkflowError)
    assert f"Entwurf {draft_id} ist „In Prüfung“" in message
    assert "veröffentlicht wird nur eine freigegebene Fassung" in message


def test_refused_when_a_later_edit_voided_the_approval(library: Library, tmp_path: Path) -> None:
    draft_id = _approved(library)
    anna = library.as_("anna")
    draft = anna.get(draft_id)
    draft.body[0].text = draft.body[0].text.replace("22 Einrichtungen", "23 Einrichtungen")
    anna.update(draft_id, draft)
    message = _refused(library, draft_id, tmp_path / "website", WorkflowError)
    assert f"Entwurf {draft_id} ist „Entwurf“" in message
    assert "Die Freigabe von ben" in message
    assert "ist erloschen: anna hat den Text am" in message
    assert "geändert (Version 2)" in message


def test_refused_when_a_row_was_tampered_with(library: Library, tmp_path: Path) -> None:
    draft_id = _approved(library)
    raw_sql(
        library,
        "UPDATE versions SET content = replace(content, 'Duisburg', 'Dortmund') WHERE draft_id = ?",
        (draft_id,),
    )
    message = _refused(library, draft_id, tmp_path / "website", WorkflowError)
    assert "ist beschädigt, es wird nichts veröffentlicht" in message
    assert "der Text von Version 1 wurde verändert" in message


def test_refused_before_the_embargo(library: Library, tmp_path: Path) -> None:
    draft = reference()
    draft.header.embargo = Embargo("2099-03-12", "11:00")
    draft_id = _approved(library, draft)
    message = _refused(library, draft_id, tmp_path / "website", PublishError)
    assert "Sperrfrist: 12.03.2099, 11:00" in message
    assert "vorher wird nicht veröffentlicht" in message


def test_refused_when_the_preflight_fails(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exporter that left the ENTWURF mark on: the preflight stops it."""
    from pressdesk.export import pdf as pdf_export

    real = pdf_export.render

    def marked(draft: Draft, profile: Profile | None = None, final: bool = False,
               tagged: bool = True, notice: str = "") -> pdf_export.Rendered:  # fmt: skip
        return real(draft, profile, final=False, tagged=tagged, notice=notice)

    draft_id = _approved(library)
    monkeypatch.setattr(pdf_export, "render", marked)
    message = _refused(library, draft_id, tmp_path / "website", PublishError)
    assert "Vorabprüfung ist fehlgeschlagen" in message
    assert "Markierung ENTWURF" in message


def test_a_refusal_on_the_command_line_is_german_and_exit_one(
    library: Library, tmp_path: Path
) -> None:
    anna = library.as_("anna")
    draft_id = anna.add(reference())
    site = tmp_path / "website"
    refused = pd(library, "anna", "publish", str(draft_id), "--out", str(site))
    assert refused.returncode == 1
    assert "„Entwurf“; veröffentlicht wird nur eine freigegebene Fassung" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not site.exists()


def test_due_publishes_exactly_the_due_ones(library: Library, tmp_path: Path) -> None:
    site = tmp_path / "website"
    past = reference()
    past.header.embargo = Embargo("2018-07-18", "11:00")
    future = short()
    future.header.embargo = Embargo("2099-03-12", "11:00")
    due_id = _approved(library, past)
    later_id = _approved(library, future)
    unapproved_id = library.as_("anna").add(reference())

    ran = pd(library, "anna", "publish", "--due", "--out", str(site))
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert f"Entwurf {due_id} „{past.headline}“: veröffentlicht ({STEM})" in lines
    assert (
        f"Entwurf {later_id} „{future.headline}“: noch nicht fällig, "
        "wird am 12.03.2099 um 11:00 Uhr veröffentlicht"
    ) in lines
    assert not any(f"Entwurf {unapproved_id} " in line for line in lines)
    listed = [e.release_id for e in Manifest.load(site).listed()]
    assert listed == [f"pressdesk-{due_id}"]
    anna = library.as_("anna")
    states = {i: anna.show(i).summary.state_label for i in (due_id, later_id, unapproved_id)}
    assert states == {due_id: "Veröffentlicht", later_id: "Freigegeben", unapproved_id: "Entwurf"}

    again = pd(library, "anna", "publish", "--due", "--out", str(site))
    assert again.returncode == 0
    assert f"Entwurf {due_id} " not in again.stdout  # published ones are not candidates


def test_verify_reports_an_approval_voided_after_publishing(
    library: Library, tmp_path: Path
) -> None:
    site = tmp_path / "website"
    draft_id = _approved(library)
    anna = library.as_("anna")
    result = store_publishing.publish(anna, draft_id, site)
    draft = anna.get(draft_id)
    draft.headline += " und dankt"
    anna.update(draft_id, draft)
    verified = pd(library, "carla", "verify", str(result.files["pdf"]))
    assert verified.returncode == 1
    assert "die Freigabe ist erloschen: anna hat den Text am" in verified.stdout
    assert "(Version 2)" in verified.stdout


def test_verify_names_a_file_the_store_never_published(library: Library, tmp_path: Path) -> None:
    """A folder published past the store (facts made up by hand) is not confirmed."""
    from datetime import UTC, datetime

    from pressdesk.publish import ApprovalFacts
    from pressdesk.publish.package import publish_release

    draft = reference()
    facts = ApprovalFacts(
        "pressdesk-1", "pressdesk-1-v1", ("ben",), datetime(2026, 11, 28, tzinfo=UTC),
        store_publishing.store_hash(draft),
    )  # fmt: skip
    site = tmp_path / "website"
    result = publish_release(draft, facts, site, hasher=store_publishing.store_hash)
    library.as_("anna").add(draft)  # draft 1 exists, but was never published
    verified = pd(library, "carla", "verify", str(result.files["pdf"]))
    assert verified.returncode == 1
    assert "laut Bibliothek wurde diese Datei nie veröffentlicht" in verified.stdout


def test_correction_and_withdrawal_are_recorded(library: Library, tmp_path: Path) -> None:
    site = tmp_path / "website"
    draft_id = _approved(library)
    anna, ben = library.as_("anna"), library.as_("ben")
    first = store_publishing.publish(anna, draft_id, site)
    old_pdf = first.files["pdf"].read_bytes()

    draft = anna.get(draft_id)
    draft.body[0].text = draft.body[0].text.replace("22 Einrichtungen", "23 Einrichtungen")
    anna.update(draft_id, draft)
    anna.submit(draft_id)
    ben.approve(draft_id)
    second = store_publishing.publish(anna, draft_id, site)
    assert second.correction
    assert second.stem == first.stem == STEM
    assert "Korrektur vom" in second.files["html"].read_text(encoding="utf-8")
    archived = [p for p in (site / "archiv").iterdir() if p.suffix == ".pdf"]
    assert [p.read_bytes() for p in archived] == [old_pdf]

    withdrawn = pd(library, "anna", "withdraw", str(draft_id), "--out", str(site))
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert "Zurückgezogen:" in withdrawn.stdout
    assert STEM not in (site / "index.html").read_text(encoding="utf-8")
    assert STEM not in (site / "feed.xml").read_text(encoding="utf-8")
    assert not (site / f"{STEM}.pdf").exists()
    kinds = _kinds(library, draft_id)
    assert kinds[-1] == "withdrawn"
    assert kinds.count("published") == 2 and kinds.count("approved") == 2  # history kept
    assert anna.show(draft_id).summary.state_label == "Zurückgezogen"
    assert anna.check() == []
    record = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert record["releases"][0]["withdrawn_at"]

    again = pd(library, "anna", "publish", str(draft_id), "--out", str(site))
    assert again.returncode == 1
    assert "„Zurückgezogen“" in again.stderr


def test_a_publication_the_store_failed_to_record_is_recorded_on_the_next_run(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are out but the database went away before the commit: running the command
    again writes nothing new and records what is on the website."""
    site = tmp_path / "website"
    draft_id = _approved(library)
    anna = library.as_("anna")

    def database_gone(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Verbindung verloren")

    monkeypatch.setattr(anna, "_finish", database_gone)
    with pytest.raises(RuntimeError):
        store_publishing.publish(anna, draft_id, site)
    monkeypatch.undo()
    out = files_in(site)
    assert f"{STEM}.pdf" in out
    assert _kinds(library, draft_id)[-1] == "approved"  # nothing recorded

    result = store_publishing.publish(anna, draft_id, site)
    assert result.unchanged
    assert files_in(site) == out
    event = anna.history(draft_id)[-1]
    assert event.kind == "published"
    assert event.data["files"]["pdf"]["sha256"] == file_sha256(out[f"{STEM}.pdf"])
    assert anna.show(draft_id).summary.state_label == "Veröffentlicht"


def test_speech_start_embargo_needs_a_persons_word(library: Library, tmp_path: Path) -> None:
    """„Sperrfrist: Redebeginn“: the timer never publishes it, a person confirms the speech."""
    site = tmp_path / "website"
    draft = reference()
    draft.header.embargo = Embargo("2018-07-18", "", at_speech_start=True)
    draft_id = _approved(library, draft)
    anna = library.as_("anna")
    report = store_publishing.publish_due(anna, site)
    assert report.published == [] and report.refused == []
    assert report.not_due == [(draft_id, draft.headline, "wird nach Redebeginn veröffentlicht")]
    message = _refused(library, draft_id, site, PublishError)
    assert "erst nach Beginn der Rede" in message

    confirmed = pd(
        library, "anna", "publish", str(draft_id), "--out", str(site), "--speech-started"
    )
    assert confirmed.returncode == 0, confirmed.stderr
    assert anna.show(draft_id).summary.state_label == "Veröffentlicht"


def test_approval_facts_come_from_the_store(library: Library, tmp_path: Path) -> None:
    """Co-signing: publishing waits for every named reviewer; the PDF names them all, with
    the time of the last approval as the store recorded it."""
    from datetime import UTC, datetime

    site = tmp_path / "website"
    anna, ben, carla = library.as_("anna"), library.as_("ben"), library.as_("carla")
    draft_id = anna.add(reference())
    anna.submit(draft_id, ["ben", "carla"])
    ben.approve(draft_id)
    message = _refused(library, draft_id, site, WorkflowError)
    assert "„In Prüfung“" in message
    carla.approve(draft_id)
    result = store_publishing.publish(anna, draft_id, site)
    proof = read_proof(result.files["pdf"].read_bytes())
    assert proof is not None
    assert proof.approvers == ("ben", "carla")
    last = anna.show(draft_id).reviews[-1]
    assert last.reviewer == "carla"
    stored = datetime.strptime(last.created_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert datetime.fromisoformat(proof.approved_at) == stored.replace(microsecond=0)
    verified = pd(library, "dora", "verify", str(result.files["pdf"]))
    assert "freigegeben von ben und carla, unverändert." in verified.stdout
