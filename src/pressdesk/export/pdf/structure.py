"""The logical structure of an exported release, independent of drawing order.

While the story is built, every piece of content gets a :class:`Node` in one tree
(``Document`` > ``H1``/``H2``/``P``/``BlockQuote``/``L``>``LI``>``LBody``,
``Link``...), in reading order: header, press office block, headline, body,
closing lines. Flowables and page furniture draw their content inside
:func:`marked` (content of a node) or :func:`artifact` (running headers, page
numbers, the ENTWURF mark, rules). Both are no-ops on a plain canvas; the
tagging layer (PDF/UA) hooks in through a ``pd_tagger`` attribute of the canvas,
so tags come from the exporter's own knowledge, not from guessing afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

DOCUMENT = "Document"
H1 = "H1"
H2 = "H2"
P = "P"
DIV = "Div"
BLOCKQUOTE = "BlockQuote"
L = "L"
LI = "LI"
LBL = "Lbl"
LBODY = "LBody"
LINK = "Link"
FIGURE = "Figure"


@dataclass(eq=False)
class Node:
    """One structure element; ``text`` is for tests and outlines, ``alt`` for links and figures."""

    role: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    text: str = ""
    alt: str = ""
    url: str = ""
    ident: str = ""  # names a Link in the paragraph markup (see .tagging)

    def add(self, role: str, text: str = "", alt: str = "", url: str = "") -> Node:
        child = Node(role, self, text=text, alt=alt, url=url)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


class Tagger(Protocol):
    def begin_content(self, canv: Any, node: Node, deferred: bool = False) -> None: ...
    def begin_artifact(self, canv: Any, kind: str) -> None: ...
    def end(self, canv: Any) -> None: ...
    def tag_drawn(self, canv: Any, start: int, node: Node, label: Node | None) -> None: ...


def tagger_of(canv: Any) -> Tagger | None:
    return _tagger(canv)


def _tagger(canv: Any) -> Tagger | None:
    return getattr(canv, "pd_tagger", None)


@contextmanager
def marked(canv: Any, node: Node | None, deferred: bool = False) -> Iterator[None]:
    """Everything drawn inside belongs to ``node``.

    ``deferred``: emit no marks now; the caller tags the drawn code afterwards
    (``Tagger.tag_drawn``), but links drawn inside still know their paragraph.
    """
    tagger = _tagger(canv)
    if tagger is None or node is None:
        yield
        return
    tagger.begin_content(canv, node, deferred)
    try:
        yield
    finally:
        tagger.end(canv)


@contextmanager
def artifact(canv: Any, kind: str = "Pagination") -> Iterator[None]:
    """Everything drawn inside is page furniture, not content."""
    tagger = _tagger(canv)
    if tagger is None:
        yield
        return
    tagger.begin_artifact(canv, kind)
    try:
        yield
    finally:
        tagger.end(canv)
