"""Preflight: the checks a release must pass before anything is published.

PDF: the PDF/UA machine checks (:mod:`.pdfua`, fonts embedded with ToUnicode
among them), complete metadata (document info and XMP), no ENTWURF mark, and every
word of the approved text present in reading order, every link in the approved
running text (a link mark of a paragraph or quote) present as a link annotation with
the same address. HTML: it parses as HTML5
(html5lib) without errors, has ``lang="de"``, exactly one ``h1``, a title, no script,
links with text, and every word of the approved text in order.

Each function returns German sentences, one per failure (empty: passed). A file that
is not a PDF at all raises :class:`PublishError`.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pressdesk.export import content
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile
from pressdesk.publish.errors import PublishError
from pressdesk.publish.words import body_words, expected_words, missing_in_order, missing_nearby

SHOW_MISSING = 5

_DOCINFO = {
    "/Title": "Titel",
    "/Author": "Autor",
    "/Subject": "Thema",
    "/Keywords": "Stichwörter",
    "/Creator": "Anwendung",
}
_XMP = {"dc:title": "Titel", "dc:creator": "Autor", "dc:description": "Beschreibung"}


def _missing(where: str, text: str, words: list[str]) -> list[str]:
    """A German sentence naming the words of ``words`` missing in ``text`` (or none)."""
    if not missing_in_order(text, words):
        return []
    missing = missing_nearby(text, words) or missing_in_order(text, words)
    shown = ", ".join(f"„{w}“" for w in missing[:SHOW_MISSING])
    more = f" und {len(missing) - SHOW_MISSING} weitere" if len(missing) > SHOW_MISSING else ""
    return [
        f"{where}: {len(missing)} Wörter des freigegebenen Textes fehlen oder stehen "
        f"nicht in der Reihenfolge: {shown}{more}."
    ]


def preflight_pdf(
    data: bytes, draft: Draft | None = None, profile: Profile | None = None
) -> list[str]:
    """German reasons why ``data`` may not be published (empty: it may).

    With ``draft``, also: its every word in reading order (as a screen reader reads the
    structure tree), its headline as the title, and no draft mark on any page.
    """
    import pikepdf

    from pressdesk.profile.profile import load_profile
    from pressdesk.publish.pdfua import matterhorn_failures, page_marks, text_in_structure_order

    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        raise PublishError("Die Datei ist kein lesbares PDF.") from None
    profile = profile or load_profile()
    marks = page_marks(data)  # the slow part (pdfminer), done once
    reasons = [f"PDF/UA {f}" for f in matterhorn_failures(data, marks)]
    with pdf:
        info = pdf.docinfo
        for key, label in _DOCINFO.items():
            if not str(info.get(key, "")).strip():
                reasons.append(f"PDF-Metadaten: {label} fehlt.")
        if not str(pdf.Root.get("/Lang", "")).strip():
            reasons.append("PDF-Metadaten: Sprache fehlt.")
        if "/Metadata" in pdf.Root:
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
                for key, label in _XMP.items():
                    if not str(meta.get(key, "") or "").strip():
                        reasons.append(f"XMP-Metadaten: {label} fehlt.")
                if not meta.get("dc:language"):
                    reasons.append("XMP-Metadaten: Sprache fehlt.")
                title = str(meta.get("dc:title", "") or "")
        else:
            title = ""
        uris = link_uris(pdf)
        text = text_in_structure_order(pdf, data, marks) if "/StructTreeRoot" in pdf.Root else ""
    mark = profile.label("draftMark")
    if any(
        m.watermarks or mark in m.artifact_text or mark in m.unmarked_text for m in marks
    ):  # the draft mark is drawn as outlines in a Watermark artifact, or as text
        reasons.append(f"Das PDF trägt die Markierung {mark}.")
    if draft is not None:
        expected_title = content.draft_title(draft)
        if title and title != expected_title:
            reasons.append(f"PDF-Titel „{title}“ ist nicht die Überschrift „{expected_title}“.")
        reasons += _missing("PDF", text, expected_words(draft, profile))
        reasons += missing_links(draft, uris)
    return reasons


def link_uris(pdf: Any) -> Counter[str]:
    """How often each web address is the target of a link annotation, over all pages."""
    uris: Counter[str] = Counter()
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI" and "/URI" in action:
                uris[str(action.URI)] += 1
    return uris


def missing_links(draft: Draft, uris: Counter[str]) -> list[str]:
    """German sentences for each link of the running text without a link annotation to its
    address (a link broken over two lines has two annotations, so each link needs one)."""
    wanted: Counter[str] = Counter()
    words: dict[str, str] = {}
    for block in draft.body:
        formatted = [(block.text, block.marks)] if block.formatted else []
        if block.formatted_items:
            formatted += [(t, block.marks_of_item(j)) for j, t in enumerate(block.items)]
        for text, marks in formatted:
            for mark in marks:
                if mark.kind == "link" and text[mark.start : mark.end].strip():
                    wanted[mark.url] += 1
                    words.setdefault(mark.url, " ".join(text[mark.start : mark.end].split()))
    reasons = []
    for url, count in wanted.items():
        if uris[url] < count:
            reasons.append(
                f"PDF: der Link „{words[url]}“ auf {url} ist nicht anklickbar "
                "(keine Link-Annotation mit dieser Adresse)."
            )
    return reasons


def preflight_html(
    html: bytes, draft: Draft | None = None, profile: Profile | None = None
) -> list[str]:
    """German reasons why the web page ``html`` may not be published (empty: it may)."""
    import html5lib

    from pressdesk.profile.profile import load_profile

    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    doc = parser.parse(html)
    reasons = []
    for pos, code, _values in parser.errors[:SHOW_MISSING]:
        line, col = pos
        reasons.append(f"HTML: Zeile {line}, Spalte {col}: Fehler beim Lesen ({code}).")
    if len(parser.errors) > SHOW_MISSING:
        reasons.append(f"HTML: {len(parser.errors) - SHOW_MISSING} weitere Lesefehler.")
    if not html.lstrip().lower().startswith(b"<!doctype html>"):
        reasons.append("HTML: die Seite beginnt nicht mit <!DOCTYPE html>.")
    lang = doc.get("lang", "")
    if not lang.lower().startswith("de"):
        reasons.append('HTML: die Sprache (lang="de") fehlt am <html>-Element.')
    h1 = doc.findall(".//h1")
    if len(h1) != 1:
        reasons.append(f"HTML: die Seite hat {len(h1)} Hauptüberschriften (h1) statt genau einer.")
    title = doc.find("./head/title")
    if title is None or not "".join(title.itertext()).strip():
        reasons.append("HTML: der Seitentitel (<title>) fehlt.")
    if doc.findall(".//script"):
        reasons.append("HTML: die Seite enthält ein Skript.")
    for a in doc.iter("a"):
        if not "".join(a.itertext()).strip():
            reasons.append(f"HTML: ein Link auf „{a.get('href', '')}“ hat keinen Text.")
        if not a.get("href", "").strip():
            reasons.append(f"HTML: der Link „{''.join(a.itertext()).strip()}“ hat kein Ziel.")
    for img in doc.iter("img"):
        if img.get("alt") is None:
            reasons.append(f"HTML: das Bild „{img.get('src', '')}“ hat keinen Alternativtext.")
    if draft is not None:
        profile = profile or load_profile()
        body = doc.find("./body")
        text = " ".join(body.itertext()) if body is not None else ""
        for words in _html_sequences(draft, profile):
            reasons += _missing("HTML", text, words)
    return reasons


def _html_sequences(draft: Draft, profile: Profile) -> Iterable[list[str]]:
    """The word sequences the page must show in order: top lines, body, press office."""
    top = [content.header_line(draft), content.date_line(draft)]
    top += [content.embargo_line(draft, profile), content.speech_note(draft, profile)]
    yield [w for part in top for w in part.split()]
    yield body_words(draft, profile)
    yield [w for line in content.side_block(draft, profile) for w in line.text.split()]
