"""Hypothesis strategies for drafts.

``drafts()`` builds drafts that are mostly valid (real dates, dialable numbers,
full URLs) but full of awkward text: markup characters, German quotes, emoji,
300-character words. ``any_drafts()`` may be anything the model can hold.
Exporter tests keep the drafts that validate without errors.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from pressdesk.model import Block, Draft, Embargo, Header, Link, PressOffice, SocialLink
from pressdesk.model.draft import BLOCK_TYPES, DOCUMENT_KINDS
from pressdesk.model.inline import MARK_KINDS, Mark, normalize_marks

AWKWARD = [
    "<",
    ">",
    "&",
    "&amp;",
    "<b>",
    "„",
    "“",
    "‚",
    "‘",
    "–",
    "—",
    "…",
    "€",
    "§",
    "😀",
    "ß",
    "ẞ",
]
WORD = st.one_of(
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ",
        min_size=1,
        max_size=14,
    ),
    st.sampled_from(AWKWARD),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=250, max_size=300),
    st.sampled_from(
        ["https://www.land.nrw/pressemitteilungen", "presse@stk.nrw.de", "0211 837-1134"]
    ),
)


def words(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    return st.lists(WORD, min_size=min_words, max_size=max_words).map(" ".join)


def short(max_size: int) -> st.SearchStrategy[str]:
    return (
        st.lists(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß<&„“", min_size=1, max_size=10),
            min_size=1,
            max_size=4,
        )
        .map(" ".join)
        .map(lambda s: s[:max_size].strip() or "x")
    )


iso_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)).map(date.isoformat)
times = st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}")
urls = st.sampled_from(
    [
        "https://www.land.nrw",
        "https://www.mkffi.nrw/presse?id=1&x=2",
        "http://example.org/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/ein-sehr-langer-pfad",
    ]
)
phones = st.sampled_from(["0211 837-1134", "+49 211 837-1134", "030 18272-0"])


@st.composite
def marks_for(draw: st.DrawFn, text: str) -> list[Mark]:
    """Bold, italic and links over valid ranges of ``text``; links never overlap."""
    if not text:
        return []
    out: list[Mark] = []
    link_ranges: list[tuple[int, int]] = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(MARK_KINDS))
        if kind == "link":
            if any(start < b and a < end for a, b in link_ranges):
                continue
            link_ranges.append((start, end))
            out.append(Mark(start, end, kind, draw(urls)))
        else:
            out.append(Mark(start, end, kind))
    return normalize_marks(out)


@st.composite
def blocks(draw: st.DrawFn) -> Block:
    kind = draw(st.sampled_from(BLOCK_TYPES))
    if kind == "list":
        items = draw(st.lists(words(1, 20), min_size=1, max_size=5))
        item_marks = [draw(marks_for(item)) for item in items]
        return Block(type="list", items=items, item_marks=item_marks)
    if kind == "subheading":
        return Block(type="subheading", text=draw(short(100)))
    if kind == "quote":
        text = draw(words(1, 60))
        return Block(type="quote", text=text, speaker=draw(short(80)), marks=draw(marks_for(text)))
    text = draw(words(1, 120))
    return Block(type="paragraph", text=text, marks=draw(marks_for(text)))


@st.composite
def drafts(draw: st.DrawFn, max_blocks: int = 8) -> Draft:
    released = draw(iso_dates)
    embargo = draw(
        st.one_of(
            st.none(),
            st.builds(Embargo, date=st.just(released), time=times),
            st.builds(Embargo, date=st.just(released), at_speech_start=st.just(True)),
        )
    )
    year = released[:4]
    return Draft(
        header=Header(
            kind=draw(st.sampled_from(DOCUMENT_KINDS)),
            reference=draw(st.sampled_from(["L-Duisburg", f"Nr. 47/{year}", "Nr. 312"])),
            date=released,
            embargo=embargo,
        ),
        press_office=PressOffice(
            organisation=draw(short(80)),
            unit=draw(st.sampled_from(["Pressestelle", ""])),
            address=draw(st.lists(short(60), min_size=1, max_size=3)),
            phones=draw(st.lists(phones, min_size=1, max_size=2)),
            fax=draw(st.sampled_from(["", "0211 837-1144"])),
            email="presse@stk.nrw.de",
            website=Link(text=draw(st.sampled_from(["", "www.land.nrw"])), url=draw(urls)),
        ),
        announcement=draw(st.one_of(st.just(""), short(200))),
        headline=draw(words(1, 12).map(lambda s: s[:120].strip() or "Überschrift")),
        subheadline=draw(st.one_of(st.just(""), short(160))),
        body=draw(st.lists(blocks(), min_size=1, max_size=max_blocks)),
        further_information=draw(st.lists(st.builds(Link, text=st.just(""), url=urls), max_size=2)),
        social_media=draw(
            st.lists(st.builds(SocialLink, network=short(40), text=short(80), url=urls), max_size=3)
        ),
        contact=draw(words(1, 30).map(lambda s: s[:400].strip() or "Bei Nachfragen")),
        photo_credits=draw(st.one_of(st.just(""), short(300))),
    )


ANY_TEXT = st.text(max_size=40)


@st.composite
def any_drafts(draw: st.DrawFn) -> Draft:
    """Any draft the model can hold: arbitrary (surrogate-free) text everywhere."""
    text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
    return Draft(
        header=Header(
            kind=draw(text),
            reference=draw(text),
            date=draw(text),
            embargo=draw(st.one_of(st.none(), st.builds(Embargo, date=text, time=text))),
        ),
        press_office=PressOffice(
            organisation=draw(text),
            address=draw(st.lists(text, max_size=3)),
            phones=draw(st.lists(text, max_size=3)),
            email=draw(text),
            website=Link(draw(text), draw(text)),
        ),
        headline=draw(text),
        body=draw(
            st.lists(
                st.builds(
                    Block,
                    type=st.sampled_from(BLOCK_TYPES),
                    text=text,
                    speaker=text,
                    items=st.lists(text, max_size=3),
                ),
                max_size=4,
            )
        ),
        further_information=draw(st.lists(st.builds(Link, text=text, url=text), max_size=2)),
        social_media=draw(
            st.lists(st.builds(SocialLink, network=text, text=text, url=text), max_size=2)
        ),
        contact=draw(text),
    )


# Parts of German compounds: words built of them are wider than a column but have
# hyphenation points; random letters have few, digits none.
COMPOUND_PARTS = [
    "grundstücks",
    "verkehrs",
    "genehmigungs",
    "zuständigkeits",
    "übertragungs",
    "verordnungs",
    "änderungs",
    "gesetz",
    "entwurfs",
    "beratungs",
    "ausschuss",
    "sitzungs",
    "protokoll",
    "führungs",
    "beauftragten",
    "stellvertretung",
    "integrations",
    "zentrum",
    "landes",
]


@st.composite
def long_words(draw: st.DrawFn) -> str:
    """One word of 20 to 300 characters, often wider than the body column."""
    kind = draw(st.sampled_from(["compound", "letters", "alnum", "hyphenated"]))
    if kind == "compound":
        parts = draw(st.lists(st.sampled_from(COMPOUND_PARTS), min_size=2, max_size=14))
        return "".join(parts).capitalize()
    if kind == "letters":
        return draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=20, max_size=300))
    if kind == "alnum":
        return draw(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=20, max_size=200)
        )
    parts = draw(st.lists(st.sampled_from(COMPOUND_PARTS), min_size=2, max_size=12))
    cut = draw(st.integers(1, len(parts) - 1))
    return "".join(parts[:cut]).capitalize() + "-" + "".join(parts[cut:]).capitalize()
