"""Tagged PDF (PDF/UA-1) written by the exporter itself, at reportlab speed.

reportlab writes untagged PDF. This layer adds what ISO 14289-1 asks for, from
the exporter's own knowledge of the document (never by guessing from the
finished file):

- :class:`Tagger` is hooked into the canvas (``canvas.pd_tagger``). Flowables and
  page furniture call it through :func:`.structure.marked` and
  :func:`.structure.artifact`; it wraps their drawing in ``/P <</MCID n>> BDC …
  EMC`` or ``/Artifact <<…>> BDC … EMC`` and remembers which structure node each
  MCID belongs to.
- :class:`TaggedCanvas` gives every link annotation a ``/StructParent`` and a
  ``/Contents`` description, and every page ``/StructParents`` and ``/Tabs /S``.
- On save, :meth:`Tagger.finish` writes the structure tree in reading order (the
  node tree built with the story, see :mod:`.structure`), the parent tree, the
  catalog's ``/MarkInfo`` and the XMP metadata with ``pdfuaid:part 1``.

A paragraph is drawn first and tagged afterwards (:meth:`Tagger.tag_drawn`): its
text objects get their marked content inside BT…ET, split at the markers that
reportlab's ``<onDraw/>`` callbacks leave around link text, so a ``Link`` element
holds its own text as well as the annotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf import structure as st
from pressdesk.export.pdf.flowables import LINK_END, LINK_START
from pressdesk.export.pdf.numbering import PageLabelCanvas
from pressdesk.export.xmltext import escape

_ARTIFACTS = {
    "Pagination": "<</Type /Pagination>>",
    "Header": "<</Type /Pagination /Subtype /Header>>",
    "Watermark": "<</Type /Pagination /Subtype /Watermark>>",
    "Layout": "<</Type /Layout>>",
}


@dataclass
class Marks:
    """What the tagger learnt while the pages were drawn."""

    content: dict[st.Node, list[tuple[int, int]]] = field(default_factory=dict)  # (page, mcid)
    # a node's marked content and the children drawn inside it, in drawing order
    order: dict[st.Node, list[tuple[int, int] | st.Node]] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)  # page -> MCIDs used
    annots: dict[st.Node, list[tuple[int, PDFObjectReference, Any]]] = field(default_factory=dict)


class Tagger:
    """Marked content on the canvas, the structure tree on save."""

    def __init__(self, root: st.Node, info: dict[str, str]) -> None:
        self.root = root
        self.info = info
        self.marks = Marks()
        self._stack: list[tuple[st.Node | None, bool]] = []  # (node, emitted BDC)
        self._last_link: st.Node | None = None
        self.links = {n.ident: n for n in root.walk() if n.role == st.LINK and n.ident}

    # -- during drawing --------------------------------------------------------------------

    def _mark(self, node: st.Node, page: int) -> int:
        mcid = self.marks.pages.get(page, 0)
        self.marks.pages[page] = mcid + 1
        self.marks.content.setdefault(node, []).append((page, mcid))
        self.marks.order.setdefault(node, []).append((page, mcid))
        return mcid

    def begin_content(self, canv: Any, node: st.Node, deferred: bool = False) -> None:
        if self._stack or deferred:  # nested: it belongs to the outer node; deferred: later
            self._stack.append((node, False))
            return
        mcid = self._mark(node, canv.getPageNumber())
        rlcompat.page_code(canv).append(f"/{_tag(node)} <</MCID {mcid}>> BDC")
        self._stack.append((node, True))

    def tag_drawn(self, canv: Any, start: int, node: st.Node, label: st.Node | None) -> None:
        """Tag the code a paragraph drew from ``Canvas._code[start]`` (``rlcompat.page_code``) on.

        Each text object gets marked content inside BT…ET: the paragraph's node, a
        Link node between the link markers, the list item's Lbl for its bullet (the
        first of two text objects). Painting outside text (a border) is an Artifact.
        """
        code = rlcompat.page_code(canv)[start:]
        page = canv.getPageNumber()
        counts = [_text_objects(_operators(c)) for c in code]  # text objects per piece
        plain = [
            n == 1 and c.startswith("BT") and c.rstrip().endswith("ET")
            for c, n in zip(code, counts, strict=True)
        ]

        if any(
            (n or _LINK_MARK.search(c)) and not is_plain
            for c, n, is_plain in zip(code, counts, plain, strict=True)
        ):
            # not plain text objects: tag the whole drawing as the node's content
            body = "\n".join(_LINK_MARK.sub("", c) for c in code)
            mcid = self._mark(node, page)
            rlcompat.page_code(canv)[start:] = [f"/{_tag(node)} <</MCID {mcid}>> BDC\n{body}\nEMC"]
            return
        texts = [i for i, c in enumerate(code) if c.startswith("BT")]
        out = []
        for i, c in enumerate(code):
            if plain[i]:
                owner = label if label is not None and len(texts) > 1 and i == texts[0] else node
                out.append(self._tag_text(c, owner, node, page))
            elif _PAINTS.intersection(c.split()):
                out.append(f"/Artifact {_ARTIFACTS['Layout']} BDC\n{c}\nEMC")
            else:
                out.append(c)
        rlcompat.page_code(canv)[start:] = out

    def _tag_text(self, code: str, owner: st.Node, para: st.Node, page: int) -> str:
        parts = _LINK_MARK.split(code.rstrip()[2:-2])
        # text before a link's end marker, with no start before it: the rest of a link
        # that began on the previous page
        first = self.links.get(parts[2]) if len(parts) > 1 and parts[1] == "-" else None
        segments = [(first or owner, parts[0])]
        for sign, ident, text in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
            link = self.links.get(ident) if sign == "+" else None
            segments.append((link or owner, text))
        out = ["BT"]
        order = self.marks.order.setdefault(para, [])
        for node, text in segments:
            if _SHOWS_TEXT.search(text):
                if node is not owner and node not in order:
                    order.append(node)  # the Link's place among the paragraph's text
                out += [f"/{_tag(node)} <</MCID {self._mark(node, page)}>> BDC", text, "EMC"]
            else:  # only text state: needs no mark
                out.append(text)
        out.append("ET")
        return " ".join(out)

    def link_start(self, canv: Any, kind: str, label: str | None) -> None:
        rlcompat.text_code(canv).append(f"\x1ePDL+{label}\x1e")

    def link_end(self, canv: Any, kind: str, label: str | None) -> None:
        rlcompat.text_code(canv).append(f"\x1ePDL-{label}\x1e")

    def begin_artifact(self, canv: Any, kind: str) -> None:
        if self._stack:
            self._stack.append((None, False))
            return
        rlcompat.page_code(canv).append(
            f"/Artifact {_ARTIFACTS.get(kind, _ARTIFACTS['Layout'])} BDC"
        )
        self._stack.append((None, True))

    def end(self, canv: Any) -> None:
        _, emitted = self._stack.pop()
        if emitted:
            rlcompat.page_code(canv).append("EMC")

    def current(self) -> st.Node | None:
        for node, _ in reversed(self._stack):
            if node is not None:
                return node
        return None

    def link_node(self, url: str) -> st.Node | None:
        """The Link node an annotation for ``url``, drawn now, belongs to.

        A link broken over lines gets one annotation per line, all for one node.
        """
        node = self.current()
        if node is None:
            return None
        links = [c for c in node.children if c.role == st.LINK and c.url == url]
        if self._last_link in links:
            return self._last_link
        fresh = [lk for lk in links if lk not in self.marks.annots]
        return fresh[0] if fresh else (links[-1] if links else None)

    def add_annotation(self, node: st.Node, page: int, ref: PDFObjectReference, annot: Any) -> None:
        self._last_link = node
        self.marks.annots.setdefault(node, []).append((page, ref, annot))

    # -- on save ---------------------------------------------------------------------------

    def finish(self, canv: Any, total_pages: int) -> None:
        doc = rlcompat.pdf_document(canv)
        page_refs = {p: PDFObjectReference(f"Page{p}") for p in range(1, total_pages + 1)}
        parents: dict[int, list[Any]] = {p: [None] * n for p, n in self.marks.pages.items()}
        annot_parents: list[Any] = []  # keys total_pages, total_pages + 1, ...

        root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        root_ref = doc.Reference(root)

        def build(node: st.Node, parent_ref: Any) -> Any | None:
            elem = _StructElem(
                {"Type": PDFName("StructElem"), "S": PDFName(_tag(node)), "P": parent_ref}
            )
            ref = doc.Reference(elem)
            kids: list[Any] = []
            marks = self.marks.content.get(node, [])
            home = marks[0][0] if marks else 0  # MCIDs on this page are plain integers
            if marks:
                elem["Pg"] = page_refs[home]
            order = self.marks.order.get(node, [])
            drawn = [x for x in order if isinstance(x, st.Node)]
            items = [*order, *(c for c in node.children if c not in drawn)]
            for item in items:
                if isinstance(item, st.Node):
                    child_ref = build(item, ref)
                    if child_ref is not None:
                        kids.append(child_ref)
                    continue
                page, mcid = item
                if page == home:
                    kids.append(mcid)
                else:
                    kids.append(
                        PDFDictionary({"Type": PDFName("MCR"), "Pg": page_refs[page], "MCID": mcid})
                    )
                parents[page][mcid] = ref
            for page, annot_ref, annot in self.marks.annots.get(node, []):
                kids.append(
                    PDFDictionary(
                        {"Type": PDFName("OBJR"), "Pg": page_refs[page], "Obj": annot_ref}
                    )
                )
                annot["StructParent"] = total_pages + len(annot_parents)
                annot_parents.append(ref)
            if not kids:
                return None
            elem["K"] = _Kids(kids)
            if node.alt:
                elem["Alt"] = PDFString(node.alt)
            return ref

        doc_ref = build(self.root, root_ref)
        nums: list[Any] = []
        for page in range(1, total_pages + 1):
            nums += [page - 1, PDFArray(parents.get(page, []))]
        for key, ref in enumerate(annot_parents):
            nums += [total_pages + key, ref]
        root["K"] = PDFArray([doc_ref] if doc_ref is not None else [])
        root["ParentTree"] = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
        root["ParentTreeNextKey"] = total_pages + len(annot_parents)

        cat = doc.Catalog
        cat.StructTreeRoot = root_ref
        cat.MarkInfo = PDFDictionary({"Marked": "true"})
        cat.Metadata = _XMP(xmp(self.info))


_LINK_MARK = re.compile("\x1ePDL([+-])([^\x1e]*)\x1e")
_SHOWS_TEXT = re.compile(r"(Tj|TJ|')\s*$|(Tj|TJ|')\s", re.M)
_PAINTS = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "EI"}
# A string operand as reportlab writes it (parentheses and backslashes inside escaped).
_STRING = re.compile(r"\((?:\\.|[^\\()])*\)", re.S)
_BEGIN_TEXT = re.compile(r"(?<!\S)BT(?!\S)")


def _operators(code: str) -> str:
    """Content-stream code with its strings emptied: only operators and numbers are left
    (a paragraph about the "BTHG" must not look like a second text object)."""
    return _STRING.sub("()", code)


def _text_objects(ops: str) -> int:
    return len(_BEGIN_TEXT.findall(ops))


def _tag(node: st.Node) -> str:
    return node.role


def _number_or_reference(item: Any, document: Any) -> bytes:
    if type(item) is int:  # an MCID
        return b"%d" % item
    if type(item) is PDFObjectReference:
        return b"%d %d R" % document.idToObjectNumberAndVersion[item.name]
    return pdf_format(item, document)


class _Kids(PDFArray):
    """A structure element's /K: as reportlab writes a PDFArray, MCIDs and references
    written directly (a tagged reference export has hundreds of them)."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if rl_config.pdfMultiLine:
            return super().format(document, IND)
        out = [_number_or_reference(item, document) for item in self.sequence]
        for i in reversed(range(10, len(out), 10)):  # reportlab: a new line every 10
            out.insert(i, b"\n ")
        return b"[ " + b" ".join(out) + b" ]"


_KEYS: dict[str, bytes] = {}  # "/Type" and the like, escaped as reportlab does once each


class _StructElem(PDFDictionary):
    """A structure element: written as reportlab writes a PDFDictionary (keys sorted, a
    new line every 6), with its names and references written directly."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if rl_config.pdfMultiLine:
            return super().format(document, IND)
        out = []
        for key in sorted(self.dict):
            name = _KEYS.get(key)
            if name is None:
                name = _KEYS.setdefault(key, pdf_format(PDFName(key), document))
            value = self.dict[key]
            if isinstance(value, str):  # a PDFName
                out.append(name + b" " + value.encode("latin-1"))
            else:
                out.append(name + b" " + _number_or_reference(value, document))
        for i in reversed(range(6, len(out), 6)):
            out.insert(i, b"\n ")
        return b"<<\n" + b" ".join(out) + b"\n>>"


class _XMP(PDFObject):
    """An uncompressed XMP metadata stream."""

    __RefOnly__ = 1

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        head = b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(self.data)
        return head + self.data + b"\nendstream\n"


def xmp(info: dict[str, str]) -> bytes:
    """XMP with Dublin Core title, creator, description, language and pdfuaid:part 1."""

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    def seq(kind: str, value: str) -> str:
        return f"<rdf:{kind}><rdf:li>{escape(value)}</rdf:li></rdf:{kind}>"

    parts = [
        f"<dc:title>{alt(info.get('title', ''))}</dc:title>",
        f"<dc:creator>{seq('Seq', info.get('author', ''))}</dc:creator>",
        f"<dc:description>{alt(info.get('subject', ''))}</dc:description>",
        f"<dc:language>{seq('Bag', info.get('lang', ''))}</dc:language>",
        f"<pdf:Keywords>{escape(info.get('keywords', ''))}</pdf:Keywords>",
        f"<xmp:CreatorTool>{escape(info.get('creator', ''))}</xmp:CreatorTool>",
        "<pdfuaid:part>1</pdfuaid:part>",
    ]
    body = "\n    ".join(parts)
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f"    {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return text.encode("utf-8")


class TaggedCanvas(PageLabelCanvas):
    """A page-label canvas that carries a :class:`Tagger` and writes its tree on save."""

    def __init__(self, *args: Any, tagger: Tagger, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pd_tagger = tagger
        self.setNamedCB(LINK_START, tagger.link_start)
        self.setNamedCB(LINK_END, tagger.link_end)

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:
        tagger = self.pd_tagger
        node = None
        if isinstance(annotation, PDFDictionary) and annotation.dict.get("Subtype") == PDFName(
            "Link"
        ):
            action = annotation.dict.get("A")
            uri = action.dict.get("URI") if isinstance(action, PDFDictionary) else None
            url = uri.s if isinstance(uri, PDFString) else ""
            node = tagger.link_node(url)
        if node is None:
            super()._addAnnotation(annotation, name, addtopage)
            return
        self._pd_annots = getattr(self, "_pd_annots", 0) + 1
        name = name or f"pdLink{self._pd_annots}"
        tagger.add_annotation(node, self.getPageNumber(), self._doc.refAnnotation(name), annotation)
        annotation["Contents"] = PDFString(node.alt or node.text)
        super()._addAnnotation(annotation, name, addtopage)

    def _setAnnotations(self, page: Any) -> None:
        super()._setAnnotations(page)
        if not isinstance(page, PDFPage):  # forms come through here too
            return
        page.StructParents = self.getPageNumber() - 1
        page.Tabs = PDFName("S")
        page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents", "Tabs"]

    def save(self) -> None:
        self.pd_tagger.finish(self, self.getPageNumber() - 1)
        super().save()
