"""The website package: what lands in the folder, read back as a reader or a CMS sees it."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import html5lib
import pikepdf
import pytest

from pressdesk.export.pdf import render_pdf
from pressdesk.model import Draft
from pressdesk.profile import Profile
from pressdesk.publish import PublishError
from pressdesk.publish.package import (
    publish_due,
    publish_release,
    schedule_line,
    withdraw_release,
)
from pressdesk.publish.pdfua import matterhorn_failures, page_marks, text_in_structure_order
from pressdesk.publish.proof import read_proof
from pressdesk.publish.words import body_words, expected_words, missing_in_order, norm
from tests.test_export.pdfread import page_texts

from .conftest import APPROVERS, NOW, approve, files_in, sample

REFERENCE_STEM = (
    "2018-07-18-l-duisburg-staatssekretaerin-gueler-besucht-kommunales-integrationszentrum"
)
ATOM = "{http://www.w3.org/2005/Atom}"


def _structure_text(data: bytes) -> str:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return text_in_structure_order(pdf, data)


def _feed(site: Path) -> ET.Element:
    return ET.fromstring((site / "feed.xml").read_bytes())


def _index_links(site: Path) -> list[str]:
    doc = html5lib.parse((site / "index.html").read_bytes(), namespaceHTMLElements=False)
    return [a.get("href", "") for a in doc.iter("a")]


def test_reference_release_becomes_a_complete_website_package(
    site: Path, reference_draft: Draft, profile: Profile
) -> None:
    facts = approve(reference_draft, "L-Duisburg")
    result = publish_release(reference_draft, facts, site, now=NOW)

    assert result.stem == REFERENCE_STEM
    names = {p.name for p in site.iterdir()}
    assert {f"{REFERENCE_STEM}.{ext}" for ext in ("pdf", "docx", "html", "json")} <= names
    assert {"index.html", "feed.xml", "manifest.json"} <= names

    pdf = (site / f"{REFERENCE_STEM}.pdf").read_bytes()
    # the approved text, word for word, and nothing but it: the same text as a fresh
    # final export of the approved draft, with no draft mark on any page
    text = _structure_text(pdf)
    assert missing_in_order(text, expected_words(reference_draft, profile)) == []
    fresh = render_pdf(reference_draft, profile, final=True)
    assert norm(text) == norm(_structure_text(fresh))
    assert all("ENTWURF" not in m.artifact_text for m in page_marks(pdf))

    with zipfile.ZipFile(site / f"{REFERENCE_STEM}.docx") as docx:
        parts = {name: docx.read(name) for name in docx.namelist()}
    assert not [name for name, xml in parts.items() if b"ENTWURF" in xml]
    words = " ".join(ET.fromstring(parts["word/document.xml"]).itertext())
    assert missing_in_order(words, body_words(reference_draft, profile)) == []

    proof = read_proof(pdf)
    assert proof is not None
    assert proof.approvers == APPROVERS
    assert proof.content_hash == facts.content_hash
    assert proof.approved_at == "2026-11-28T16:30:00+01:00"
    assert proof.published_at == "2026-11-29T11:00:00+01:00"

    record = json.loads((site / f"{REFERENCE_STEM}.json").read_text("utf-8"))
    assert record["title"] == reference_draft.headline
    assert record["date"] == "2018-07-18"
    assert record["reference"] == "L-Duisburg"
    assert record["embargo"] is None
    assert record["approval"]["approvedBy"] == list(APPROVERS)
    for kind in ("pdf", "docx", "html"):
        entry = record["files"][kind]
        data = (site / entry["name"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()

    links = _index_links(site)
    assert f"{REFERENCE_STEM}.html" in links and f"{REFERENCE_STEM}.pdf" in links
    assert all((site / link).is_file() for link in links)
    entries = _feed(site).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [reference_draft.headline]


def test_embargoed_release_names_its_embargo_in_the_record(site: Path) -> None:
    draft = sample("sperrfrist-mit-liste-2026-03-12")
    publish_release(draft, approve(draft, "157"), site, now=NOW)
    stem = "2026-03-12-nr-157-2026-land-foerdert-120-neue-schulsozialarbeitsstellen-an-grundschulen"
    record = json.loads((site / f"{stem}.json").read_text("utf-8"))
    assert record["embargo"] == "2026-03-12T11:00:00+01:00"


def _refusal(site: Path, draft: Draft, facts_draft: Draft | None = None, **facts: object) -> str:
    base = approve(facts_draft or draft, "r1")
    with pytest.raises(PublishError) as caught:
        publish_release(draft, type(base)(**{**base.__dict__, **facts}), site, now=NOW)
    assert files_in(site) == {}, "a refusal must write nothing"
    return str(caught.value)


def test_refused_when_nobody_approved(site: Path, reference_draft: Draft) -> None:
    assert "nicht freigegeben" in _refusal(site, reference_draft, approvers=())


def test_refused_when_the_approval_was_voided(site: Path, reference_draft: Draft) -> None:
    voided = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    message = _refusal(site, reference_draft, voided_at=voided)
    assert "Freigabe wurde am 29.11.2026 um 09:00 Uhr aufgehoben" in message


def test_refused_when_the_text_changed_after_approval(site: Path, reference_draft: Draft) -> None:
    approved = copy.deepcopy(reference_draft)
    reference_draft.body[0].text += " Ein Satz, den niemand freigegeben hat."
    message = _refusal(site, reference_draft, facts_draft=approved)
    assert "stimmt nicht mehr mit der freigegebenen Fassung überein" in message


def test_refused_before_the_embargo_naming_the_time(site: Path) -> None:
    draft = sample("sperrfrist-mit-liste-2026-03-12")
    draft.header.date = draft.header.embargo.date = "2026-11-29"  # type: ignore[union-attr]
    draft.header.embargo.time = "11:30"  # type: ignore[union-attr]
    message = _refusal(site, draft)
    assert "Sperrfrist: 29.11.2026, 11:30\u00a0Uhr" in message
    assert "vorher wird nicht veröffentlicht" in message
    later = NOW + timedelta(minutes=30)
    assert publish_release(draft, approve(draft, "r1"), site, now=later).files


def test_refused_at_speech_start_unless_confirmed(site: Path) -> None:
    draft = sample("sperrfrist-mit-liste-2026-03-12")
    draft.header.embargo.at_speech_start = True  # type: ignore[union-attr]
    draft.header.embargo.time = ""  # type: ignore[union-attr]
    assert "Redebeginn" in _refusal(site, draft)
    result = publish_release(draft, approve(draft, "r1"), site, now=NOW, speech_started=True)
    assert result.files["pdf"].is_file()


def test_refused_when_the_draft_has_errors(site: Path, reference_draft: Draft) -> None:
    reference_draft.headline = ""
    assert "headline" in _refusal(site, reference_draft)


def test_refused_when_the_preflight_fails(
    site: Path, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exporter that left the draft mark on: the preflight stops it, nothing is written."""
    from pressdesk.export import pdf as pdf_export

    real = pdf_export.render

    def marked(draft: Draft, profile: Profile | None = None, final: bool = False,
               tagged: bool = True, notice: str = "") -> pdf_export.Rendered:  # fmt: skip
        return real(draft, profile, final=False, tagged=tagged, notice=notice)

    monkeypatch.setattr(pdf_export, "render", marked)
    message = _refusal(site, reference_draft)
    assert "Vorabprüfung ist fehlgeschlagen" in message
    assert "Markierung ENTWURF" in message


def test_publishing_the_same_version_again_writes_nothing(
    site: Path, reference_draft: Draft
) -> None:
    facts = approve(reference_draft, "L-Duisburg")
    publish_release(reference_draft, facts, site, now=NOW)
    before = files_in(site)
    again = publish_release(reference_draft, facts, site, now=NOW + timedelta(hours=1))
    assert again.unchanged
    assert files_in(site) == before


def test_due_publishes_exactly_the_releases_whose_embargo_passed(site: Path) -> None:
    plain = sample("kurzmeldung-2026-11-20")
    passed = sample("sperrfrist-mit-liste-2026-03-12")
    future = copy.deepcopy(passed)
    future.headline = "Land fördert 200 neue Stellen für Schulsozialarbeit an Grundschulen"
    future.header.date = future.header.embargo.date = "2026-11-30"  # type: ignore[union-attr]
    speech = copy.deepcopy(passed)
    speech.headline = "Rede der Ministerin zum Start der neuen Schulsozialarbeitsstellen"
    speech.header.embargo.at_speech_start = True  # type: ignore[union-attr]
    speech.header.embargo.time = ""  # type: ignore[union-attr]
    candidates = [
        (d, approve(d, rid))
        for d, rid in ((plain, "312"), (passed, "157"), (future, "158"), (speech, "159"))
    ]
    done, refused = publish_due(candidates, site, now=NOW)
    assert refused == []
    assert sorted(r.stem[:10] for r in done) == ["2026-03-12", "2026-11-20"]
    titles = [e.findtext(f"{ATOM}title") for e in _feed(site).findall(f"{ATOM}entry")]
    assert titles == [plain.headline, passed.headline]


def test_correction_keeps_the_name_archives_the_old_file_and_says_so(
    site: Path, reference_draft: Draft
) -> None:
    first = publish_release(reference_draft, approve(reference_draft, "L-Duisburg"), site, now=NOW)
    old_pdf = first.files["pdf"].read_bytes()
    assert "Korrektur" not in _flat(page_texts(old_pdf)[0])
    assert "Korrektur" not in _docx_text(first.files["docx"].read_bytes())

    corrected = copy.deepcopy(reference_draft)
    corrected.body[5].text = corrected.body[5].text.replace("alle", "alle 54")
    later = NOW + timedelta(days=1, hours=2)  # 30.11.2026, 13:00 in Berlin
    second = publish_release(corrected, approve(corrected, "L-Duisburg", "v2"), site, now=later)

    assert second.correction and second.stem == first.stem
    archived = list((site / "archiv").glob(f"{first.stem}--*.pdf"))
    assert [p.read_bytes() for p in archived] == [old_pdf]
    new_pdf = second.files["pdf"].read_bytes()
    assert "alle 54 Kommunalen" in " ".join(_structure_text(new_pdf).split())

    line = "Korrektur vom 30.11.2026, 13:00\u00a0Uhr"
    assert line in second.files["html"].read_text("utf-8")
    assert line in (site / "index.html").read_text("utf-8")
    entry = _feed(site).find(f"{ATOM}entry")
    assert entry is not None
    assert line in (entry.findtext(f"{ATOM}summary") or "")
    assert entry.findtext(f"{ATOM}updated") == "2026-11-30T13:00:00+01:00"
    assert entry.findtext(f"{ATOM}published") == "2026-11-29T11:00:00+01:00"
    proof = read_proof(new_pdf)
    assert proof is not None and proof.correction_of == "2026-11-29T11:00:00+01:00"

    # the same line, visible on page 1 of the PDF and the DOCX, above the headline
    seen = "Korrektur vom 30.11.2026, 13:00 Uhr"
    page_one = _flat(page_texts(new_pdf)[0])
    assert seen in page_one
    assert page_one.index(seen) < page_one.index(_flat(corrected.headline))
    tagged = " ".join(_structure_text(new_pdf).split())
    assert tagged.index(seen) < tagged.index(_flat(corrected.headline))
    assert matterhorn_failures(new_pdf) == []
    words = _docx_text(second.files["docx"].read_bytes())
    assert seen in words
    assert words.index(seen) < words.index(_flat(corrected.headline))


def _flat(text: str) -> str:
    """``text`` with every run of whitespace (no-break spaces too) as one space."""
    return " ".join(text.split())


def _docx_text(data: bytes) -> str:
    """The body paragraphs of a DOCX, as Word shows them, one space between paragraphs."""
    return _flat(" ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs))


def test_withdrawal_leaves_index_and_feed_but_not_the_history(site: Path) -> None:
    keep = sample("kurzmeldung-2026-11-20")
    gone = sample("sperrfrist-mit-liste-2026-03-12")
    publish_release(keep, approve(keep, "312"), site, now=NOW)
    result = publish_release(gone, approve(gone, "157"), site, now=NOW)
    assert f"{result.stem}.html" in _index_links(site)

    withdraw_release(site, "157", now=NOW + timedelta(hours=1))

    assert f"{result.stem}.html" not in _index_links(site)
    assert all((site / link).is_file() for link in _index_links(site))
    titles = [e.findtext(f"{ATOM}title") for e in _feed(site).findall(f"{ATOM}entry")]
    assert titles == [keep.headline]
    assert not result.files["pdf"].exists()
    assert list((site / "archiv").glob(f"{result.stem}--*.pdf"))
    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    withdrawn = [r for r in manifest["releases"] if r["release_id"] == "157"]
    assert withdrawn[0]["withdrawn_at"] == "2026-11-29T12:00:00+01:00"
    with pytest.raises(PublishError, match="bereits zurückgezogen"):
        withdraw_release(site, "157")


def test_an_unreadable_manifest_is_never_overwritten(site: Path, reference_draft: Draft) -> None:
    site.mkdir()
    (site / "manifest.json").write_text("kein JSON", "utf-8")
    with pytest.raises(PublishError, match="kein gültiges PressDesk-Veröffentlichungsverzeichnis"):
        publish_release(reference_draft, approve(reference_draft, "x"), site, now=NOW)
    assert files_in(site) == {"manifest.json": b"kein JSON"}


def test_the_app_can_say_when_a_release_goes_out() -> None:
    draft = sample("sperrfrist-mit-liste-2026-03-12")
    before = datetime(2026, 3, 12, 9, 59, tzinfo=UTC)  # 10:59 in Berlin
    assert schedule_line(draft, before) == "wird am 12.03.2026 um 11:00 Uhr veröffentlicht"
    assert schedule_line(draft, before + timedelta(minutes=1)) == ""
    draft.header.embargo.at_speech_start = True  # type: ignore[union-attr]
    assert schedule_line(draft, before) == "wird nach Redebeginn veröffentlicht"


def test_a_second_publication_into_a_busy_folder_is_refused(
    site: Path, reference_draft: Draft
) -> None:
    """While another process publishes into the folder, nothing is written, and it says so."""
    import fcntl
    import os

    keep = sample("kurzmeldung-2026-11-20")
    publish_release(keep, approve(keep, "312"), site, now=NOW)
    before = files_in(site)
    fd = os.open(site, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as the other process would
        with pytest.raises(PublishError, match="wird gerade veröffentlicht"):
            publish_release(reference_draft, approve(reference_draft, "x"), site, now=NOW)
        with pytest.raises(PublishError, match="wird gerade veröffentlicht"):
            withdraw_release(site, "312")
    finally:
        os.close(fd)
    assert files_in(site) == before
    assert publish_release(reference_draft, approve(reference_draft, "x"), site, now=NOW).files


def test_index_and_feed_are_written_last(
    site: Path, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When index.html and feed.xml are written, every file they link to is on disk."""
    from pressdesk.model import files
    from pressdesk.publish import package
    from pressdesk.publish import site as site_module

    order: list[str] = []
    seen_at_index: set[str] = set()
    real = files.write_user_file

    def spy(path: Path, data: bytes, error: type[Exception] = PublishError) -> None:
        order.append(Path(path).name)
        if Path(path).name == "index.html":
            seen_at_index.update(p.name for p in site.iterdir())
        real(path, data, error)

    monkeypatch.setattr(package, "write_user_file", spy)
    monkeypatch.setattr(site_module, "write_user_file", spy)
    publish_release(reference_draft, approve(reference_draft, "L-Duisburg"), site, now=NOW)
    assert order[-2:] == ["index.html", "feed.xml"]
    assert [n.rsplit(".", 1)[1] for n in order[:4]] == ["pdf", "docx", "html", "json"]
    assert {link for link in _index_links(site) if link != "feed.xml"} <= seen_at_index


def test_a_failed_write_leaves_index_feed_and_manifest_as_they_were(
    site: Path, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressdesk.model import files
    from pressdesk.publish import package

    keep = sample("kurzmeldung-2026-11-20")
    publish_release(keep, approve(keep, "312"), site, now=NOW)
    before = {n: (site / n).read_bytes() for n in ("index.html", "feed.xml", "manifest.json")}
    real = files.write_user_file

    def full_disk(path: Path, data: bytes, error: type[Exception] = PublishError) -> None:
        if str(path).endswith(".html"):
            raise error(f"„{path}“ konnte nicht gespeichert werden (No space left on device).")
        real(path, data, error)

    monkeypatch.setattr(package, "write_user_file", full_disk)
    with pytest.raises(PublishError, match="No space left"):
        publish_release(reference_draft, approve(reference_draft, "L-Duisburg"), site, now=NOW)
    assert {n: (site / n).read_bytes() for n in before} == before
