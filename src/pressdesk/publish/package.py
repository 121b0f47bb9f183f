"""The website package: one approved release in, PDF, DOCX, HTML, JSON, index and feed out.

Order of work, so that a refusal writes nothing and a reader never sees a link to a
file that is not there yet:

1. gates: approved (approvers named, approval not voided), the text is still the
   approved text (content hash), no errors, the embargo has passed;
2. render everything in memory: the final PDF (no ENTWURF, tagged) with the approval
   proof in its XMP, the DOCX, the HTML page, the JSON record;
3. preflight the PDF and the HTML (:mod:`.preflight`);
4. write, each file atomically: (for a correction: the old files into ``archiv/``),
   PDF, DOCX, HTML, JSON record, manifest, and last ``index.html`` and ``feed.xml``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pressdesk import __version__
from pressdesk.export import ExportError, content
from pressdesk.model.draft import Draft
from pressdesk.model.files import write_user_file
from pressdesk.profile.profile import Profile, load_profile
from pressdesk.publish.clock import berlin, embargo_moment, iso, now_utc
from pressdesk.publish.errors import PublishError
from pressdesk.publish.names import release_stem, unique_stem
from pressdesk.publish.proof import ApprovalFacts, Proof, content_hash, file_sha256
from pressdesk.publish.site import (
    ARCHIVE,
    ArchivedFile,
    Entry,
    FileRecord,
    Manifest,
    SiteInfo,
    folder_lock,
    write_index_and_feed,
)

KINDS = ("pdf", "docx", "html", "json")


@dataclass(frozen=True)
class PublishResult:
    stem: str
    folder: Path
    files: dict[str, Path]
    correction: bool = False
    unchanged: bool = False  # this version was published already; nothing was written


def gate_reasons(
    draft: Draft,
    facts: ApprovalFacts,
    profile: Profile,
    now: datetime,
    hasher: Callable[[Draft], str] = content_hash,
    speech_started: bool = False,
) -> list[str]:
    """German reasons why this version may not be published now (empty: it may)."""
    from pressdesk.validation import validate

    reasons = []
    if not [n for n in facts.approvers if n.strip()]:
        reasons.append("Die Fassung ist nicht freigegeben.")
    if facts.voided_at is not None:
        reasons.append(f"Die Freigabe wurde am {_when(facts.voided_at)} aufgehoben.")
    if hasher(draft) != facts.content_hash:
        reasons.append(
            "Der Text stimmt nicht mehr mit der freigegebenen Fassung überein "
            "(Prüfsumme weicht ab)."
        )
    errors = [p for p in validate(draft, profile) if p.is_error]
    reasons += [f"{p.path}: {p.message}" for p in errors]
    e = draft.header.embargo
    moment = embargo_moment(draft)
    if moment is not None and now < moment:
        reasons.append(
            f"{content.embargo_line(draft, profile)} – vorher wird nicht veröffentlicht."
        )
    elif e is not None and e.at_speech_start and not speech_started:
        reasons.append(
            f"{content.embargo_line(draft, profile)} – erst nach Beginn der Rede "
            "veröffentlichen (ausdrücklich bestätigen)."
        )
    return reasons


def _when(moment: datetime) -> str:
    local = berlin(moment)
    return f"{local:%d.%m.%Y} um {local:%H:%M} Uhr"


def is_due(draft: Draft, now: datetime) -> bool:
    """True if the embargo (if any, and not 'Redebeginn') has passed at ``now``."""
    e = draft.header.embargo
    if e is not None and e.at_speech_start:
        return False
    moment = embargo_moment(draft)
    return moment is None or now >= moment


def schedule_line(draft: Draft, now: datetime | None = None) -> str:
    """For the app: 'wird am 12.03.2026 um 11:00 Uhr veröffentlicht' while the embargo runs,
    'wird nach Redebeginn veröffentlicht' for a speech, '' when it may go out now."""
    e = draft.header.embargo
    if e is not None and e.at_speech_start:
        return "wird nach Redebeginn veröffentlicht"
    moment = embargo_moment(draft)
    if moment is None or (now or now_utc()) >= moment:
        return ""
    return f"wird am {_when(moment)} veröffentlicht"


def correction_line(moment: datetime) -> str:
    """'Korrektur vom 19.07.2018, 14:30 Uhr' (Berlin time): on the page, in the PDF and DOCX."""
    local = berlin(moment)
    return f"Korrektur vom {local:%d.%m.%Y}, {local:%H:%M}\u00a0Uhr"


def publish_release(
    draft: Draft,
    facts: ApprovalFacts,
    folder: str | Path,
    *,
    profile: Profile | None = None,
    now: datetime | None = None,
    hasher: Callable[[Draft], str] = content_hash,
    speech_started: bool = False,
    site: SiteInfo | None = None,
) -> PublishResult:
    """Publish the approved ``draft`` into ``folder``; see the module text for the order.

    Raises :class:`PublishError` (German reasons) before writing anything when a gate
    or the preflight refuses. Publishing the same version again writes nothing.
    """
    folder = Path(folder)
    profile = profile or load_profile()
    now = now or now_utc()
    title = content.draft_title(draft)
    reasons = gate_reasons(draft, facts, profile, now, hasher, speech_started)
    if reasons:
        raise PublishError(f"„{title}“ wird nicht veröffentlicht:", reasons)
    with folder_lock(folder):
        return _publish(draft, facts, folder, profile, now, site or SiteInfo())


def _publish(
    draft: Draft, facts: ApprovalFacts, folder: Path, profile: Profile, now: datetime,
    site: SiteInfo,
) -> PublishResult:  # fmt: skip
    """Render, preflight and write; the gates have passed and the folder is locked."""
    from pressdesk.export.docx import render_docx
    from pressdesk.export.pdf import render
    from pressdesk.publish.htmlpage import PageLink, render_html
    from pressdesk.publish.preflight import preflight_html, preflight_pdf
    from pressdesk.publish.proof import add_proof

    title = content.draft_title(draft)
    manifest = Manifest.load(folder)
    old = manifest.find(facts.release_id)
    if old and old.version_id == facts.version_id and not old.withdrawn_at:
        files = {k: folder / f.name for k, f in old.files.items()}
        return PublishResult(old.stem, folder, files, unchanged=True)
    stem = old.stem if old else unique_stem(release_stem(draft), manifest.stems())
    names = {k: f"{stem}.{k}" for k in KINDS}
    published_at = iso(now)
    correction = old is not None
    line = correction_line(now) if correction else ""

    proof = Proof(
        release_id=facts.release_id,
        version_id=facts.version_id,
        approvers=tuple(facts.approvers),
        approved_at=iso(facts.approved_at),
        content_hash=facts.content_hash,
        published_at=published_at,
        pressdesk_version=__version__,
        correction_of=old.published_at if old else "",
    )
    try:
        rendered = render(draft, profile, final=True, tagged=True, notice=line)
        pdf = add_proof(rendered.data, proof)
        docx = render_docx(draft, profile, final=True, notice=line)
    except ExportError as exc:
        raise PublishError(f"„{title}“ wird nicht veröffentlicht:", [str(exc)]) from None
    pages = f"{rendered.pages} Seite{'n' if rendered.pages != 1 else ''}"
    downloads = [
        PageLink(f"PDF, barrierefrei, {pages}: {title}", names["pdf"]),
        PageLink(f"Word-Datei (DOCX): {title}", names["docx"]),
    ]
    html = render_html(draft, profile, line, downloads)
    reasons = preflight_pdf(pdf, draft, profile) + preflight_html(html, draft, profile)
    if reasons:
        raise PublishError(
            f"„{title}“ wird nicht veröffentlicht, die Vorabprüfung ist fehlgeschlagen:", reasons
        )

    data = {"pdf": pdf, "docx": docx, "html": html}
    records = {k: FileRecord(names[k], file_sha256(v), len(v)) for k, v in data.items()}
    entry = Entry(
        release_id=facts.release_id,
        stem=stem,
        title=title,
        subtitle=draft.subheadline.strip(),
        kind=draft.header.kind,
        reference=draft.header.reference.strip(),
        date=draft.header.date,
        embargo=_embargo_iso(draft),
        version_id=facts.version_id,
        content_hash=facts.content_hash,
        approvers=list(proof.approvers),
        approved_at=proof.approved_at,
        published_at=old.published_at if old else published_at,
        updated_at=published_at,
        corrections=[*old.corrections, published_at] if old else [],
        files={},
        archive=list(old.archive) if old else [],
    )
    data["json"] = cms_record(entry, records, draft, profile)
    records["json"] = FileRecord(names["json"], file_sha256(data["json"]), len(data["json"]))
    entry.files = records

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"Der Ordner „{folder}“ kann nicht angelegt werden: {exc.strerror}."
        raise PublishError(msg) from None
    if old:
        entry.archive += archive_files(folder, old, "Korrektur", published_at, remove=False)
    for kind in KINDS:
        write_user_file(folder / names[kind], data[kind], PublishError)
    manifest.entries = [e for e in manifest.entries if e.release_id != facts.release_id]
    manifest.entries.append(entry)
    manifest.save()
    write_index_and_feed(manifest, site, published_at)
    files = {k: folder / names[k] for k in KINDS}
    return PublishResult(stem, folder, files, correction=correction)


def _embargo_iso(draft: Draft) -> str:
    e = draft.header.embargo
    if e is None:
        return ""
    if e.at_speech_start:
        return "Redebeginn"
    moment = embargo_moment(draft)
    return iso(moment) if moment else ""


def cms_record(
    entry: Entry, files: dict[str, FileRecord], draft: Draft, profile: Profile | None = None
) -> bytes:
    """The JSON record for a CMS import: title, date, reference, embargo, the body
    (per block its text and its HTML with bold, italic and links), files, hashes."""
    from pressdesk.publish.htmlpage import cms_blocks

    record = {
        "title": entry.title,
        "subtitle": entry.subtitle,
        "kind": entry.kind,
        "reference": entry.reference,
        "date": entry.date,
        "embargo": entry.embargo or None,
        "publisher": draft.press_office.organisation,
        "body": cms_blocks(draft, profile),
        "publishedAt": entry.published_at,
        "updatedAt": entry.updated_at,
        "corrections": entry.corrections,
        "approval": {
            "approvedBy": entry.approvers,
            "approvedAt": entry.approved_at,
            "contentHash": entry.content_hash,
            "versionId": entry.version_id,
        },
        "files": {
            k: {"name": f.name, "sha256": f.sha256, "bytes": f.bytes} for k, f in files.items()
        },
        "pressdeskVersion": __version__,
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def archive_files(
    folder: Path, entry: Entry, reason: str, when: str, *, remove: bool
) -> list[ArchivedFile]:
    """Copy the release's current files into ``archiv/`` (and remove them if ``remove``)."""
    stamp = when.replace(":", "").replace("-", "")[:15]
    out = []
    archive = folder / ARCHIVE
    try:
        archive.mkdir(exist_ok=True)
    except OSError as exc:
        msg = f"Der Ordner „{archive}“ kann nicht angelegt werden: {exc.strerror}."
        raise PublishError(msg) from None
    for kind, rec in entry.files.items():
        source = folder / rec.name
        try:
            data = source.read_bytes()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise PublishError(f"„{source}“ kann nicht gelesen werden: {exc.strerror}.") from None
        name = f"{ARCHIVE}/{entry.stem}--{stamp}.{kind}"
        write_user_file(folder / name, data, PublishError)
        out.append(
            ArchivedFile(
                name=name,
                original=rec.name,
                sha256=file_sha256(data),
                version_id=entry.version_id,
                content_hash=entry.content_hash,
                published_at=entry.updated_at,
                archived_at=when,
                reason=reason,
            )
        )
    if remove:
        for rec in entry.files.values():
            (folder / rec.name).unlink(missing_ok=True)
    return out


def withdraw_release(
    folder: str | Path, name: str, *, now: datetime | None = None, site: SiteInfo | None = None
) -> Entry:
    """Take a release off the website: its files move to ``archiv/``, index and feed drop it.

    The manifest keeps the release with its history and the time of withdrawal.
    """
    folder = Path(folder)
    with folder_lock(folder):
        manifest = Manifest.load(folder)
        entry = manifest.find_name(name)
        if entry is None:
            raise PublishError(f"In „{folder}“ ist keine Veröffentlichung „{name}“ verzeichnet.")
        if entry.withdrawn_at:
            raise PublishError(f"„{entry.title}“ wurde bereits zurückgezogen.")
        when = iso(now or now_utc())
        entry.archive += archive_files(folder, entry, "Zurückgezogen", when, remove=True)
        entry.withdrawn_at = when
        manifest.save()
        write_index_and_feed(manifest, site or SiteInfo(), when)
    return entry


def publish_due(
    candidates: Iterable[tuple[Draft, ApprovalFacts]],
    folder: str | Path,
    *,
    now: datetime | None = None,
    profile: Profile | None = None,
    hasher: Callable[[Draft], str] = content_hash,
    site: SiteInfo | None = None,
) -> tuple[list[PublishResult], list[tuple[str, PublishError]]]:
    """Publish every candidate whose embargo has passed (for ``pressdesk publish --due``).

    Not yet due ones are skipped silently; refusals are collected, not raised, so that
    one bad release does not stop the others. Returns (published, refused with title).
    """
    now = now or now_utc()
    done: list[PublishResult] = []
    refused: list[tuple[str, PublishError]] = []
    for draft, facts in candidates:
        if not is_due(draft, now):
            continue
        try:
            done.append(
                publish_release(
                    draft, facts, folder, profile=profile, now=now, hasher=hasher, site=site
                )
            )
        except PublishError as exc:
            refused.append((content.draft_title(draft), exc))
    return done, refused
