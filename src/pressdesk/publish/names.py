"""Stable, readable file names for published releases.

``2018-07-18-l-duisburg-staatssekretaerin-gueler-besucht-kommunales-integrationszentrum``:
the date, the reference and the headline, transliterated (ä → ae, ß → ss), lower case,
words joined by hyphens; the headline part is cut at a word boundary. A name is chosen
once, when a release is first published; corrections keep it (see :mod:`.site`).
"""

from __future__ import annotations

import re
import unicodedata

from pressdesk.model.draft import Draft

HEADLINE_CHARS = 64
_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)
_STOP = {"am", "an", "auf", "bei", "das", "dem", "den", "der", "des", "die", "für", "fuer", "im",
         "in", "mit", "und", "vom", "von", "zu", "zum", "zur"}  # fmt: skip


def slug(text: str) -> str:
    """'Staatssekretärin Güler' -> 'staatssekretaerin-gueler' (ASCII letters, digits, -)."""
    text = text.translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _cut(words: list[str], limit: int) -> list[str]:
    kept: list[str] = []
    for w in words:
        if len("-".join([*kept, w])) > limit:
            break
        kept.append(w)
    while len(kept) > 1 and kept[-1] in _STOP:
        kept.pop()
    return kept or words[:1]


def release_stem(draft: Draft) -> str:
    """The file name without extension: date, reference, headline."""
    head = [w for w in slug(draft.headline).split("-") if w]
    parts = [
        draft.header.date.strip(),
        slug(draft.header.reference),
        "-".join(_cut(head, HEADLINE_CHARS)),
    ]
    return "-".join(p for p in parts if p) or "pressemitteilung"


def unique_stem(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` … if another release has it already."""
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"
