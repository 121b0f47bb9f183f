"""The DOCX as LibreOffice lays it out: converted to PDF once per session, read back.

LibreOffice fills in the PAGE and NUMPAGES fields, places the side column frame and
uses the shipped font: a private fontconfig file adds ``resources/fonts`` and
rejects a system-wide copy of the same family, so the test proves the file works
with the font PressDesk ships, not with one the machine happens to have.
"""

from __future__ import annotations

import copy
import io
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from pressdesk.export import content
from pressdesk.export.docx import export_docx
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft, Embargo, load_draft
from pressdesk.paths import fonts_dir, reference_sample, samples_dir
from pressdesk.profile import Profile

from .pdfread import body_words as pdf_body_words
from .pdfread import missing_in_order, norm, render_png

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) ist nicht installiert"),
]

SAMPLES = {p.stem: p for p in sorted(samples_dir().glob("*.pressdesk"))}
REFERENCE = reference_sample().stem
PAGE_LABEL = re.compile(r"Seite\s+(\d+)\s+von\s+(\d+)")


def _long_draft() -> Draft:
    draft = load_draft(reference_sample())
    draft.body = [copy.deepcopy(b) for _ in range(5) for b in draft.body]
    return draft


def _thirteen_pages() -> Draft:
    draft = load_draft(reference_sample())
    draft.body = [copy.deepcopy(b) for _ in range(8) for b in draft.body]  # 13 pages
    return draft


def _draft_version() -> Draft:
    return load_draft(reference_sample())


PHONE = "0211 / 837-1134"
LONG_HEADLINE = (
    "Landesintegrationszentrenförderung: Kommunalintegrationsbeauftragte erhalten Mittel"
)


def phone_paragraphs(draft: Draft) -> Draft:
    """The number once per paragraph, each time a little further along the line."""
    draft.body = [
        Block(type="paragraph", text=f"{'Wir sind für Sie da. ' * 2}{'x' * k} Telefon {PHONE} ok.")
        for k in range(0, 40, 2)
    ]
    return draft


def _phones() -> Draft:
    return phone_paragraphs(load_draft(reference_sample()))


def _long_headline() -> Draft:
    draft = load_draft(reference_sample())
    draft.headline = LONG_HEADLINE
    return draft


def _compound() -> Draft:
    from .test_pdf_page_turn import compound_at_a_page_turn

    return compound_at_a_page_turn(load_draft(reference_sample()))


# a compound over three lines of the body column, and one over three lines of the side block
LONG_WORD = (
    "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnungsänderungsgesetz"
    "entwurfsbegründungsanlagenverzeichnisseitenzahlenüberprüfungsarbeitsgruppenleitungs"
    "stellvertretungsregelung"
)
LONG_UNIT = "Pressestelle Landesintegrationsbeauftragtenstabsstellenkoordinationsreferatsleitung"


def long_words(draft: Draft) -> Draft:
    """Words the PDF divides two or more times, in the body and in the side block.

    The second paragraph's compounds begin in the middle of a line where no division
    point fits: the PDF moves them to the next line and divides them there (never
    "… und die Gr|undstücks…"), and LibreOffice, given those divisions, does the same.
    """
    from .test_pdf_long_words import WIDE_COMPOUND

    wide = WIDE_COMPOUND[:121]
    draft.body = [
        Block(type="paragraph", text=f"Die {LONG_WORD} bleibt, und zwar lange."),
        Block(type="paragraph", text=f"Die {wide} und die {wide} bleiben."),
        *draft.body,
    ]
    draft.press_office.unit = LONG_UNIT
    return draft


def _long_words() -> Draft:
    return long_words(load_draft(reference_sample()))


def _embargo_long() -> Draft:
    """Pages 2 ff. repeat the embargo below the running header: two header lines."""
    draft = _long_draft()
    draft.header.embargo = Embargo("2026-12-24", "10:00")
    return draft


# name -> (draft factory, final)
CASES: dict[str, tuple[Callable[[], Draft], bool]] = {
    **{name: ((lambda p=path: load_draft(p)), True) for name, path in SAMPLES.items()},
    "entwurf": (_draft_version, False),
    "lang": (_long_draft, True),
    "lang13": (_thirteen_pages, True),
    "telefon": (_phones, True),
    "ueberschrift": (_long_headline, True),
    "kompositum": (_compound, True),
    "langwort": (_long_words, True),
    "sperrfrist_lang": (_embargo_long, True),
}


def _fonts_conf(folder: Path, family: str) -> Path:
    system = "/etc/fonts/fonts.conf"
    include = f'<include ignore_missing="yes">{system}</include>' if Path(system).exists() else ""
    conf = folder / "fonts.conf"
    conf.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  {include}
  <dir>{fonts_dir()}</dir>
  <cachedir>{folder / "cache"}</cachedir>
  <selectfont><rejectfont><glob>/usr/share/fonts/*/{family}*</glob>
  <glob>/usr/share/fonts/*/*/{family}*</glob></rejectfont></selectfont>
</fontconfig>
""",
        encoding="utf-8",
    )
    return conf


def soffice_to_pdf(docs: list[str], work: Path, family: str) -> Path:
    """``docs`` converted to PDF by one LibreOffice run with only ``family`` for the body
    font (a private user profile in ``work``); the PDFs are in the returned folder."""
    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf(work, family)))
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "pdf"),
            *docs,
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    return work / "pdf"


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory, profile: Profile) -> dict[str, Path]:
    """Every case exported to DOCX and converted to PDF by one soffice run."""
    work = tmp_path_factory.mktemp("docx-soffice")
    docs = []
    for name, (make, final) in CASES.items():
        target = work / f"{name}.docx"
        export_docx(make(), target, profile=profile, final=final)
        docs.append(str(target))
    soffice_to_pdf(docs, work, profile.fonts.family)
    out = {name: work / "pdf" / f"{name}.pdf" for name in CASES}
    missing = [name for name, pdf in out.items() if not pdf.is_file()]
    assert not missing, f"soffice hat nicht konvertiert: {missing}"
    return out


def pages_of(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def body_words(draft: Draft, profile: Profile) -> list[str]:
    """The words of the body column in reading order, from the draft itself."""
    return content.speech_note(draft, profile).split() + pdf_body_words(draft, profile)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_every_word_in_order(name: str, converted: dict[str, Path], profile: Profile) -> None:
    draft = load_draft(SAMPLES[name])
    pages = pages_of(converted[name])
    text = "\n".join(pages)
    head = [content.header_line(draft), content.date_line(draft)]
    assert missing_in_order(pages[0], [w for h in head for w in h.split()]) == []
    assert missing_in_order(text, body_words(draft, profile)) == []
    side = [w for line in content.side_block(draft, profile) for w in line.text.split()]
    assert missing_in_order(pages[0], side) == []
    embargo = content.embargo_line(draft, profile)
    for page in pages:
        assert norm(embargo) in norm(page)


def test_word_check_notices_a_missing_or_swapped_word(
    converted: dict[str, Path], profile: Profile
) -> None:
    draft = load_draft(SAMPLES[REFERENCE])
    text = "\n".join(pages_of(converted[REFERENCE]))
    words = body_words(draft, profile)
    assert missing_in_order(text, [*words[-5:], *words[:-5]]) != []
    assert missing_in_order(text, [*words, "Wortdasesnichtgibt"]) == ["Wortdasesnichtgibt"]


@pytest.mark.parametrize("name", list(CASES))
def test_page_label_on_every_page(name: str, converted: dict[str, Path]) -> None:
    pages = pages_of(converted[name])
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert PAGE_LABEL.findall(page) == [(str(number), str(total))], f"Seite {number}"


def test_reference_has_two_pages_like_the_original(converted: dict[str, Path]) -> None:
    assert len(PdfReader(converted[REFERENCE]).pages) == 2
    assert len(PdfReader(converted["entwurf"]).pages) == 2


def test_long_draft_runs_over_many_pages(converted: dict[str, Path]) -> None:
    assert len(PdfReader(converted["lang"]).pages) >= 5


def test_draft_mark_on_every_page_as_a_shape_not_text(
    converted: dict[str, Path], profile: Profile
) -> None:
    """LibreOffice draws the watermark on every page; its text never reaches the text layer."""
    mark = profile.label("draftMark")
    drafted, final = pages_of(converted["entwurf"]), pages_of(converted[REFERENCE])
    assert not any(mark in page for page in drafted + final)
    assert [norm(p) for p in drafted] == [norm(p) for p in final]
    for number in range(1, len(drafted) + 1):
        assert _red_pixels(converted["entwurf"], number) > 500
        assert _red_pixels(converted[REFERENCE], number) == 0


def _red_pixels(pdf: Path, page: int) -> int:
    """Pixels of the draft mark's (translucent) red on one rendered page."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("pdftoppm ist nicht installiert")
    out = subprocess.run(
        [exe, "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(pdf)],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    # binary PPM: header "P6\n<w> <h>\n255\n", then RGB bytes
    parts = out.split(b"\n", 3)
    data = parts[3]
    return sum(
        1
        for i in range(0, len(data) - 2, 3)
        if data[i] - data[i + 1] > 20 and data[i] - data[i + 2] > 20
    )


@pytest.mark.parametrize("name", list(CASES))
def test_only_the_shipped_font_embedded(
    name: str, converted: dict[str, Path], profile: Profile
) -> None:
    reader = PdfReader(converted[name])
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            base = str(font["/BaseFont"]).split("+")[-1]
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), base
            seen.add(base)
    assert seen and all(b.startswith(profile.fonts.family) for b in seen), seen


def test_links_survive_as_link_annotations(converted: dict[str, Path]) -> None:
    reader = PdfReader(converted[REFERENCE])
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]).rstrip("/"))  # LibreOffice adds a slash
    assert {"mailto:presse@stk.nrw.de", "https://www.land.nrw", "https://www.mkffi.nrw"} <= uris
    assert "https://twitter.com/chancenrw" in uris


def test_side_block_sits_in_the_right_column(converted: dict[str, Path], profile: Profile) -> None:
    """The press office block is right of the body column, below the headline: level
    with the announcement line that follows it."""
    from pypdf import PageObject

    page: PageObject = PdfReader(converted[REFERENCE]).pages[0]
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        words = text.split()
        if words and words[0] in ("Staatskanzlei", "Staatssekretärin", "Das"):
            found.setdefault(words[0], (tm[4], tm[5]))

    page.extract_text(visitor_text=visit)
    mm = 72 / 25.4
    side_x = (210 - profile.page.margin_right - profile.page.sidebar_width) * mm
    assert found["Staatskanzlei"][0] == pytest.approx(side_x, abs=2 * mm)
    assert found["Staatssekretärin"][0] == pytest.approx(profile.page.margin_left * mm, abs=2 * mm)
    top = float(page.mediabox.height)
    headline_top = top - found["Staatssekretärin"][1]
    side_top = top - found["Staatskanzlei"][1]
    announcement_top = top - found["Das"][1]
    assert side_top > headline_top + 4 * mm
    assert abs(announcement_top - side_top) < 3 * mm


@pytest.mark.parametrize("name", list(CASES))
def test_date_and_page_label_end_at_the_right_margin(
    name: str, converted: dict[str, Path], profile: Profile
) -> None:
    """Like the PDF, the header's right-hand items reach over the side column."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    page = next(iter(extract_pages(converted[name], page_numbers=[0])))
    right = page.width - profile.page.margin_right * 72 / 25.4
    date = content.date_line(CASES[name][0]())
    ends = {}
    for box in page:
        if isinstance(box, LTTextContainer):
            for line in box:
                if isinstance(line, LTTextLine):
                    ends[" ".join(line.get_text().split())] = line.x1
    assert ends[date] == pytest.approx(right, abs=1.5)
    label = next(text for text in ends if PAGE_LABEL.fullmatch(text))
    assert ends[label] == pytest.approx(right, abs=1.5)


def test_rendered_pages_for_a_look(converted: dict[str, Path], output_dir: Path) -> None:
    """Page images in test-output/ (not in git) to compare with the reference by eye."""
    for name, pdf in converted.items():
        for number in range(1, min(len(PdfReader(pdf).pages), 2) + 1):
            png = render_png(pdf, output_dir / f"docx-{name}-{number}", page=number)
            if png is None:
                pytest.skip("pdftoppm ist nicht installiert")
            assert png.is_file()


def test_phone_numbers_never_break_inside(converted: dict[str, Path]) -> None:
    lines = [ln for page in pages_of(converted["telefon"]) for ln in page.splitlines()]
    whole = [ln for ln in lines if re.search(r"0211\s*/\s*837-1134", ln)]
    assert len(whole) == 20, [ln for ln in lines if "0211" in ln or "1134" in ln]


@pytest.mark.parametrize("name", [REFERENCE, "ueberschrift"])
def test_headline_is_never_hyphenated(name: str, converted: dict[str, Path]) -> None:
    draft = CASES[name][0]()
    headline = norm(draft.headline)
    lines = [ln.strip() for ln in pages_of(converted[name])[0].splitlines()]
    parts = [ln for ln in lines if len(norm(ln)) > 3 and norm(ln) in headline]
    assert "".join(norm(p) for p in parts) == headline
    assert not any(p.endswith("-") for p in parts[:-1]), parts
    # over the side column the reference's is one line, the long one wraps between words
    assert len(parts) == (1 if name == REFERENCE else 2), parts


@pytest.mark.parametrize(
    "name", [*SAMPLES, "lang13", "lang", "ueberschrift", "kompositum", "langwort"]
)
def test_same_pages_as_the_pdf(name: str, converted: dict[str, Path], profile: Profile) -> None:
    """One layout: LibreOffice's pages of the DOCX against the PDF's, side by side.

    Same page count, and every page begins with the same words: the DOCX divides
    words only where the PDF did (soft hyphens, no automatic hyphenation), the
    metrics are the same, so lines and pages break alike (docs/layout.md).
    """
    from pressdesk.export.pdf import render

    from .test_pdf_page_turn import body_lines

    make, final = CASES[name]
    pdf = body_lines(render(make(), profile, final=final).data, profile)
    docx_pages = body_lines(converted[name].read_bytes(), profile)
    assert len(docx_pages) == len(pdf)
    firsts = [(n, page[0].split()[:4]) for n, page in enumerate(pdf, start=1)]
    assert [(n, page[0].split()[:4]) for n, page in enumerate(docx_pages, start=1)] == firsts
    if name == "lang13":
        assert len(pdf) == 13


# not "kompositum": LibreOffice's "tf" ligature makes each "Westfalen" 0.3 pt narrower,
# so a line of nothing else fits one more piece there (docs/layout.md); its pages agree.
@pytest.mark.parametrize("name", [*SAMPLES, "lang13", "langwort"])
def test_same_lines_as_the_pdf(name: str, converted: dict[str, Path], profile: Profile) -> None:
    """Not only the pages: every line of the body column ends at the same word."""
    from pressdesk.export.pdf import render

    from .test_pdf_page_turn import body_lines

    make, final = CASES[name]
    pdf = body_lines(render(make(), profile, final=final).data, profile)
    docx_pages = body_lines(converted[name].read_bytes(), profile)
    ends = [[ln.split()[-1] for ln in page] for page in pdf]
    assert [[ln.split()[-1] for ln in page] for page in docx_pages] == ends


def side_lines(data: bytes, profile: Profile) -> list[str]:
    """The text lines of page 1's side column (the press office block), top to bottom."""
    from .frames import Frames
    from .test_pdf_page_turn import text_lines

    f = Frames.of(profile)
    pages = text_lines(
        data, lambda ln, page: page == 1 and ln.x0 >= f.side_left - 1 and ln.y1 < f.first_body_top
    )
    return [" ".join(ln.replace("\u00ad", "-").split()) for ln in pages[0]]


@pytest.mark.parametrize("name", [REFERENCE, "langwort"])
def test_same_side_block_lines_as_the_pdf(
    name: str, converted: dict[str, Path], profile: Profile
) -> None:
    """The press office block breaks its lines where the PDF does, long words included."""
    from pressdesk.export.pdf import render

    make, final = CASES[name]
    pdf = side_lines(render(make(), profile, final=final).data, profile)
    assert side_lines(converted[name].read_bytes(), profile) == pdf
    if name == "langwort":  # divided twice, as the PDF divides it
        assert sum(1 for ln in pdf if ln.endswith("-")) >= 2


PAGES_OF_THE_SAMPLES = {
    "kurzmeldung-2026-11-20": 1,
    "presseinformation-2018-07-18": 2,
    "sperrfrist-mit-liste-2026-03-12": 1,
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_samples_keep_their_page_count(
    name: str, converted: dict[str, Path], profile: Profile
) -> None:
    from pressdesk.export.pdf import render

    make, final = CASES[name]
    assert render(make(), profile, final=final).pages == PAGES_OF_THE_SAMPLES[name]
    assert len(PdfReader(converted[name]).pages) == PAGES_OF_THE_SAMPLES[name]


def lines_before_page_two(pages: list[list[str]], word: str) -> int:
    """How many lines after the line where ``word`` ends page 2 begins (0: it begins there).

    The word may be divided over two lines ("Lehr-" / "kräfte"); it counts where it ends.
    """
    lines = [ln for page in pages for ln in page]
    ends = [i for i, ln in enumerate(lines) if norm(word) in norm(ln)]
    ends += [
        i + 1
        for i, (a, b) in enumerate(itertools.pairwise(lines))
        if a.endswith("-") and norm(word) in norm(a.split()[-1][:-1] + b.split()[0])
    ]
    assert ends, f"„{word}“ nicht gefunden"
    return len(pages[0]) - min(ends)


def test_reference_page_two_begins_near_where_the_original_does(
    converted: dict[str, Path], profile: Profile
) -> None:
    """The original's page 2 begins with „Lehrkräfte“ (tests/data/…-2018-07-18.txt)."""
    from pressdesk.export.pdf import render

    from .test_pdf_page_turn import body_lines

    make, final = CASES[REFERENCE]
    for data in (render(make(), profile, final=final).data, converted[REFERENCE].read_bytes()):
        pages = body_lines(data, profile)
        assert len(pages) == 2
        assert 0 <= lines_before_page_two(pages, "Lehrkräfte") <= 2, pages[1][:2]


def test_headline_spans_the_side_column_and_the_side_block_follows_it(
    converted: dict[str, Path], profile: Profile
) -> None:
    """Issue 12 point 4, in LibreOffice: the reference's 73-character headline is one
    line reaching right of the body column; the press office block begins below it."""
    from .frames import Frames
    from .headline import page_one

    f = Frames.of(profile)
    headline, side = page_one(converted[REFERENCE].read_bytes(), profile)
    assert [norm(h.text) for h in headline] == [norm(CASES[REFERENCE][0]().headline)]
    assert f.body_right + 10 < headline[0].x1 <= f.right + 1
    assert norm(side[0].text) == "Staatskanzlei"
    assert side[0].top < headline[-1].bottom
    # a two-line headline pushes the block down by a line
    long_headline, long_side = page_one(converted["ueberschrift"].read_bytes(), profile)
    assert len(long_headline) == 2
    assert long_side[0].top < long_headline[-1].bottom
    leading = profile.raw["roles"]["headline"]["leading"]
    assert side[0].top - long_side[0].top == pytest.approx(leading, abs=2)


def _rule_tops(pdf: bytes, page: int) -> list[float]:
    """Distances (points) from the paper's top edge to each horizontal rule on ``page``."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTCurve

    found: set[float] = set()  # LibreOffice draws a border as a line and a thin box
    for number, layout_page in enumerate(extract_pages(io.BytesIO(pdf)), start=1):
        if number == page:
            for obj in layout_page:
                if isinstance(obj, LTCurve) and obj.width > 300 and obj.height < 2:
                    found.add(round(layout_page.height - obj.y1))
    return sorted(found)


@pytest.mark.parametrize("name", ["lang", "sperrfrist_lang"])
def test_running_header_rule_sits_where_the_pdf_has_it(
    name: str, converted: dict[str, Path], profile: Profile
) -> None:
    """Pages 2 ff.: one rule under the running header, at the same height in both formats
    (the DOCX had it right under the header's text, the PDF 3 mm above the body)."""
    make, final = CASES[name]
    ours = _rule_tops(render_pdf(make(), profile, final=final), 2)
    theirs = _rule_tops(converted[name].read_bytes(), 2)
    assert len(ours) == 1 and len(theirs) == 1, (ours, theirs)
    assert abs(ours[0] - theirs[0]) < 1.5, (ours, theirs)
