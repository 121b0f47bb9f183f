"""PressDesk's in-process PDF export against Typst setting the same text (issue 12, point 8).

Run by hand (needs the optional ``bench`` extra: ``pip install -e '.[bench]'``)::

    .venv/bin/python bench/export_typst.py

Both set the reference release (and the same draft 10 and 100 times as long) in
Carlito from ``resources/fonts``, A4, the profile's body column, German
hyphenation; Typst gets a plain document with the same paragraphs, headline and
running page numbers, no side column or tagging. Printed: the median of each, and
the median of the pairwise ratios (the two run alternately, so a busy machine skews
less). Goal: PressDesk at or under Typst.
"""

from __future__ import annotations

from drafts import reference
from pressdesk.export.pdf import render
from pressdesk.model import Draft
from pressdesk.paths import fonts_dir
from pressdesk.profile import load_profile
from timing import paired


def _escape(text: str) -> str:
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\#$*_`<>@[]=-+/~\"'" else ch)
    return "".join(out)


def typst_source(draft: Draft) -> str:
    profile = load_profile()
    pg = profile.page
    body_width = 210 - pg.margin_left - pg.margin_right - pg.sidebar_width - pg.sidebar_gap
    parts = [
        f'#set page(paper: "a4", margin: (left: {pg.margin_left}mm, '
        f"right: {210 - pg.margin_left - body_width}mm, top: {pg.margin_top + pg.header_height}mm, "
        f"bottom: {pg.margin_bottom}mm), "
        "header: context align(right)[Seite #counter(page).display() von "
        "#counter(page).final().first()])",
        f'#set text(font: "{profile.fonts.family}", size: {profile.sizes.body}pt, lang: "de", '
        "hyphenate: true)",
        f"#set par(leading: {profile.sizes.leading - profile.sizes.body}pt, "
        f"spacing: {profile.sizes.leading / 2 + profile.sizes.leading - profile.sizes.body}pt)",
        f'#text(size: {profile.sizes.headline}pt, weight: "bold")[{_escape(draft.headline)}]',
        _escape(draft.announcement),
    ]
    for block in draft.body:
        if block.type == "list":
            parts += [f"- {_escape(item)}" for item in block.items]
        else:
            parts.append(_escape(block.text))
    parts.append(_escape(draft.contact))
    return "\n\n".join(parts)


def main() -> None:
    try:
        import typst
    except ImportError:
        print("typst is not installed: pip install -e '.[bench]'")
        return
    profile = load_profile()
    fonts = [str(fonts_dir() / "carlito")]
    for times in (1, 10, 100):
        draft = reference(times)
        source = typst_source(draft).encode("utf-8")
        pages = render(draft, profile, final=True).pages

        def ours(d: Draft = draft) -> object:
            return render(d, profile, final=True, tagged=True)

        def theirs(s: bytes = source) -> object:
            return typst.compile(s, font_paths=fonts, ignore_system_fonts=True)

        runs = 15 if times == 1 else (5 if times == 10 else 2)
        a, b, r = paired(ours, theirs, runs)
        print(
            f"{times:>3}x ({pages} p.): PressDesk {a:8.1f} ms tagged, Typst {b:8.1f} ms, "
            f"ratio {r:.2f}  (goal <= 1.0)"
        )


if __name__ == "__main__":
    main()
