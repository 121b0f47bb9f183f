"""reportlab's private names PressDesk relies on: each one checked, each patch fenced.

Every private name lives in ``pressdesk.export.pdf.rlcompat``; a reportlab without
one fails at import. The replacements act only inside PressDesk's own paragraphs
(``rlcompat.ours()``); anybody else's reportlab paragraph behaves as reportlab made it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl

from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf.flowables import Para
from pressdesk.export.pdf.fonts import register_fonts
from pressdesk.model import Draft
from pressdesk.profile import Profile

EMAIL = "pressestelle.kommunales.integrationszentrum@mkjfgfi.nrw.de"


@pytest.mark.parametrize("name", rlcompat.PRIVATE_NAMES)
def test_reportlab_still_has_the_private_name(name: str) -> None:
    assert hasattr(rl, name), f"reportlab.platypus.paragraph.{name} is gone"


def import_after(change: str) -> str:
    """The error output of importing rlcompat after ``change`` to reportlab's paragraph
    module (``p``), which must fail loudly."""
    code = "\n".join(
        ["import reportlab.platypus.paragraph as p", change, "import pressdesk.export.pdf.rlcompat"]
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "IncompatibleReportlab" in run.stderr
    return run.stderr


def test_missing_private_name_fails_loudly_at_import() -> None:
    assert "_hyGenPair" in import_after("del p._hyGenPair")


def test_uri_split_pairs_is_ours_only_inside_our_paragraphs() -> None:
    original = rlcompat._orig_uri_split_pairs
    for uri in ("https://www.land.nrw/a/b", EMAIL, "www.land.nrw/presse"):
        assert rl._uri_split_pairs(uri) == original(uri)
    assert original(EMAIL) is None  # reportlab would never break an e-mail address
    with rlcompat.ours():
        pairs = rl._uri_split_pairs(EMAIL)
    assert pairs is not None and pairs[0][0].endswith(".") and EMAIL.startswith(pairs[0][0])


def test_hygenpair_tells_whether_the_word_is_wider_than_the_line() -> None:
    seen: list[bool] = []

    def spy(word: str) -> list[tuple[str, str]]:
        seen.append(rlcompat.word_is_wide())
        return []

    args = ("Helvetica", 10, 0.0, 0, 5)
    with rlcompat.ours():
        rl._hyGenPair(spy, "Integrationszentrum", 500.0, 500.0, 100.0, *args)
        rl._hyGenPair(spy, "Integrationszentrum", 80.0, 150.0, 100.0, *args)
    rl._hyGenPair(spy, "Integrationszentrum", 500.0, 500.0, 100.0, *args)
    assert seen == [True, False, False]


@pytest.mark.parametrize("name", sorted(rlcompat.PRIVATE_PARAMETERS))
def test_reportlab_still_takes_the_parameters_the_wrappers_pass(name: str) -> None:
    assert rlcompat.parameters(name) == rlcompat.PRIVATE_PARAMETERS[name]


def test_a_changed_signature_fails_loudly_at_import() -> None:
    change = "p._hyGenFragsPair = lambda hyphenator, FW, maxWidth, newWidth, *a: None"
    assert "_hyGenFragsPair" in import_after(change)


def test_hygenpair_tells_whether_the_word_begins_its_line() -> None:
    seen: list[bool] = []

    def spy(word: str) -> list[tuple[str, str]]:
        seen.append(rlcompat.word_begins_line())
        return []

    args = ("Helvetica", 10, 0.0, 0, 5)
    with rlcompat.ours():
        rl._hyGenPair(spy, "Integrationszentrum", 500.0, 500.0, 100.0, *args)  # first word
        rl._hyGenPair(spy, "Integrationszentrum", 500.0, 520.0, 100.0, *args)  # after one
    assert seen == [True, False]


# a word wider than 100 points in Helvetica 10, as reportlab's simple paragraph hands it on
WIDE = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung"
WIDE_W = ttfonts.pdfmetrics.stringWidth(WIDE, "Helvetica", 10)


def _pair(hyphenator: rlcompat.Hyphenator, before: float, embedded: int = 1) -> object:
    """reportlab's division of WIDE with ``before`` points of the line already taken."""
    args = ("Helvetica", 10, 0.0, embedded, 5)
    return rl._hyGenPair(hyphenator, WIDE, WIDE_W, WIDE_W + before, 100.0, *args)


def test_the_column_edge_only_on_a_line_the_word_begins() -> None:
    """A word wider than the line, in the middle of a line: divided only at one of its
    hyphenation points, else left whole (it moves to the next line); at the start of
    a line the column edge (any place) is allowed when no hyphenation point fits."""
    nowhere = rlcompat.hyphenator(lambda word: [])  # a word without hyphenation points
    pyphen_like = rlcompat.hyphenator(lambda word: [("Grund", "stücks…"), ("Gru", "ndstücks…")])
    with rlcompat.ours():
        assert _pair(nowhere, 80.0) is None  # "… und die Gr|undstücks…" no more
        at_start = _pair(nowhere, 0.0)
        divided = _pair(pyphen_like, 60.0)
    assert at_start is not None and at_start[0] == "-" and WIDE.startswith(at_start[4])
    assert divided is not None and divided[4] == "Grund"
    # outside PressDesk's paragraphs the hyphenator is consulted as it is
    assert _pair(nowhere, 80.0) is None and _pair(pyphen_like, 60.0) is not None


def test_headings_never_break_at_a_compounds_hyphen() -> None:
    word = "Nordrhein-Westfalen"
    width = ttfonts.pdfmetrics.stringWidth(word, "Helvetica", 10)
    args = ("Helvetica", 10, 0.0, 2, 5)
    heading = rlcompat.hyphenator(None, only_wide=True)
    body = rlcompat.hyphenator(None)
    with rlcompat.ours():
        assert rl._hyGenPair(heading, word, width, width + 20, width, *args) is None
        split = rl._hyGenPair(body, word, width, width + 20, width, *args)
    assert split is not None and split[4] == "Nordrhein-"  # the body breaks there
    assert rl._hyGenPair(heading, word, width, width + 20, width, *args) is not None


def test_hyphenate_word_keeps_splitting_a_still_too_wide_tail() -> None:
    word = "abcdefghij/" * 30
    width = ttfonts.pdfmetrics.stringWidth(word, "Helvetica", 10)
    with rlcompat.ours():
        head, tail = rl._hyphenateWord(None, "Helvetica", 10, word, width, width, 100.0, 0.3, 1)
    assert type(tail) is str and head + tail == word  # an ordinary word: split again
    outside = rl._hyphenateWord(None, "Helvetica", 10, word, width, width, 100.0, 0.3, 1)
    assert outside is None or type(outside[1]) is not str


def _link_para(cls: type[Paragraph], profile: Profile) -> Paragraph:
    fonts = register_fonts(profile)
    style = ParagraphStyle("t", fontName=fonts.regular, fontSize=8.5, splitLongWords=1)
    markup = f'<onDraw name="x" label="1"/><a href="mailto:{EMAIL}">{EMAIL}</a>'
    return cls(markup, style)


def test_get_frag_words_lets_a_link_word_break_in_our_paragraphs_only(profile: Profile) -> None:
    ours = _link_para(Para, profile)
    ours.wrap(130, 500)
    theirs = _link_para(Paragraph, profile)
    theirs.wrap(130, 500)
    assert len(ours.blPara.lines) >= 2  # broken inside the address
    assert len(theirs.blPara.lines) == 1  # reportlab as it is: runs past the edge


def test_split_frag_hy_is_reportlabs_class() -> None:
    assert rlcompat.SplitFragHY is rl._SplitFragHY and isinstance(rl._SplitFragHY, type)


def test_subset_tags_outside_our_fonts_are_reportlabs() -> None:
    assert ttfonts.SUBSETN(0) == b"AAAAAA" == rlcompat._orig_SUBSETN(0)


def test_a85_flag_keeps_the_configuration_outside_our_exports() -> None:
    assert bool(rl_config.useA85) is bool(rl_config.useA85.configured)
    with rlcompat.binary_streams():
        assert not rl_config.useA85
    assert bool(rl_config.useA85) is bool(rl_config.useA85.configured)


def test_pyphen_internals_are_there() -> None:
    import pyphen

    from pressdesk.export.pdf import pyphencompat

    pyphencompat.check()
    hd = pyphencompat.parsed_dictionary({"a1b": (1, (0, 1, 0))}, 3)
    assert {n: hasattr(hd, n) for n in pyphencompat.HYPHDICT_ATTRIBUTES} == dict.fromkeys(
        pyphencompat.HYPHDICT_ATTRIBUTES, True
    )
    real = pyphen.Pyphen(lang="de_DE", left=2, right=3)
    assert all(hasattr(real, n) for n in pyphencompat.PYPHEN_ATTRIBUTES)
    ours = pyphencompat.hyphenator(real.hd, 2, 3)
    assert ours.inserted("Integrationszentrum") == real.inserted("Integrationszentrum")


def test_hyphenation_leaves_pyphens_own_cache_alone() -> None:
    import pyphen

    from pressdesk.export.pdf.hyphenation import hyphenator

    before = dict(pyphen.hdcache)
    assert list(hyphenator()("Integrationszentrum"))
    assert {k: v for k, v in pyphen.hdcache.items()} == before


def test_python_docx_part_blob_is_there() -> None:
    from pressdesk.export.docx import compat

    compat.check()
    assert compat.PRIVATE_NAMES == ("Part._blob",)


def test_page_code_is_the_canvas_content_being_drawn() -> None:
    """Tagging wraps what a paragraph drew: it needs the canvas' operator list."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from pressdesk.export.pdf import rlcompat

    canv = Canvas(io.BytesIO())
    before = len(rlcompat.page_code(canv))
    canv.drawString(10, 10, "Seite")
    assert len(rlcompat.page_code(canv)) > before
    assert any("Seite" in op for op in rlcompat.page_code(canv)[before:])


def test_text_code_and_pdf_document_are_the_canvas_internals_tagging_uses() -> None:
    import io

    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfgen.canvas import Canvas

    from pressdesk.export.pdf import rlcompat

    canv = Canvas(io.BytesIO())
    assert isinstance(rlcompat.pdf_document(canv), PDFDocument)
    tx = canv.beginText(10, 10)
    canv._curr_tx_info = {"tx": tx}  # as a platypus paragraph sets it while drawing
    rlcompat.text_code(canv).append("marker")
    assert "marker" in tx.getCode()


@pytest.mark.parametrize("name", rlcompat.USED_NAMES)
def test_reportlab_still_has_the_font_embedding_name(name: str) -> None:
    from reportlab.pdfbase import pdfdoc

    module, *attrs = name.split(".")
    obj = {"ttfonts": ttfonts, "pdfdoc": pdfdoc}[module]
    for attr in attrs:
        obj = getattr(obj, attr)
    assert callable(obj), name


def test_a_second_export_reuses_its_font_subsets_and_their_compression(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's case: the same draft again makes no subset and compresses no font again,
    and the file is the same apart from its dates and ID."""
    import re

    from reportlab.pdfbase import pdfmetrics

    from pressdesk.export.pdf import render

    def without_stamps(data: bytes) -> bytes:
        return re.sub(rb"\(D:\d+[^)]*\)|<[0-9a-f]{32}>", b"", data)

    first = render(reference_draft, profile, final=False).data
    fonts = register_fonts(profile)
    keepers = [pdfmetrics.getFont(n).face.makeSubset for n in (fonts.regular, fonts.bold)]
    assert all(isinstance(k, rlcompat._SubsetKeeper) for k in keepers)
    made = [k.made for k in keepers]
    compressed: list[bytes | str] = []
    flate = rlcompat._orig_flate_encode

    def counted(text: bytes) -> bytes:
        compressed.append(text)
        return bytes(flate(text))

    monkeypatch.setattr(rlcompat, "_orig_flate_encode", counted)
    second = render(reference_draft, profile, final=False).data
    assert [k.made for k in keepers] == made  # no subset made again
    # the pages' streams (text) are compressed again, no font file (bytes) is
    assert compressed and all(isinstance(t, str) for t in compressed if len(t) > 1000)
    assert without_stamps(second) == without_stamps(first)


def test_font_compression_is_kept_only_inside_our_exports() -> None:
    from reportlab.pdfbase import pdfdoc

    data = bytes(range(256)) * 64
    assert not rlcompat._binary.get()
    kept = len(rlcompat._flate_kept)
    assert pdfdoc.PDFZCompress.encode(data) == rlcompat._orig_flate_encode(data)
    assert len(rlcompat._flate_kept) == kept


def _deferred(name: str) -> object:
    from reportlab.lib import textsplit

    module, attr = name.split(".")
    return getattr({"paragraph": rl, "textsplit": textsplit}[module], attr)


@pytest.mark.parametrize("name", rlcompat.DEFERRED_PATTERNS)
def test_reportlab_still_has_the_pattern_compiled_when_used(name: str) -> None:
    """The pattern is there, and its text is still the one :mod:`.lazyre` defers."""
    from pressdesk.export.pdf import lazyre

    pattern = _deferred(name)
    module = {"paragraph": "reportlab.platypus.paragraph", "textsplit": "reportlab.lib.textsplit"}
    choose = lazyre.DEFERRED[module[name.split(".")[0]]]
    assert choose(pattern.pattern, pattern.flags), f"{name} changed: no longer deferred"  # type: ignore[attr-defined]


def test_an_export_process_never_compiles_reportlabs_address_patterns() -> None:
    """A whole export in a fresh process: reportlab's URL and CJK patterns stay uncompiled
    (about 70 ms less per ``pressdesk export``), ``re.compile`` is Python's own again."""
    code = (
        "import re\n"
        "from pressdesk.export.pdf import render\n"
        "from pressdesk.model import load_draft\n"
        "from pressdesk.paths import reference_sample\n"
        "assert render(load_draft(reference_sample())).pages == 2\n"
        "from reportlab.platypus import paragraph\n"
        "from reportlab.lib import textsplit\n"
        "print(paragraph.uri_pat.compiled, textsplit.rx.compiled,\n"
        "      re.compile.__module__, re.compile.__name__)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False", "re", "compile"]


@pytest.mark.parametrize(
    "uri",
    [
        "https://www.land.nrw/presse/a/b",
        "HTTPS://WWW.LAND.NRW/Presse",
        "ftp://user:pw@192.168.0.1:8080/x?y=1#z",
        "https://bücher.example.de/ä/ö",
        "http://localhost/",
        "http://[::1]/a",
        "keine adresse",
        "mailto:presse@land.nrw",
        "https://\u212aelvin.de/x",
    ],
)
def test_deferred_patterns_behave_as_compiled_ones(uri: str) -> None:
    """reportlab's own paragraphs (outside ours) still break addresses as reportlab does."""
    import re

    from reportlab.lib import textsplit

    pat = rl.uri_pat
    fresh = re.compile(pat.pattern, pat.flags)
    got, want = pat.match(uri), fresh.match(uri)
    assert (got and got.groups()) == (want and want.groups())
    assert rl._uri_split_pairs(uri) == rlcompat._orig_uri_split_pairs(uri)
    rx = textsplit.rx
    assert rx.sub(r"\1\0 ", uri + "漢字") == re.compile(rx.pattern, rx.flags).sub(
        r"\1\0 ", uri + "漢字"
    )


@pytest.mark.parametrize("name", rlcompat.BREAK_STATE)
def test_breaklines_still_leaves_the_state_kept_with_the_lines(name: str) -> None:
    """Kept lines of a paragraph with bold or links come with what ``breakLines`` leaves
    on the paragraph (.flowables); a reportlab that leaves it elsewhere would split such
    a kept paragraph at a page turn from stale fragments."""
    p = Paragraph(
        "Ein <b>fetter</b> Satz mit <a href='https://www.land.nrw'>Link</a>.", ParagraphStyle("x")
    )
    before = rlcompat.break_state(p)
    bl = p.breakLines(100)
    assert bl.kind == 1 and hasattr(p, name)
    after = rlcompat.break_state(p)
    index = rlcompat.BREAK_STATE.index(name)
    if name == "frags":  # replaced by the processed frag words, which split() slices
        assert after[index] is not before[index] and isinstance(after[index][0][0], float)
    copy = Paragraph("", ParagraphStyle("x"))
    rlcompat.set_break_state(copy, after)
    assert getattr(copy, name) is after[index]


def test_breaklines_without_the_state_fails_loudly_at_import() -> None:
    assert "_width_max" in import_after("p.Paragraph.breakLines = lambda self, width: None")


def test_frame_split_still_hands_the_flowable_its_frame() -> None:
    """A paragraph ending a page inside a word asks how tall a whole page is
    (``rlcompat.frame_height``, from the ``_frame`` reportlab's Frame.split sets)."""
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.frames import Frame

    seen: list[float | None] = []

    class Probe(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return availWidth, 2 * availHeight

        def split(self, availWidth: float, availHeight: float) -> list[object]:
            seen.append(rlcompat.frame_height(self))
            return []

    Frame(0, 0, 100, 300, 0, 5, 0, 7).split(Probe(), None)
    assert seen == [300 - 5 - 7]
    assert rlcompat.frame_height(Probe()) is None  # outside a frame's split


def test_frame_split_without_the_frame_fails_loudly_at_import() -> None:
    change = (
        "import reportlab.platypus.frames as f; f.Frame.split = lambda s, fl, c: fl.split(1, 1)"
    )
    assert rlcompat.FRAME_NAME in import_after(change)


def test_a_word_kept_whole_is_not_even_broken_as_an_address() -> None:
    """reportlab divides a word marked ``nobr`` no more, except an address wider than the
    line (after "/"); inside ``keeping_whole`` (a paragraph's twin at a page turn) not
    even that, so the whole address moves to the next line."""
    url = "https://www.land.nrw/de/pressemitteilung/landesregierung/foerdert/ehrenamt"
    args = (None, url, 400.0, 400.0, 100.0, "Helvetica", 10, False, 0)
    with rlcompat.ours():
        assert rl._hyGenPair(*args, 2) is not None  # nobr, but wider than the line
        with rlcompat.keeping_whole():
            assert rl._hyGenPair(*args, 2) is None
    hyphenator = rlcompat.hyphenator(lambda w: [])
    with rlcompat.ours(), rlcompat.keeping_whole():  # a word not marked: as before
        assert rl._hyGenPair(hyphenator, *args[1:], 2) is not None
