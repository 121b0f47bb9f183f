"""Reading exported PDFs back for the PDF exporter tests (pypdf).

The word checks live in :mod:`pressdesk.publish.words` (the publishing preflight uses
them); they are re-exported here so that the exporter tests keep their imports.
"""

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
from pressdesk.publish.words import body_words, expected_words, missing_in_order, norm

__all__ = [
    "body_text",
    "body_words",
    "expected_words",
    "missing_in_order",
    "norm",
    "page_texts",
    "reader",
    "render_png",
]


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
