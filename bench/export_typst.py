"""PressDesk's in-process PDF export against Typst setting the same text (issue 12, point 8).

Run by hand (needs the optional ``bench`` extra: ``pip install -e '.[bench]'``)::

    .venv/bin/python bench/export_typst.py [--cold-runs 5]

Both set the reference release (and the same draft 10 and 100 times as long) in
Carlito from ``resources/fonts``, A4, the profile's body column, German
hyphenation; Typst gets a plain document with the same paragraphs, headline and
running page numbers, no side column or tagging.

Two figures each, because both keep caches in the process:

- **warm** (the comparison the goal is about: at or under Typst): the same draft again
  in a process that has exported it before, as the editor's preview does after every
  pause. PressDesk then reuses its registered fonts, font subsets and their compressed
  form (``rlcompat``); Typst's binding reuses its memoized layout (comemo) and loaded
  fonts. Medians of the two run alternately, and the median of the pairwise ratios.
- **cold**: the first export in a fresh process (imports not counted, everything else
  is: fonts, hyphenation patterns, subsets), each side in its own fresh process, run
  alternately ``--cold-runs`` times; medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

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


def cold_once(side: str, times: int) -> float:
    """In this fresh process: milliseconds of the first export (after the imports)."""
    profile = load_profile()
    draft = reference(times)
    if side == "typst":
        import typst

        source = typst_source(draft).encode("utf-8")
        fonts = [str(fonts_dir() / "carlito")]
        start = time.perf_counter()
        typst.compile(source, font_paths=fonts, ignore_system_fonts=True)
    else:
        import pressdesk.export.pdf.document  # noqa: F401  (imports are not counted)

        start = time.perf_counter()
        render(draft, profile, final=True, tagged=True)
    return (time.perf_counter() - start) * 1000


def cold(times: int, runs: int) -> tuple[float, float, float]:
    found: dict[str, list[float]] = {"pressdesk": [], "typst": []}
    for _ in range(runs):
        for side, ms in found.items():
            out = subprocess.run(
                [sys.executable, __file__, "--cold-once", side, "--times", str(times)],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            ms.append(float(out.split()[-1]))
    a, b = statistics.median(found["pressdesk"]), statistics.median(found["typst"])
    return a, b, a / b


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--cold-once", choices=("pressdesk", "typst"), help=argparse.SUPPRESS)
    parser.add_argument("--times", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_once:
        print(f"{cold_once(args.cold_once, args.times):.3f}")
        return
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
            f"{times:>3}x ({pages} p.) warm: PressDesk {a:8.1f} ms tagged, Typst {b:8.1f} ms, "
            f"ratio {r:.2f}  (goal <= 1.0)"
        )
        if times < 100:
            a, b, r = cold(times, args.cold_runs)
            print(
                f"{'':>15} cold: PressDesk {a:8.1f} ms tagged, Typst {b:8.1f} ms, ratio {r:.2f}"
                "  (first export in a fresh process)"
            )


if __name__ == "__main__":
    main()
