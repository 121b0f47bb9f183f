"""The PDF exporter, read back: words, order, page labels, draft mark, layout rules."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer
from reportlab.lib.units import mm

from pressdesk.export import ExportError
from pressdesk.export.pdf import export_pdf, render, render_pdf
from pressdesk.model import Block, Draft, Embargo, load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import Profile

from .pdfread import (
    body_text,
    expected_words,
    missing_in_order,
    norm,
    page_texts,
    render_png,
    watermark_path_ops,
)


def test_every_word_of_each_sample_in_order(sample_path: Path, profile: Profile) -> None:
    draft = load_draft(sample_path)
    texts = page_texts(render_pdf(draft, profile, final=True))
    assert missing_in_order(body_text(texts, draft, profile), expected_words(draft, profile)) == []


def test_word_order_check_can_fail(reference_draft: Draft, profile: Profile) -> None:
    text = body_text(
        page_texts(render_pdf(reference_draft, profile, final=True)), reference_draft, profile
    )
    words = expected_words(reference_draft, profile)
    swapped = [*words[-5:], *words[:-5]]
    assert missing_in_order(text, swapped) != []
    assert missing_in_order(text, [*words, "Wortdasesnichtgibt"]) == ["Wortdasesnichtgibt"]


def test_reference_sample_has_two_pages_like_the_original(profile: Profile) -> None:
    draft = load_draft(reference_sample())
    result = render(draft, profile, final=True)
    assert result.pages == 2
    assert len(page_texts(result.data)) == 2


def _check_page_labels(data: bytes, pages: int) -> None:
    texts = page_texts(data)
    assert len(texts) == pages
    for i, text in enumerate(texts, start=1):
        assert text.count(f"Seite {i} von {pages}") == 1, (i, text[:200])


def test_each_page_says_seite_i_von_n(sample_path: Path, profile: Profile) -> None:
    result = render(load_draft(sample_path), profile)
    _check_page_labels(result.data, result.pages)


def test_page_labels_for_one_and_two_hundred_pages(
    reference_draft: Draft, profile: Profile
) -> None:
    short = copy.deepcopy(reference_draft)
    short.body = short.body[:1]
    one = render(short, profile)
    assert one.pages == 1
    _check_page_labels(one.data, 1)

    long = copy.deepcopy(reference_draft)
    long.body = [copy.deepcopy(b) for _ in range(170) for b in reference_draft.body]
    many = render(long, profile, final=True)
    assert many.pages >= 200
    _check_page_labels(many.data, many.pages)


def test_draft_mark_on_every_page_only_when_not_final(
    reference_draft: Draft, profile: Profile
) -> None:
    drafted = render_pdf(reference_draft, profile, final=False)
    final = render_pdf(reference_draft, profile, final=True)
    # drawn on every page of a draft, as a filled shape in a Watermark artifact ...
    assert [n > 50 for n in watermark_path_ops(drafted)] == [True, True]
    assert watermark_path_ops(final) == [0, 0]
    # ... and never text: extraction, search, copy and paste see the same words
    assert page_texts(drafted) == page_texts(final)
    assert "ENTWURF" not in "".join(page_texts(drafted))


def test_draft_mark_never_splits_words_in_layout_text(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    """`pdftotext -layout` of a draft once put "F", "UR", "TW", "EN" into the paragraphs."""
    import shutil
    import subprocess

    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    texts = {}
    for final in (False, True):
        pdf = tmp_path / f"{final}.pdf"
        pdf.write_bytes(render_pdf(reference_draft, profile, final=final))
        out = subprocess.run(
            [exe, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        )
        texts[final] = out.stdout
    assert texts[False] == texts[True]
    assert "heutigen" in norm(texts[False])


def test_embargo_near_the_top_and_on_every_page(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.header.embargo = Embargo(date="2018-07-18", time="11:00")
    draft.body = draft.body * 3
    texts = page_texts(render_pdf(draft, profile, final=True))
    assert len(texts) >= 3
    line = norm("Sperrfrist: 18.07.2018, 11:00 Uhr")
    for text in texts:
        assert line in norm(text)
    first = norm(texts[0])
    assert first.index(line) < first.index(norm(draft.headline))


def test_speech_carries_the_spoken_word_note(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.header.kind = "Rede"
    first = norm(page_texts(render_pdf(draft, profile, final=True))[0])
    note = norm("Es gilt das gesprochene Wort.")
    assert note in first
    assert first.index(note) < first.index(norm(draft.headline))
    assert note not in norm(page_texts(render_pdf(reference_draft, profile, final=True))[0])


def test_markup_characters_are_text(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    nasty = 'a < b && c <b>fett</b> &amp; <a href="x">y</a> <br/> 😀 Ende\x00\x07'
    draft.body = [Block(type="paragraph", text=nasty), Block(type="quote", text="<i>", speaker="&")]
    draft.headline = "Über <Tags> & „Zitate“"
    text = "".join(page_texts(render_pdf(draft, profile, final=True)))
    for piece in [
        "a < b && c <b>fett</b> &amp;",
        '<a href="x">y</a> <br/>',
        "Über <Tags> & „Zitate“",
    ]:
        assert norm(piece) in norm(text)
    assert "\x00" not in text
    assert "😀" not in text  # no glyph: dropped (validation warns), never a black box


def _chars(data: bytes) -> list[list[LTChar]]:
    import io

    pages = []
    for layout in extract_pages(io.BytesIO(data)):
        chars: list[LTChar] = []
        for box in layout:
            if isinstance(box, LTTextContainer):
                for line in box:
                    chars.extend(c for c in getattr(line, "_objs", []) if isinstance(c, LTChar))
        pages.append(chars)
    return pages


def test_long_words_and_urls_wrap_inside_the_page(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    word = "Donaudampfschifffahrtsgesellschaft" * 9  # 306 letters
    url = "https://www.land.nrw/" + "/".join(["abschnitt"] * 28)
    draft.body = [Block(type="paragraph", text=f"Vorher {word} nachher {url} Schluss")]
    draft.further_information[0].url = url
    draft.further_information[0].text = ""
    data = render_pdf(draft, profile, final=True)
    right = 210 * mm - profile.page.margin_right * mm + 0.5
    left = profile.page.margin_left * mm - 0.5
    for chars in _chars(data):
        assert chars
        assert max(c.x1 for c in chars) <= right
        assert min(c.x0 for c in chars) >= left
    raw = "\n".join(page_texts(data))
    text = norm(raw)
    assert norm(word) in text and norm(url.removeprefix("https://")) in text
    # URLs break after a slash, never inside "abschnitt".
    runs = [
        r for line in raw.splitlines() if "abschnitt" in line for r in re.findall(r"[a-z]+", line)
    ]
    assert [r for r in runs if len(r) > 1 and r in "abschnitt" and r != "abschnitt"] == []


def _y_of(data: bytes, needle: str) -> float:
    import io

    for layout in extract_pages(io.BytesIO(data)):
        for box in layout:
            if isinstance(box, LTTextContainer) and needle in box.get_text():
                return float(box.y0)
    raise AssertionError(needle)


def test_empty_optional_blocks_leave_no_gap(reference_draft: Draft, profile: Profile) -> None:
    plain = copy.deepcopy(reference_draft)
    plain.body = plain.body[:2]
    gappy = copy.deepcopy(plain)
    gappy.subheadline = "  "
    gappy.body = [
        Block(type="paragraph", text=""),
        gappy.body[0],
        Block(type="quote", text="", speaker=""),
        Block(type="list", items=["", " "]),
        Block(type="subheading", text=""),
        gappy.body[1],
    ]
    gappy.photo_credits = ""
    a = render_pdf(plain, profile, final=True)
    b = render_pdf(gappy, profile, final=True)
    assert _y_of(a, "Bei Nachfragen") == pytest.approx(_y_of(b, "Bei Nachfragen"))


def test_export_writes_file_and_renders_first_page(
    sample_path: Path, profile: Profile, output_dir: Path, tmp_path: Path
) -> None:
    out = output_dir / f"pdf-{sample_path.stem}.pdf"
    result = export_pdf(load_draft(sample_path), out, profile=profile, final=False)
    assert result.pages >= 1 and out.read_bytes().startswith(b"%PDF-")
    png = render_png(out, output_dir / f"pdf-{sample_path.stem}-page1")
    if png is not None:
        assert png.stat().st_size > 10_000


def test_export_errors_are_german_and_leave_old_file(
    reference_draft: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError, match="Ordner"):
        export_pdf(reference_draft, tmp_path / "fehlt" / "x.pdf")
    with pytest.raises(ExportError, match="Ordner"):
        export_pdf(reference_draft, tmp_path)
    old = tmp_path / "alt.pdf"
    old.write_bytes(b"alt")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pressdesk.model.files.os.replace", refuse)
    with pytest.raises(ExportError, match="Berechtigung"):
        export_pdf(reference_draft, old)
    assert old.read_bytes() == b"alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.pdf"]


def test_subheading_never_ends_a_page(reference_draft: Draft, profile: Profile) -> None:
    sentence = "Dieser Satz füllt die Seite Stück für Stück weiter auf. "
    heading = "Zwischenüberschrift am Seitenende"
    seen_break = False
    for n in range(20, 60, 2):
        draft = copy.deepcopy(reference_draft)
        draft.body = [
            Block(type="paragraph", text=sentence * n),
            Block(type="subheading", text=heading),
            Block(type="paragraph", text=sentence * 6),
        ]
        texts = page_texts(render_pdf(draft, profile, final=True))
        if len(texts) < 2:
            continue
        seen_break = True
        first = [ln for ln in texts[0].splitlines() if ln.strip()]
        assert heading not in first[-1], n
        if heading in texts[1]:
            assert heading not in texts[0]
    assert seen_break


def _body_line_groups(data: bytes, profile: Profile) -> list[list[list[float]]]:
    """Per page, the body text lines (their baselines) grouped into paragraphs."""
    import io

    from pdfminer.layout import LAParams, LTTextLineHorizontal

    from pressdesk.export import layout as roles

    body = roles.role_styles(profile)[roles.BODY]  # a paragraph's gap is more than a line's
    side_x = (210 - profile.page.margin_right - profile.page.sidebar_width) * mm
    top = (297 - profile.page.margin_top - profile.page.running_header_height) * mm
    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.1)):
        ys = sorted(
            {
                round(line.y0, 1)
                for box in layout
                if isinstance(box, LTTextContainer)
                for line in box
                if isinstance(line, LTTextLineHorizontal) and line.x0 < side_x and line.y1 < top
            },
            reverse=True,
        )
        groups: list[list[float]] = []
        for y in ys:
            if groups and groups[-1][-1] - y < body.leading + body.space_after / 2:
                groups[-1].append(y)
            else:
                groups.append([y])
        pages.append(groups)
    return pages


def test_no_widow_or_orphan_line_at_a_page_break(reference_draft: Draft, profile: Profile) -> None:
    sentence = "Dieser Satz füllt die Seite Stück für Stück weiter auf. "
    breaks = 0
    for n in range(56, 72):
        draft = copy.deepcopy(reference_draft)
        draft.announcement = draft.subheadline = draft.contact = ""
        draft.further_information, draft.social_media = [], []
        draft.body = [
            Block(type="paragraph", text=sentence * n),
            Block(type="paragraph", text=sentence * 8),
        ]
        pages = _body_line_groups(render_pdf(draft, profile, final=True), profile)
        if len(pages) < 2:
            continue
        breaks += 1
        assert len(pages[0][-1]) >= 2, (n, "orphan: one line left at the bottom of page 1")
        assert len(pages[1][0]) >= 2, (n, "widow: one line alone at the top of page 2")
    assert breaks >= 5
