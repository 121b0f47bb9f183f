"""Checks the layout schema cannot express, returning the same :class:`Problem` type.

Each check is a small function over the draft's JSON form. They run on every
keystroke, so they only walk strings once and use precompiled expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pressdesk.validation.messages import PathPart, field_label, path_string
from pressdesk.validation.problem import Problem, Severity

HEADLINE_SHORT = 30
HEADLINE_LONG = 75
SIDE_BLOCK_MAX_LINES = 14

_GENDER = re.compile(r"\w(\*|:|_|·)(innen|in)\b|\b\w+[a-zäöüß]Innen\b")
_PHONE_GROUPS = re.compile(r"^(\+[1-9][0-9]{0,2} )?[0-9]+( [0-9]+)*(-[0-9]+)?$")
_YEAR_IN_REF = re.compile(r"/(\d{2}|\d{4})\b")


@dataclass(frozen=True)
class RuleSettings:
    """What a house-style profile says about the checks."""

    reference_pattern: str = ""
    reference_hint: str = ""
    gender_characters: str = "off"  # "off" | "warning" | "error"
    font_file: Path | None = None
    font_family: str = ""
    profile: Any = None  # the house-style Profile: column widths and sizes for the layout


def _problem(parts: list[PathPart], severity: Severity, text: str, data: dict[str, Any]) -> Problem:
    return Problem(path_string(parts), severity, field_label(parts, data), text)


def texts(data: dict[str, Any]) -> Iterator[tuple[list[PathPart], str]]:
    """Every piece of user text in the draft with its path, in reading order."""
    header = data["header"]
    yield ["header", "reference"], header["reference"]
    po = data["pressOffice"]
    for key in ("organisation", "unit"):
        yield ["pressOffice", key], po[key]
    for i, line in enumerate(po["address"]):
        yield ["pressOffice", "address", i], line
    yield ["pressOffice", "website", "text"], po["website"]["text"]
    for key in ("announcement", "headline", "subheadline"):
        yield [key], data[key]
    for i, block in enumerate(data["body"]):
        if block["type"] == "list":
            for j, item in enumerate(block["items"]):
                yield ["body", i, "items", j], item
        else:
            yield ["body", i, "text"], block["text"]
            if block["type"] == "quote":
                yield ["body", i, "speaker"], block["speaker"]
    for i, link in enumerate(data["furtherInformation"]):
        yield ["furtherInformation", i, "text"], link["text"]
    for i, s in enumerate(data["socialMedia"]):
        yield ["socialMedia", i, "network"], s["network"]
        yield ["socialMedia", i, "text"], s["text"]
    yield ["contact"], data["contact"]
    yield ["photoCredits"], data["photoCredits"]


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def check_embargo(data: dict[str, Any]) -> Iterator[Problem]:
    embargo = data["header"]["embargo"]
    if not embargo:
        return
    released = _parse_date(data["header"]["date"])
    lifted = _parse_date(embargo["date"])
    if released is None or lifted is None:
        return
    where: list[PathPart] = ["header", "embargo", "date"]
    if lifted < released:
        yield _problem(where, "error", "endet vor dem Datum der Mitteilung", data)
    elif lifted > released:
        yield _problem(
            where,
            "warning",
            "liegt nach dem Datum der Mitteilung; meist trägt die Mitteilung das Datum, an dem "
            "die Sperrfrist endet",
            data,
        )


def check_quotes(parts: list[PathPart], text: str, data: dict[str, Any]) -> Iterator[Problem]:
    if '"' in text:
        yield _problem(parts, "warning", "gerade Anführungszeichen; bitte „…“ verwenden", data)
    if "\u201e" not in text and "\u201c" not in text:
        return
    depth = 0
    for ch in text:
        if ch == "\u201e":
            depth += 1
        elif ch == "\u201c":
            depth -= 1
            if depth < 0:
                break
    if depth != 0:
        yield _problem(
            parts,
            "warning",
            "Anführungszeichen „…“ nicht paarig (öffnend „ und schließend “)",
            data,
        )


def check_quote_blocks(data: dict[str, Any]) -> Iterator[Problem]:
    for i, block in enumerate(data["body"]):
        if block["type"] == "quote" and block["text"].lstrip().startswith(("\u201e", '"')):
            yield _problem(
                ["body", i, "text"],
                "warning",
                "bitte ohne äußere Anführungszeichen erfassen; das Layout setzt „…“ selbst",
                data,
            )


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def check_headline(data: dict[str, Any]) -> Iterator[Problem]:
    headline = data["headline"].strip()
    if not headline:
        return
    if _is_shouting(headline):
        yield _problem(["headline"], "error", "nicht ganz in Großbuchstaben schreiben", data)
    n = len(headline)
    if n < HEADLINE_SHORT:
        yield _problem(
            ["headline"], "warning", f"sehr kurz ({n} Zeichen; üblich sind 30 bis 75)", data
        )
    elif n > HEADLINE_LONG:
        yield _problem(
            ["headline"], "warning", f"lang ({n} Zeichen; üblich sind 30 bis 75, eine Zeile)", data
        )
    if _is_shouting(data["subheadline"]):
        yield _problem(["subheadline"], "warning", "nicht ganz in Großbuchstaben schreiben", data)


def _digits(number: str) -> int:
    return sum(c.isdigit() for c in number)


def phone_problem(number: str, first: str | None) -> str:
    """Why a reader cannot dial ``number`` ('' if they can).

    ``first`` is the first number of the list when ``number`` is a later one, which
    may then be only another extension ("oder 1405").
    """
    if not _PHONE_GROUPS.match(number):
        return ""  # the schema's pattern reports the form
    if first is not None and number.isdigit() and len(number) <= 6:
        if "-" not in first:
            return "eine Durchwahl allein setzt voraus, dass die erste Nummer eine Durchwahl hat"
        return ""
    if number.startswith("+"):
        return "" if _digits(number) >= 8 else "zu kurz zum Wählen"
    if not number.startswith("0"):
        return "ohne Vorwahl nicht wählbar (z. B. 0211 837-1134)"
    if " " not in number and "-" not in number:
        return "Vorwahl und Rufnummer bitte mit Leerzeichen trennen (z. B. 0211 837-1134)"
    if _digits(number) < 7:
        return "zu kurz zum Wählen"
    return ""


def check_phones(data: dict[str, Any]) -> Iterator[Problem]:
    po = data["pressOffice"]
    phones = po["phones"]
    for i, number in enumerate(phones):
        why = phone_problem(number, phones[0] if i else None)
        if why:
            yield _problem(["pressOffice", "phones", i], "error", why, data)
    if po["fax"]:
        why = phone_problem(po["fax"], None)
        if why:
            yield _problem(["pressOffice", "fax"], "error", why, data)


def check_side_block(data: dict[str, Any]) -> Iterator[Problem]:
    po = data["pressOffice"]
    lines = sum(bool(po[k]) for k in ("organisation", "unit", "fax", "email"))
    lines += len(po["address"]) + bool(po["phones"]) + bool(po["website"]["url"])
    if lines > SIDE_BLOCK_MAX_LINES:
        yield _problem(
            ["pressOffice"],
            "error",
            f"{lines} Zeilen; der Absenderblock darf höchstens {SIDE_BLOCK_MAX_LINES} haben",
            data,
        )


def check_reference(data: dict[str, Any], settings: RuleSettings) -> Iterator[Problem]:
    ref = data["header"]["reference"]
    if not ref:
        return
    where: list[PathPart] = ["header", "reference"]
    if settings.reference_pattern and not _compiled(settings.reference_pattern).match(ref):
        hint = f" – erwartet: {settings.reference_hint}" if settings.reference_hint else ""
        yield _problem(where, "error", f"entspricht nicht dem Muster des Hauses{hint}", data)
    released = _parse_date(data["header"]["date"])
    match = _YEAR_IN_REF.search(ref)
    if released and match:
        year = int(match.group(1))
        full = year if year >= 1000 else 2000 + year
        if full != released.year:
            yield _problem(
                where,
                "warning",
                f"nennt das Jahr {match.group(1)}, das Datum aber {released.year}",
                data,
            )


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_gender(
    parts: list[PathPart], text: str, severity: Severity, data: dict[str, Any]
) -> Iterator[Problem]:
    match = _GENDER.search(text)
    if match:
        yield _problem(
            parts,
            severity,
            f"Genderzeichen im Wort („{match.group(0)}…“) sind in amtlichen Texten dieses Hauses "
            "nicht vorgesehen; bitte Paarform oder neutrale Form verwenden",
            data,
        )


@cache
def drawable_characters(font_file: Path) -> frozenset[str]:
    """Every character the font can show, and those left to others.

    Control characters are left to the schema, which rejects them as errors; space,
    no-break space and soft hyphen never need a glyph of their own. A set, not a
    pattern: a character class of the font's 2,000 characters took longer to compile
    than the whole validation.
    """
    from pressdesk.export.fontfile import font_metrics

    codes = font_metrics(font_file).widths.keys() | set(range(0x20)) | {0x20, 0x7F, 0xA0, 0xAD}
    return frozenset(map(chr, codes))


def check_glyphs(
    parts: list[PathPart], text: str, drawable: frozenset[str], family: str, data: dict[str, Any]
) -> Iterator[Problem]:
    missing = sorted(set(text).difference(drawable))
    if missing:
        shown = " ".join(f"„{c}“ (U+{ord(c):04X})" for c in missing[:3])
        yield _problem(
            parts,
            "warning",
            f"die Schrift {family} hat kein Zeichen für {shown}; es würde im PDF fehlen",
            data,
        )


def _path(*parts: PathPart) -> list[PathPart]:
    return list(parts)


def _side_column(profile: Any) -> float:
    return float(profile.page.sidebar_width)


def _body_column(profile: Any) -> float:
    pg = profile.page
    paper = {"A4": 210.0, "A5": 148.0, "LETTER": 215.9}.get(pg.size.upper(), 210.0)
    return float(paper - pg.margin_left - pg.margin_right - pg.sidebar_width - pg.sidebar_gap)


def _headline_line(profile: Any) -> tuple[float, float]:
    """The headline's line width (mm) and size (pt): it reaches right of the body column
    by its role's ``extendRight``, at most up to the right margin (export/layout.py)."""
    role = (getattr(profile, "raw", {}).get("roles") or {}).get("headline", {})
    pg = profile.page
    room = float(pg.sidebar_width + pg.sidebar_gap)
    extra = min(max(float(role.get("extendRight", 0)), 0.0), room)
    return _body_column(profile) + extra, float(role.get("size", profile.sizes.headline))


def _strong_words(text: str, marks: list[Any]) -> list[str]:
    """The words a bold mark touches (whole words: a word partly bold is measured bold)."""
    out = []
    for mark in marks:
        offsets = _offsets(mark)
        if offsets is None or mark.get("type") != "strong":
            continue
        start, end = offsets
        if not start < end <= len(text):
            continue  # check_marks reports it
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append(text[start:end])
    return out


def check_layout(data: dict[str, Any], settings: RuleSettings) -> Iterator[Problem]:
    """Warn where the layout has to force a break: a word wider than its column."""
    profile = settings.profile
    if profile is None:
        return
    from pressdesk.export.measure import too_wide

    fonts, sizes = profile.fonts, profile.sizes
    po = data["pressOffice"]
    side = _side_column(profile)
    side_fields: list[tuple[list[PathPart], str, str, Path]] = [
        (["pressOffice", "organisation"], po["organisation"], "", fonts.bold),
        (["pressOffice", "unit"], po["unit"], "", fonts.regular),
        *(
            (_path("pressOffice", "address", i), a, "", fonts.regular)
            for i, a in enumerate(po["address"])
        ),
        (["pressOffice", "email"], po["email"], "email", fonts.regular),
        (["pressOffice", "website", "text"], po["website"]["text"], "website", fonts.regular),
    ]
    for parts, value, label_key, font in side_fields:
        label = profile.label(label_key) if label_key else ""
        shown = f"{label}\u00a0{value}" if label and value else value
        wide = too_wide(shown, font, sizes.sidebar, side)
        if not wide:
            continue
        if label_key == "email":
            what = (
                "E-Mail-Adresse passt nicht in eine Zeile des Absenderblocks; "
                "sie wird nach „@“, Punkt oder Bindestrich umbrochen"
            )
        elif label_key == "website":
            what = (
                "Internetadresse passt nicht in eine Zeile des Absenderblocks; "
                "sie wird nach „/“, Punkt oder Bindestrich umbrochen"
            )
        else:
            what = f"„{wide[0]}“ passt nicht in eine Zeile des Absenderblocks und wird getrennt"
        yield _problem(parts, "warning", what, data)
    body = _body_column(profile)
    headline_width, headline_size = _headline_line(profile)
    columns: list[tuple[list[PathPart], str, Path, float]] = [
        (["subheadline"], data["subheadline"], fonts.bold, sizes.subheadline),
    ]
    for i, block in enumerate(data["body"]):
        if block["type"] == "list":
            columns += [
                (["body", i, "items", j], t, fonts.regular, sizes.body)
                for j, t in enumerate(block["items"])
            ]
            item_marks = block.get("itemMarks")
            if isinstance(item_marks, list):
                columns += [
                    (["body", i, "items", j], words, fonts.bold, sizes.body)
                    for j, (t, ms) in enumerate(zip(block["items"], item_marks, strict=False))
                    if isinstance(t, str) and isinstance(ms, list)
                    for words in _strong_words(t, ms)
                ]
        elif block["type"] == "quote":
            columns.append((["body", i, "text"], block["text"], fonts.italic, sizes.body))
        else:
            font = fonts.bold if block["type"] == "subheading" else fonts.regular
            columns.append((["body", i, "text"], block["text"], font, sizes.body))
        if block["type"] in _BLOCK_OF and isinstance(block.get("marks"), list):
            bold = fonts.bold_italic if block["type"] == "quote" else fonts.bold
            columns += [
                (["body", i, "text"], words, bold, sizes.body)
                for words in _strong_words(block["text"], block["marks"])
            ]
    columns.append((["contact"], data["contact"], fonts.regular, sizes.body))
    headline: tuple[list[PathPart], str, Path, float] = (
        ["headline"],
        data["headline"],
        fonts.bold,
        headline_size,
    )
    for parts, value, font, size in [headline, *columns]:
        width = headline_width if parts == ["headline"] else body
        wide = too_wide(value, font, size, width) if value else []
        if wide:
            word = wide[0] if len(wide[0]) <= 40 else f"{wide[0][:37]}…"
            yield _problem(
                parts,
                "warning",
                f"„{word}“ passt nicht in eine Zeile und wird am Zeilenende umbrochen",
                data,
            )


_BLOCK_OF = {"paragraph": "des Absatzes", "quote": "des Zitats"}
_NOT_SET_IN = {"list": "Aufzählungen", "subheading": "Zwischenüberschriften"}


def _span(text: str, start: int, end: int) -> str:
    shown = " ".join(text[start:end].split())
    return shown if len(shown) <= 30 else f"{shown[:29]}…"


def _offsets(mark: Any) -> tuple[int, int] | None:
    """A mark's start and end, if both are whole numbers (the schema reports the rest)."""
    if not isinstance(mark, dict):
        return None
    start, end = mark.get("start"), mark.get("end")
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int) or not isinstance(end, int) or start < 0:
        return None
    return start, end


_HEADING_UNFORMATTED = (
    "Zwischenüberschriften werden nicht fett, kursiv oder als Link gesetzt: das Layout "
    "setzt sie schon fett, und ein Link in einer Überschrift ist für Screenreader schwer "
    "zu erkennen (die Formatierung bleibt erhalten und gilt wieder, wenn der Block ein "
    "Absatz oder Zitat wird)"
)


def quotes_in_italic(profile: Any) -> bool:
    """Whether the house style sets quotes in italic (role "quote"; so without a profile):
    italic inside a quote then shows nowhere, in PDF, DOCX or on the web page."""
    if profile is None:
        return True
    from pressdesk.export.layout import QUOTE, role_styles

    return role_styles(profile)[QUOTE].italic


def check_marks(data: dict[str, Any], italic_quotes: bool = True) -> Iterator[Problem]:
    """Bold, italic and links over a paragraph's or quote's text or a list item: inside
    the text, not empty, links not overlapping and not over blank space only; italic in
    a quote set in italic anyway (``italic_quotes``) is a warning."""
    for i, block in enumerate(data["body"]):
        kind = block.get("type")
        yield from _check_item_marks(data, i, block)
        marks = block.get("marks") or []
        if not marks or not isinstance(marks, list):
            continue
        if kind == "subheading":
            yield _problem(["body", i, "marks"], "warning", _HEADING_UNFORMATTED, data)
            continue
        if kind not in _BLOCK_OF:
            where = _NOT_SET_IN.get(str(kind), "diesem Block")
            yield _problem(
                ["body", i, "marks"],
                "warning",
                f"Formatierung wird in {where} nicht gesetzt (sie bleibt erhalten und gilt "
                "wieder, wenn der Block ein Absatz oder Zitat wird)",
                data,
            )
            continue
        text = block.get("text") or ""
        yield from _check_mark_list(data, ["body", i, "marks"], marks, text, _BLOCK_OF[kind])
        if kind == "quote" and italic_quotes:
            yield from _italic_in_quote(data, i, marks, len(text))


def _italic_in_quote(
    data: dict[str, Any], i: int, marks: list[Any], size: int
) -> Iterator[Problem]:
    """Italic inside a quote does not show: the house style sets quotes in italic."""
    for k, mark in enumerate(marks):
        offsets = _offsets(mark)
        if offsets and offsets[0] < offsets[1] <= size and mark.get("type") == "emphasis":
            yield _problem(
                ["body", i, "marks", k],
                "warning",
                "Kursiv ist in einem Zitat nicht zu sehen: Zitate werden schon kursiv "
                "gesetzt (die Formatierung bleibt erhalten und gilt wieder, wenn der Block "
                "ein Absatz wird)",
                data,
            )


def _check_item_marks(data: dict[str, Any], i: int, block: dict[str, Any]) -> Iterator[Problem]:
    """The marks of each list item (``itemMarks``), checked against that item's text."""
    item_marks = block.get("itemMarks") or []
    if not isinstance(item_marks, list) or not any(item_marks):
        return
    if block.get("type") != "list":
        yield _problem(
            ["body", i, "itemMarks"],
            "warning",
            "Formatierung der Aufzählungspunkte wird nur in einer Aufzählung gesetzt (sie "
            "bleibt erhalten und gilt wieder, wenn der Block eine Aufzählung wird)",
            data,
        )
        return
    items = block.get("items") or []
    for j, marks in enumerate(item_marks):
        if not marks or not isinstance(marks, list):
            continue
        if j >= len(items) or not isinstance(items[j], str):
            yield _problem(
                ["body", i, "itemMarks", j],
                "error",
                f"Formatierung für Punkt {j + 1}, den die Aufzählung nicht hat",
                data,
            )
            continue
        at: list[PathPart] = ["body", i, "itemMarks", j]
        yield from _check_mark_list(data, at, marks, items[j], "des Aufzählungspunkts")


def _check_mark_list(
    data: dict[str, Any], where: list[PathPart], marks: list[Any], text: str, whose: str
) -> Iterator[Problem]:
    size = len(text)
    links: list[tuple[int, int, Any]] = []  # a link to the same address merges
    for k, mark in enumerate(marks):
        offsets = _offsets(mark)
        if offsets is None:
            continue
        start, end = offsets
        at: list[PathPart] = [*where, k]
        if start >= end:
            yield _problem(at, "error", "Hervorhebung ohne Text (Beginn nicht vor Ende)", data)
            continue
        if end > size:
            yield _problem(at, "error", f"Hervorhebung reicht über das Ende {whose} hinaus", data)
            continue
        if mark.get("type") != "link":
            continue
        if not text[start:end].strip():
            yield _problem(
                at, "error", "Link über nur Leerzeichen; bitte ein Wort als Link markieren", data
            )
        for a, b, url in links:
            if start < b and a < end and url != mark.get("url"):
                yield _problem(
                    at,
                    "error",
                    f"Links überschneiden sich („{_span(text, a, b)}“ und "
                    f"„{_span(text, start, end)}“); ein Wort kann nur ein Ziel haben",
                    data,
                )
                break
        links.append((start, end, mark.get("url")))


def run_rules(data: dict[str, Any], settings: RuleSettings) -> list[Problem]:
    problems: list[Problem] = []
    problems += check_marks(data, quotes_in_italic(settings.profile))
    problems += check_embargo(data)
    problems += check_headline(data)
    problems += check_phones(data)
    problems += check_side_block(data)
    problems += check_reference(data, settings)
    problems += check_quote_blocks(data)
    problems += check_layout(data, settings)
    glyphs = drawable_characters(settings.font_file) if settings.font_file else None
    gender = settings.gender_characters
    for parts, text in texts(data):
        if not text:
            continue
        problems += check_quotes(parts, text, data)
        if gender in ("warning", "error"):
            problems += check_gender(parts, text, gender, data)  # type: ignore[arg-type]
        if glyphs is not None:
            problems += check_glyphs(parts, text, glyphs, settings.font_family, data)
    return problems
