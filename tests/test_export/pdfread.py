"""Reading exported PDFs back for the PDF exporter tests (pypdf and pdfminer)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from pressdesk.export import content
from pressdesk.model import Draft
from pressdesk.profile import Profile
from pressdesk.typography import format_date

_IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011]")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def body_text(texts: list[str], draft: Draft, profile: Profile) -> str:
    """The pages' text without the running headers of pages 2+ (header, page label, embargo)."""
    furniture = {norm(content.header_line(draft)), norm(content.embargo_line(draft, profile))}
    kept: list[str] = []
    for i, text in enumerate(texts):
        for line in text.splitlines():
            n = norm(line)
            if i and (n in furniture or re.fullmatch(r"Seite\d+von\d+", n)):
                continue
            kept.append(line)
    return "\n".join(kept)


def norm(text: str) -> str:
    """Text without whitespace and hyphens: line breaks and hyphenation do not matter."""
    return _IGNORED.sub("", text)


def missing_in_order(haystack: str, words: list[str]) -> list[str]:
    """The words of ``words`` not found in ``haystack`` in this order (empty: all there)."""
    text = norm(haystack)
    pos, missing = 0, []
    for word in words:
        w = norm(word)
        if not w:
            continue
        found = text.find(w, pos)
        if found < 0:
            missing.append(word)
        else:
            pos = found + len(w)
    return missing


def expected_words(draft: Draft, profile: Profile) -> list[str]:
    """Every word the draft puts on paper, in reading order, taken from the draft itself."""
    h, po = draft.header, draft.press_office
    parts: list[str] = [h.kind, h.reference, format_date(h.date)]
    parts += [po.organisation, po.unit, *po.address, *po.phones, po.fax, po.email, po.website.text]
    if h.embargo is not None:
        parts += [profile.label("embargo"), format_date(h.embargo.date), h.embargo.time]
    if h.kind == "Rede":
        parts.append(profile.label("speech"))
    return [w for part in parts for w in part.split()] + body_words(draft, profile)


def body_words(draft: Draft, profile: Profile) -> list[str]:
    """The words of the body column in reading order: headline to photo credits."""
    parts = [draft.headline, draft.subheadline, draft.announcement]
    for b in draft.body:
        parts += b.items if b.type == "list" else [b.text, b.speaker]
    if draft.further_information:
        parts.append(content.further_information_label(profile))
        parts += [content.link_text(lk) for lk in draft.further_information]
    if draft.social_media:
        parts.append(content.social_media_label(profile))
        for s in draft.social_media:
            parts += [s.network, s.text]
    parts += [draft.contact, draft.photo_credits]
    return [w for part in parts for w in part.split()]


def render_png(pdf: Path, out_prefix: Path, page: int = 1) -> Path | None:
    """Render one page with pdftoppm (None if it is not installed)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    subprocess.run(
        [
            exe,
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        check=True,
        timeout=60,
    )
    return out_prefix.with_suffix(".png")


WATERMARK_BDC = "/Pagination /Subtype /Watermark"
_PATH_OPS = {"m", "l", "c", "v", "y", "h", "re", "f", "f*", "F"}


def watermark_path_ops(data: bytes) -> list[int]:
    """Per page: path operators inside Watermark artifacts (0: no mark drawn)."""
    import pikepdf

    counts = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            depth, inside, n = 0, -1, 0
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name in ("BDC", "BMC"):
                    depth += 1
                    props = str(operands[-1]) if name == "BDC" else ""
                    if inside < 0 and "/Watermark" in props:
                        inside = depth
                elif name == "EMC":
                    if depth == inside:
                        inside = -1
                    depth -= 1
                elif inside >= 0 and name in _PATH_OPS:
                    n += 1
            counts.append(n)
    return counts
