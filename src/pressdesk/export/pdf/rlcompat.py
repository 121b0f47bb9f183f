"""The one place that touches reportlab's private line-breaking names.

reportlab's paragraph module decides where a line breaks inside a word through a
few private functions. PressDesk needs other rules there (:mod:`pressdesk.export.breaks`):

1. ``_uri_split_pairs``: where an address may break. reportlab knows only URLs with
   a scheme and only slashes; we break addresses (with or without scheme, e-mail
   too) after ``/ - . ? & = @`` and, for a word wider than the column, anywhere,
   preferably not between two digits.
2. ``_hyGenPair`` / ``_hyGenFragsPair``: wrapped to learn whether the word at hand
   is wider than the whole line and whether it begins its line. A forced break (at
   the column edge) is offered only for a word wider than the line *on a line it
   begins*; a headline is hyphenated only then. In the middle of a line such a word
   is divided only at a proper division point (hyphenation, an address's ``/ . @``)
   that fits, else it moves whole to the next line: the styles ask reportlab for
   that with ``embeddedHyphenation=2`` (reportlab's own "try the word on the next
   line" step, which puts the whole word back before a line break), so reportlab's
   cut at the edge of the line the word began in ("… und die Gr|undstücks…", no
   hyphen) is never reached. For roles that are not hyphenated (headings) the
   wrapper also keeps reportlab from breaking at a compound's own hyphen, as before.
3. ``_hyphenateWord``: the rest of a split word that is still wider than a line stays
   an ordinary word, so it is split again (reportlab never splits a split word).
4. ``_getFragWords``: a word that begins with a zero-width ``<onDraw/>`` marker (the
   start of a link, see :mod:`.tagging`) is never broken by reportlab; an empty text
   fragment in front of the marker lets it be.

5. ``ttfonts.SUBSETN``: the subset tag of an embedded font ("AAAAAA+Carlito"). reportlab
   numbers the subsets of each font from "AAAAAA", so every font of a file carries the
   same tag; ISO 32000 wants distinct tags. :class:`TaggedTTFont` gives each subset a
   tag made from a hash of the font and its glyphs, distinct within the document.

6. ``rl_config.useA85``: reportlab reads this global at several moments of a save to
   decide whether streams get an ASCII85 layer. Toggling it around an export raced
   with the preview rendering in another thread. It is replaced once by a flag that
   keeps the configured value for everybody and reads false only inside
   :func:`binary_streams` in the current thread/context: PressDesk's files are
   Flate-only (smaller, faster to save), nobody else's change.

7. ``TTFontFace.makeSubset`` and ``pdfdoc.PDFZCompress.encode`` (both public names, but
   how reportlab embeds a font): the same draft is exported again after every pause in
   the editor, with the same glyphs, so :class:`TaggedTTFont` keeps the last subsets it
   made (keyed by the glyph list) and, inside :func:`binary_streams`, the Flate-compressed
   form of large streams (the embedded fonts) is kept by content. Same bytes out; the
   first export in a process does all the work (``bench/export_typst.py`` prints both).

8. ``pdfmetrics._fonts``: reportlab's table of registered fonts. ``registerFont`` reads
   the font file at once (about a third of a cold export for the four styles); a
   :class:`LazyTTFont` goes into the table by name and reads its file only when a
   paragraph first uses it, so an export without italics never reads the italic files.

9. ``paragraph.uri_pat`` and ``textsplit.rx``: module-level patterns reportlab compiles at
   import (about 70 ms of a whole export process), used only by ``_uri_split_pairs``
   (replaced in our paragraphs, point 1) and CJK wrapping. :mod:`.lazyre` lets them be
   compiled at their first use instead; reportlab's own paragraphs still use them.

10. ``TTFontFile.extractInfo``'s results (the attributes of a ``TTFontFace``) and
    ``TTFont.__init__``: parsing a font file's tables takes about 20 ms per style and
    export process. :func:`face_state` turns a parsed face into plain data (``marshal``,
    no code) that ``pressdesk.export.pdf.fonts`` keeps in the user's cache folder;
    :class:`TaggedTTFont` rebuilds the face from it (:func:`face_from_state`, the file's
    bytes read again) and does the rest of ``TTFont.__init__`` itself. A test holds a
    rebuilt font attribute by attribute against a parsed one; an unknown attribute type
    means no cache (parsed as before).

11. ``Frame.split`` sets ``_frame`` on the flowable it asks to split: a paragraph whose
    page would end inside a word over several lines keeps the word whole unless it is
    taller than a whole frame (:func:`frame_height`); checked at import with a probe.

12. While a paragraph's twin breaks its lines (a word marked ``nobr`` to keep it whole at
    a page turn, :func:`keeping_whole`), ``_hyGenPair``/``_hyGenFragsPair`` divide no
    marked word: reportlab would still break a marked address wider than the line
    after "/" (it hands such a word no hyphenator, which our styles always have).

Every replacement does PressDesk's thing only while one of PressDesk's own
paragraphs breaks its lines (:func:`ours`, a context variable set by
``flowables.Para.breakLines``); for every other paragraph in the process it calls
reportlab's original unchanged. :data:`PRIVATE_NAMES` lists what is used (and
:data:`PRIVATE_PARAMETERS` the parameters of the wrapped functions, in order); a
reportlab without one of them fails loudly at import (:class:`IncompatibleReportlab`),
and the test suite has a test per name.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.lib import textsplit as _textsplit
from reportlab.pdfbase import pdfdoc as _pdfdoc
from reportlab.pdfbase import pdfmetrics as _pdfmetrics
from reportlab.pdfbase import ttfonts as _ttf
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl

from pressdesk.export import breaks
from pressdesk.export.pdf.lazyre import LazyPattern

PRIVATE_NAMES = (
    "_uri_split_pairs",
    "_hyGenPair",
    "_hyGenFragsPair",
    "_hyphenateWord",
    "_getFragWords",
    "_SplitFragHY",
)
PRIVATE_TTF_NAMES = ("SUBSETN",)
USED_NAMES = ("ttfonts.TTFontFace.makeSubset", "pdfdoc.PDFZCompress.encode")
PRIVATE_METRICS_NAMES = ("_fonts",)
DEFERRED_PATTERNS = ("paragraph.uri_pat", "textsplit.rx")  # see .lazyre


class IncompatibleReportlab(RuntimeError):
    """reportlab no longer has a private name PressDesk's line breaking relies on."""


def _has_path(dotted: str) -> bool:
    module, *attrs = dotted.split(".")
    obj: Any = {"ttfonts": _ttf, "pdfdoc": _pdfdoc}[module]
    for attr in attrs:
        if not hasattr(obj, attr):
            return False
        obj = getattr(obj, attr)
    return callable(obj)


# The wrapped functions' parameters, in order: the wrappers pass them by position.
PRIVATE_PARAMETERS = {
    "_hyGenPair": (
        "hyphenator", "s", "ww", "newWidth", "maxWidth", "fontName", "fontSize",
        "uriWasteReduce", "embeddedHyphenation",
    ),
    "_hyGenFragsPair": (
        "hyphenator", "FW", "newWidth", "maxWidth", "uriWasteReduce", "embeddedHyphenation",
    ),
}  # fmt: skip


def parameters(name: str) -> tuple[str, ...]:
    """The names of the first parameters of reportlab's ``name`` (as many as we rely on)."""
    code = getattr(getattr(_rl, name, None), "__code__", None)
    if code is None:
        return ()
    return tuple(code.co_varnames[: code.co_argcount])[: len(PRIVATE_PARAMETERS[name])]


_missing = [n for n in PRIVATE_NAMES if not hasattr(_rl, n)]
_missing += [f"{n}{want}" for n, want in PRIVATE_PARAMETERS.items() if parameters(n) != want]
_missing += [n for n in PRIVATE_TTF_NAMES if not hasattr(_ttf, n)]
_missing += [n for n in USED_NAMES if not _has_path(n)]
_missing += [
    n for n in PRIVATE_METRICS_NAMES if not isinstance(getattr(_pdfmetrics, n, None), dict)
]
_missing += [
    n
    for n in DEFERRED_PATTERNS
    if not isinstance(
        getattr({"paragraph": _rl, "textsplit": _textsplit}[n.split(".")[0]], n.split(".")[1], 0),
        (re.Pattern, LazyPattern),
    )
]
if _missing:  # pragma: no cover - only with an unsupported reportlab
    raise IncompatibleReportlab(
        f"reportlab {getattr(_rl, '__version__', '')} lacks {', '.join(_missing)}; "
        "PressDesk's line breaking needs them (see pressdesk/export/pdf/rlcompat.py)."
    )

SplitFragHY: Any = _rl._SplitFragHY

_ours: ContextVar[bool] = ContextVar("pd_ours", default=False)
_wide: ContextVar[bool] = ContextVar("pd_wide", default=False)
# While breaking: the word at hand begins its line (nothing drawn before it there).
_line_start: ContextVar[bool] = ContextVar("pd_line_start", default=False)
_keep_whole: ContextVar[bool] = ContextVar("pd_keep_whole", default=False)


@contextmanager
def ours() -> Iterator[None]:
    """PressDesk's rules apply to the line breaking done inside this block."""
    token = _ours.set(True)
    try:
        yield
    finally:
        _ours.reset(token)


@contextmanager
def keeping_whole() -> Iterator[None]:
    """Inside this block a word marked ``nobr`` is not divided at all, not even an address
    wider than the line (reportlab breaks such an address after "/" despite the mark)."""
    token = _keep_whole.set(True)
    try:
        yield
    finally:
        _keep_whole.reset(token)


def _kept_whole(hyphenator: Any) -> bool:
    """reportlab hands a ``nobr`` word's division no hyphenator (our styles all have one)."""
    return hyphenator is None and _keep_whole.get()


@contextmanager
def _width_known(wide: bool, line_start: bool) -> Iterator[None]:
    token = _wide.set(wide)
    start = _line_start.set(line_start)
    try:
        yield
    finally:
        _line_start.reset(start)
        _wide.reset(token)


def word_is_wide() -> bool:
    """While breaking: the word at hand is wider than a whole line."""
    return _wide.get()


def word_begins_line() -> bool:
    """While breaking: the word at hand begins its line."""
    return _line_start.get()


# What a line holds before its first word, in reportlab's arithmetic (0 up to rounding).
_EPS = 1e-6

Hyphenator = Callable[[str], Iterable[tuple[str, str]]]


class _Pairs:
    """The hyphenator handed to reportlab (see :func:`hyphenator`)."""

    def __init__(self, base: Hyphenator | None, only_wide: bool) -> None:
        self.base, self.only_wide = base, only_wide

    def __call__(self, word: str) -> Iterable[tuple[str, str]]:
        forced = _wide.get() and _line_start.get()  # the column edge is allowed
        if self.only_wide and not forced:
            return ()
        found = list(self.base(word)) if self.base is not None else []
        return found + breaks.hyphen_fallback(word) if forced else found


def hyphenator(base: Hyphenator | None, only_wide: bool = False) -> Hyphenator:
    """reportlab's ``hyphenationLang`` callable: ``base``'s points, then the column edge.

    The column edge (any place, with a hyphen) only for a word wider than the line
    that begins its line; in the middle of a line such a word is divided at one of
    ``base``'s points or moves to the next line (module doc, item 2).

    ``only_wide``: hyphenate only a word wider than the line, and only on a line it
    begins (headlines: they break between words, and a word is divided only if it
    cannot fit any line); no break at a compound's own hyphen either.
    """
    return _Pairs(base, only_wide)


def _embedded(hyphenator: Any, embedded: Any) -> Any:
    """reportlab's ``embeddedHyphenation`` argument: none for a words-only hyphenator."""
    return 0 if isinstance(hyphenator, _Pairs) and hyphenator.only_wide else embedded


_orig_uri_split_pairs = _rl._uri_split_pairs
_orig_hyGenPair = _rl._hyGenPair
_orig_hyGenFragsPair = _rl._hyGenFragsPair
_orig_hyphenateWord = _rl._hyphenateWord
_orig_getFragWords = _rl._getFragWords


def _uri_split_pairs(uri: Any) -> Any:
    if not _ours.get():
        return _orig_uri_split_pairs(uri)
    text = uri.decode("utf8") if isinstance(uri, bytes) else str(uri)
    return breaks.split_pairs(text, _wide.get(), _line_start.get())


def _hyGenPair(
    hyphenator: Any,
    s: Any,
    ww: float,
    newWidth: float,
    maxWidth: float,
    fontName: str,
    fontSize: float,
    uriWasteReduce: Any,
    embeddedHyphenation: Any,
    *a: Any,
) -> Any:
    if not _ours.get():
        return _orig_hyGenPair(
            hyphenator, s, ww, newWidth, maxWidth, fontName, fontSize, uriWasteReduce,
            embeddedHyphenation, *a,
        )  # fmt: skip
    if _kept_whole(hyphenator):
        return None
    embedded = _embedded(hyphenator, embeddedHyphenation)
    with _width_known(ww > maxWidth, newWidth - ww <= _EPS):
        return _orig_hyGenPair(
            hyphenator, s, ww, newWidth, maxWidth, fontName, fontSize, uriWasteReduce,
            embedded, *a,
        )  # fmt: skip


def _hyGenFragsPair(
    hyphenator: Any,
    FW: Any,
    newWidth: float,
    maxWidth: float,
    uriWasteReduce: Any,
    embeddedHyphenation: Any,
    *a: Any,
) -> Any:
    if not _ours.get():
        return _orig_hyGenFragsPair(
            hyphenator, FW, newWidth, maxWidth, uriWasteReduce, embeddedHyphenation, *a
        )
    if _kept_whole(hyphenator):
        return None
    embedded = _embedded(hyphenator, embeddedHyphenation)
    with _width_known(FW[0] > maxWidth, newWidth - FW[0] <= _EPS):
        return _orig_hyGenFragsPair(
            hyphenator, FW, newWidth, maxWidth, uriWasteReduce, embedded, *a
        )


def _hyphenateWord(
    hyphenator: Any,
    fontName: str,
    fontSize: float,
    w: str,
    ww: float,
    newWidth: float,
    maxWidth: float,
    *args: Any,
    **kwargs: Any,
) -> Any:
    result = _orig_hyphenateWord(
        hyphenator, fontName, fontSize, w, ww, newWidth, maxWidth, *args, **kwargs
    )
    if _ours.get() and result and len(result) == 2 and isinstance(result[1], str):
        tail = result[1]
        if stringWidth(tail, fontName, fontSize) > maxWidth:
            result[1] = str(tail)  # an ordinary word again: split further
    return result


def _getFragWords(frags: Any, maxWidth: Any = None) -> Any:
    words = _orig_getFragWords(frags, maxWidth)
    if not _ours.get():
        return words
    for w in words:
        if len(w) > 2 and hasattr(w[1][0], "cbDefn") and not getattr(w[1][0].cbDefn, "width", 0):
            text = next((f for f, t in w[2:] if t and not hasattr(f, "cbDefn")), None)
            if text is not None:
                w.insert(1, (text.clone(text=""), ""))
    return words


_rl._uri_split_pairs = _uri_split_pairs
_rl._hyGenPair = _hyGenPair
_rl._hyGenFragsPair = _hyGenFragsPair
_rl._hyphenateWord = _hyphenateWord
_rl._getFragWords = _getFragWords


_orig_SUBSETN = _ttf.SUBSETN
_subset_tag: ContextVar[Callable[[int], bytes] | None] = ContextVar("pd_subset_tag", default=None)


def _SUBSETN(n: int, *args: Any) -> bytes:
    tag = _subset_tag.get()
    return tag(n) if tag is not None else _orig_SUBSETN(n, *args)


_ttf.SUBSETN = _SUBSETN


def _tag_for(seed: str, used: set[bytes]) -> bytes:
    """Six capital letters from a hash of ``seed``, not yet in ``used``."""
    import hashlib

    bump = 0
    while True:
        digest = hashlib.sha1(f"{seed}/{bump}".encode()).digest()
        tag = bytes(65 + b % 26 for b in digest[:6])
        if tag not in used:
            used.add(tag)
            return tag
        bump += 1


SUBSETS_KEPT = 16  # per font: subsets (glyph lists) of recent exports


class _SubsetKeeper:
    """A font face's ``makeSubset`` that keeps the last subsets it made (by glyph list)."""

    def __init__(self, make: Callable[[Any], bytes]) -> None:
        self.make = make
        self.made = 0  # subsets actually made (the tests read it)
        self.kept: dict[tuple[int, ...], bytes] = {}
        self.lock = threading.Lock()  # the preview exports in another thread

    def __call__(self, subset: Any) -> bytes:
        key = tuple(subset)
        with self.lock:
            data = self.kept.pop(key, None)
        if data is None:
            data = self.make(subset)
            self.made += 1
        with self.lock:
            while len(self.kept) >= SUBSETS_KEPT:
                del self.kept[next(iter(self.kept))]
            self.kept[key] = data  # most recent last
        return data


_PLAIN = (int, float, str, bytes, bool, type(None))
_NAME = "\x00ttfname"  # marks a TTFNameBytes in a face state
_SKIPPED = ("_pdfScale", "_ttf_data")  # made again: a closure and the file's bytes


def _plain(value: Any) -> bool:
    if type(value) in _PLAIN:
        return True
    if type(value) in (list, tuple):
        return all(_plain(v) for v in value)
    if type(value) is dict:
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def face_state(face: Any) -> dict[str, Any] | None:
    """A parsed ``TTFontFace``'s attributes as plain data, or None if one is not plain."""
    state: dict[str, Any] = {}
    for key, value in vars(face).items():
        if key in _SKIPPED:
            continue
        if type(value) is _ttf.TTFNameBytes:
            state[key] = (_NAME, value.ustr)
        elif _plain(value):
            state[key] = value
        else:
            return None
    return state


def face_from_state(filename: str, state: dict[str, Any]) -> Any:
    """The ``TTFontFace`` of ``filename`` that :func:`face_state` described."""
    face = _ttf.TTFontFace.__new__(_ttf.TTFontFace)
    attrs = vars(face)
    for key, value in state.items():
        if type(value) is tuple and len(value) == 2 and value[0] == _NAME:
            value = _ttf.TTFNameBytes(value[1].encode("utf8"))
        attrs[key] = value
    with open(filename, "rb") as f:
        attrs["_ttf_data"] = f.read()
    units = state["unitsPerEm"]
    if units == 1000:  # as TTFontFile.extractInfo
        attrs["_pdfScale"] = lambda x: x
    else:
        mult = 1000 / units
        attrs["_pdfScale"] = lambda x: x * mult
    return face


# font file name -> (the face's cached state or None, keep: store a parsed face's state)
FaceCache = Callable[[str], tuple[dict[str, Any] | None, Callable[[dict[str, Any]], None]]]
face_cache: FaceCache | None = None  # set by pressdesk.export.pdf.fonts


class TaggedTTFont(_ttf.TTFont):
    """A TrueType font whose embedded subsets get distinct tags (see the module doc).

    It also keeps the subsets it made (item 7 of the module doc) and is built from
    the cached state of its face where there is one (item 10).
    """

    def __init__(self, name: str, filename: str) -> None:
        cached, keep = face_cache(filename) if face_cache is not None else (None, None)
        face: Any = None
        if cached is not None:
            try:
                face = face_from_state(filename, cached)
            except (KeyError, TypeError, ValueError, ZeroDivisionError):
                face = None
        if face is None:
            super().__init__(name, filename)
            parsed: Any = vars(self)["face"]
            state = face_state(parsed) if keep is not None else None
            if keep is not None and state is not None:
                keep(state)
        else:  # TTFont.__init__ without parsing the file
            from fnmatch import fnmatch
            from weakref import WeakKeyDictionary

            from reportlab import rl_config

            self.fontName = name
            self.face = face
            self.encoding = _ttf.TTEncoding()
            self.state: Any = WeakKeyDictionary()
            self._asciiReadable = rl_config.ttfAsciiReadable
            self.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob)
        self.face.makeSubset = _SubsetKeeper(self.face.makeSubset)

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = list(state.subsets) if state is not None else []
        used: set[bytes] = doc.__dict__.setdefault("_pd_subset_tags", set())

        def tag(n: int) -> bytes:
            glyphs = ",".join(map(str, subsets[n])) if n < len(subsets) else ""
            return _tag_for(f"{self.fontName}/{n}/{glyphs}", used)

        token = _subset_tag.set(tag)
        try:
            super().addObjects(doc)
        finally:
            _subset_tag.reset(token)


class LazyTTFont(TaggedTTFont):
    """A :class:`TaggedTTFont` that reads its file when first used (item 8 of the module doc).

    Until then it has its name and nothing else; the first attribute it lacks loads
    the file. ``on_error`` turns a file that cannot be read then into the caller's error.
    """

    def __init__(
        self, name: str, filename: str, on_error: Callable[[Exception], Exception]
    ) -> None:
        self.fontName = name
        self._pd_lazy = (name, filename, on_error)
        self._pd_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return "face" in self.__dict__

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") or attr.startswith("_pd_") or self.loaded:
            raise AttributeError(attr)
        name, filename, on_error = self._pd_lazy
        with self._pd_lock:
            if not self.loaded:
                try:
                    TaggedTTFont.__init__(self, name, filename)
                except (OSError, _ttf.TTFError) as exc:
                    raise on_error(exc) from None
        return getattr(self, attr)


def register_lazy(font: LazyTTFont) -> None:
    """Register ``font`` by name without reading its file (``registerFont`` reads it)."""
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    _pdfmetrics._fonts[font.fontName] = font
    registerFontFamily(font.fontName)


_binary: ContextVar[bool] = ContextVar("pd_binary_streams", default=False)


class _A85Flag:
    """``rl_config.useA85`` as reportlab configured it, but false inside :func:`binary_streams`."""

    def __init__(self, configured: Any) -> None:
        self.configured = configured

    def __bool__(self) -> bool:
        return bool(self.configured) and not _binary.get()

    def __repr__(self) -> str:
        return f"_A85Flag({self.configured!r})"


FLATE_KEEP_FROM = 2048  # bytes: a binary stream this large (an embedded font) is kept
FLATE_KEPT = 16
_flate_kept: dict[bytes, bytes] = {}
_flate_lock = threading.Lock()
_orig_flate_encode = _pdfdoc.PDFZCompress.encode


def _flate_encode(text: Any) -> Any:
    if not _binary.get() or not isinstance(text, bytes) or len(text) < FLATE_KEEP_FROM:
        return _orig_flate_encode(text)
    with _flate_lock:
        data = _flate_kept.pop(text, None)
    if data is None:
        data = _orig_flate_encode(text)
    with _flate_lock:
        while len(_flate_kept) >= FLATE_KEPT:
            del _flate_kept[next(iter(_flate_kept))]
        _flate_kept[text] = data
    return data


_pdfdoc.PDFZCompress.encode = _flate_encode


def _install_a85_flag() -> None:
    from reportlab import rl_config

    if not isinstance(rl_config.useA85, _A85Flag):
        rl_config.useA85 = _A85Flag(rl_config.useA85)


_install_a85_flag()


@contextmanager
def binary_streams() -> Iterator[None]:
    """Streams of PDFs saved in this block: Flate only, no ASCII85 layer."""
    token = _binary.set(True)
    try:
        yield
    finally:
        _binary.reset(token)


def _canvas_has_code() -> bool:
    import io

    from reportlab.pdfgen.canvas import Canvas

    return isinstance(getattr(Canvas(io.BytesIO()), "_code", None), list)


if not _canvas_has_code():  # pragma: no cover - only with an unsupported reportlab
    raise IncompatibleReportlab(
        "reportlab's Canvas no longer keeps its page content in _code; PressDesk's tagging "
        "needs it (see pressdesk/export/pdf/rlcompat.py)."
    )


def page_code(canv: Any) -> list[str]:
    """The content-stream operators drawn on the current page so far (``Canvas._code``):
    tagging wraps what a paragraph drew in marked content."""
    code: list[str] = canv._code
    return code


def text_code(canv: Any) -> list[str]:
    """The operators of the text object a paragraph is drawing (``_curr_tx_info["tx"]._code``):
    link markers go in there, between the words."""
    code: list[str] = canv._curr_tx_info["tx"]._code
    return code


def pdf_document(canv: Any) -> Any:
    """The canvas' PDFDocument (``Canvas._doc``), where the structure tree is added on save."""
    return canv._doc


# What ``Paragraph.breakLines`` sets on the paragraph besides the lines it returns: a
# paragraph of several fonts or with links ("kind 1") replaces ``frags`` by its processed
# frag words (``split`` slices them by each line's ``sFW``), and every kind counts widths
# and hyphenations. A paragraph that reuses kept lines (.flowables) gets these too.
BREAK_STATE = ("frags", "_width_max", "_hyphenations", "_splitLongWordCount")


def _breaklines_sets_state() -> bool:
    names = set(_rl.Paragraph.breakLines.__code__.co_names)
    return all(n in names for n in BREAK_STATE)


if not _breaklines_sets_state():  # pragma: no cover - only with an unsupported reportlab
    raise IncompatibleReportlab(
        f"reportlab's Paragraph.breakLines no longer sets {', '.join(BREAK_STATE)}; PressDesk "
        "keeps broken lines with them (see pressdesk/export/pdf/rlcompat.py)."
    )


def break_state(para: Any) -> tuple[Any, ...]:
    """What ``breakLines`` left on ``para`` (:data:`BREAK_STATE`), to keep with its lines."""
    return tuple(getattr(para, name, None) for name in BREAK_STATE)


def set_break_state(para: Any, state: tuple[Any, ...]) -> None:
    """Leave ``state`` (from :func:`break_state`) on ``para`` as ``breakLines`` would."""
    for name, value in zip(BREAK_STATE, state, strict=True):
        setattr(para, name, value)


# While a frame asks a flowable to split (``Frame.split``), the flowable has the frame as
# ``_frame``: a paragraph ending a page inside a word learns from it whether the word
# could be held by any page at all (:func:`frame_height`).
FRAME_NAME = "_frame"


def _split_sees_frame() -> bool:
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.frames import Frame

    seen: list[Any] = []

    class _Probe(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return availWidth, availHeight * 2

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            seen.append(getattr(self, FRAME_NAME, None))
            return []

    frame = Frame(0, 0, 100, 200, 0, 0, 0, 0)
    frame.split(_Probe(), None)
    return len(seen) == 1 and seen[0] is frame


if not _split_sees_frame():  # pragma: no cover - only with an unsupported reportlab
    raise IncompatibleReportlab(
        f"reportlab's Frame.split no longer sets {FRAME_NAME} on the flowable; PressDesk's "
        "page turns need it (see pressdesk/export/pdf/rlcompat.py)."
    )


def frame_height(flowable: Any) -> float | None:
    """The whole height (points, paddings off) of the frame ``flowable`` is splitting in,
    or None outside ``Frame.split``."""
    frame = getattr(flowable, FRAME_NAME, None)
    if frame is None:
        return None
    height: float = frame.height - frame.topPadding - frame.bottomPadding
    return height
