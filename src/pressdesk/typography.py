"""German typography shared by the editor and both exporters.

Pure functions on strings; nothing here knows about Qt, PDF or DOCX.
"""

from __future__ import annotations

import re
from datetime import date

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"  # non-breaking hyphen (DOCX: w:noBreakHyphen; PDF: a plain "-")
NARROW_NBSP = "\u202f"
EN_DASH = "\u2013"
OPEN_QUOTE = "\u201e"  # „
CLOSE_QUOTE = "\u201c"  # “
OPEN_SINGLE = "\u201a"  # ‚
CLOSE_SINGLE = "\u2018"  # ‘

_LETTER_BEFORE = re.compile(r"[\w.,;:!?)\]…%‰\u201c\u2018]$")


def smart_quotes(text: str) -> str:
    """Replace straight quotes with German ones: "x" -> „x“, 'x' -> ‚x‘.

    A quote after a letter, digit or closing punctuation closes, otherwise it opens.
    An apostrophe inside a word ("geht's") becomes ’.
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch not in "\"'":
            out.append(ch)
            continue
        before = "".join(out[-1:])
        closes = bool(before) and bool(_LETTER_BEFORE.search(before))
        if ch == '"':
            out.append(CLOSE_QUOTE if closes else OPEN_QUOTE)
        else:
            after = text[i + 1 : i + 2]
            if closes and after.isalpha():
                out.append("\u2019")
            else:
                out.append(CLOSE_SINGLE if closes else OPEN_SINGLE)
    return "".join(out)


def smart_dashes(text: str) -> str:
    """'--' becomes an en dash; a spaced hyphen between words becomes a spaced en dash."""
    text = text.replace("--", EN_DASH)
    return re.sub(r"(?<=\S) - (?=\S)", f" {EN_DASH} ", text)


def type_as_you_go(text: str) -> str:
    """What the editor applies while typing: German quotes and dashes."""
    return smart_dashes(smart_quotes(text))


_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*(?:Uhr)?\s*$")


def clock_time(text: str) -> str:
    """How people write a time -> the form the draft keeps (SS:MM).

    '9', '9:00', '9.00', '0900', '9 Uhr', '10.30 Uhr' -> '09:00' / '10:30'. Anything
    that is not a time of day comes back unchanged, for the check to report.
    """
    match = _CLOCK.match(text)
    if not match:
        return text
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return text
    return f"{hours:02d}:{minutes:02d}"


def format_date(iso: str) -> str:
    """'2018-07-18' -> '18.07.2018'; anything unparsable is returned unchanged."""
    try:
        return date.fromisoformat(iso).strftime("%d.%m.%Y")
    except ValueError:
        return iso


def format_date_long(iso: str) -> str:
    """'2018-07-18' -> '18. Juli 2018' (locale-independent)."""
    months = (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    )
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day}. {months[d.month - 1]} {d.year}"


def keep_together(text: str) -> str:
    """Glue a number to what it belongs to so a line never breaks inside it.

    Spaces inside phone numbers ("0211 837-1134"), the hyphen of an extension
    (non-breaking hyphen U+2011 would lack glyphs in many fonts, so the hyphen
    stays and only the spaces are glued), and "Nr. 12", "S. 3", "§ 5", "z. B." get
    non-breaking spaces.
    """
    text = re.sub(r"(?<=\d) (?=\d)", NBSP, text)
    text = re.sub(r"\b(Nr\.|S\.|Abs\.|Art\.|§§?) (?=\d)", rf"\1{NBSP}", text)
    text = re.sub(r"\b(z\.|d\.|u\.|o\.) (?=[A-ZÄÖÜa-zäöü]\.)", rf"\1{NBSP}", text)
    return re.sub(r"(?<=\d) (?=(Euro|Prozent|Uhr|km|kg|%|€)\b)", NBSP, text)


# A phone number as written in a release: "0211 837-1134", "0211 / 837-1134",
# "(0211) 837-1134", "+49 211 837-1134", "030 18272-0".
_PHONE_NUMBER = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[ \u00a0]\(?0?\)?\d{1,5}|\(?0\d{1,5}\)?)"
    r"(?:[ \u00a0]?/[ \u00a0]?|[ \u00a0])\d{2,}(?:[ \u00a0-]\d+)*(?![\w/-])"
)


_DIGIT = re.compile(r"\d")


def keep_phone_numbers(text: str) -> str:
    """Glue every phone number together: no line ever breaks inside one.

    Spaces become non-breaking spaces, a hyphen the non-breaking hyphen U+2011
    (the DOCX writes it as Word's ``w:noBreakHyphen``; the PDF draws a plain
    hyphen, at which it never breaks between digits).
    """
    if _DIGIT.search(text) is None:  # the pattern needs \d digits; none, nothing to glue
        return text

    def glue(m: re.Match[str]) -> str:
        return m.group(0).replace(" ", NBSP).replace("-", NB_HYPHEN)

    return _PHONE_NUMBER.sub(glue, text)


def phone_line(numbers: list[str], alternative: str) -> str:
    """'0211 837-1134', '1405' -> '0211 837-1134 oder 1405' with glued digits."""
    return f" {alternative} ".join(keep_phone_numbers(keep_together(n)) for n in numbers if n)
