"""Where a word that does not fit its column may be broken: the rules, for both formats.

Pure functions on strings, no reportlab and no python-docx. The PDF renderer asks
them while it wraps lines (:mod:`.pdf.rlcompat`); validation uses
:func:`pressdesk.export.measure.forced_breaks` to warn when a line had to be forced.

- An *address* (web address or e-mail address) breaks after ``/``, ``-``, ``.``,
  ``?``, ``&``, ``=``, ``@`` and never with an added hyphen. The scheme's ``//``
  stays whole.
- Only when no such place fits (the word is wider than the whole column) it is
  broken at the column edge, preferably not between two digits, and only on a line
  the word begins: a word that begins in the middle of a line is divided there at
  one of its own places or moves whole to the next line ("… und die Gr|undstücks…"
  never happens).
- An ordinary word is hyphenated (German patterns); if it is wider than the column
  and no hyphenation point fits, it is broken at the column edge with a hyphen, on a
  line it begins (the same rule).
- A phone number ("0211 / 837-1134") is never broken inside.
"""

from __future__ import annotations

import re

ADDRESS_BREAK_AFTER = frozenset("/-.?&=@")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}(/|$)")
_PHONE = re.compile(r"^[+(]?[\d\u00a0 /()\-\u2011\u2013]+$")


def is_address(token: str) -> bool:
    """A web or e-mail address (as written in a release: with or without "https://")."""
    if not token or _PHONE.match(token):
        return False
    if "@" in token.strip("@") or _SCHEME.match(token) or token.lower().startswith("www."):
        return True
    return bool(_DOMAIN.match(token))


def is_phone_number(token: str) -> bool:
    return bool(_PHONE.match(token)) and sum(c.isdigit() for c in token) >= 3


def address_breaks(token: str) -> list[int]:
    """Positions ``i`` (break between ``token[:i]`` and ``token[i:]``), longest head first."""
    scheme = _SCHEME.match(token)
    start = scheme.end() if scheme else 0
    out = []
    for i in range(max(start, 1), len(token) - 1):
        ch = token[i]
        if ch not in ADDRESS_BREAK_AFTER:
            continue
        if token[i + 1] in ADDRESS_BREAK_AFTER and token[i + 1] == ch:
            continue  # "//" or "--": after the last one
        out.append(i + 1)
    return out[::-1]


def edge_breaks(token: str) -> list[int]:
    """Every position, longest head first: first those not between two digits."""
    n = len(token)
    good = [i for i in range(n - 1, 0, -1) if not (token[i - 1].isdigit() and token[i].isdigit())]
    bad = [i for i in range(n - 1, 0, -1) if token[i - 1].isdigit() and token[i].isdigit()]
    return good + bad


# A word reportlab's hyphenation takes: the letters of ``_hy_letters`` in its paragraph
# module (Latin scripts) and soft hyphens, a compound's parts joined by single hyphens
# ("Nordrhein-Westfalen-…"). Any other word wider than the column breaks at its edge.
_LETTERS = "[A-Za-z\u00ad\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"
_HYPHENATABLE = re.compile(f"{_LETTERS}(?:-{_LETTERS})*")


def split_pairs(
    token: str, wider_than_column: bool, line_start: bool = True
) -> list[tuple[str, str]] | None:
    """(head, tail) pairs for breaking ``token`` without a hyphen, the preferred first.

    None: the token is left to hyphenation (ordinary words) or kept whole (phone
    numbers, and anything that fits the column). The column edge is offered only
    for a token wider than the column that begins its line (``line_start``); in the
    middle of a line an address breaks at its own places or moves to the next line.
    """
    if is_phone_number(token) and not wider_than_column:
        return None
    hyphenated = bool(_HYPHENATABLE.fullmatch(token))
    if not is_address(token) and (not wider_than_column or hyphenated):
        return None
    # the rest of an address already broken ("abschnitt/abschnitt/…") breaks the same way
    positions = address_breaks(token)
    if wider_than_column and line_start:
        positions += [i for i in edge_breaks(token) if i not in positions]
    return [(token[:i], token[i:]) for i in positions] or None


def hyphen_fallback(word: str) -> list[tuple[str, str]]:
    """(head, tail) pairs at every position, for a word no hyphenation point lets fit."""
    return [(word[:i], word[i:]) for i in range(len(word) - 1, 1, -1)]
