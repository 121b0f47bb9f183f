"""Reading a tagged PDF back: marked content per page, the structure tree, and a
machine check of the PDF/UA-1 failure conditions (Matterhorn Protocol 1.1) that can
be decided mechanically for the documents PressDesk writes. No Qt.

Each failure is one German line that starts with its Matterhorn number (or
"Struktur"), e.g. ``"07-001: DisplayDocTitle fehlt"``; the publishing preflight
and ``pressdesk preflight`` print them as they are.

Checked here (failure condition numbers where they map one to one):
- 01-005  content (text, paths, images) neither tagged as real content nor an Artifact
- 01-003/01-004  an Artifact inside tagged content, or tagged content inside an Artifact
  (a nested ``/Span <</ActualText …>>`` without MCID, as around a break hyphen, is neither)
- structure integrity: every MCID on every page is in the ParentTree, and the ParentTree
  entry is the element whose /K holds that marked-content reference (and back); every
  MCID in the tree is on its page, none is used twice
- 02-001  non-standard structure types (PressDesk uses standard ones only, no RoleMap)
- 06-001/06-002/06-003  no XMP metadata, no pdfuaid:part, no dc:title
- 07-001/07-002  ViewerPreferences without DisplayDocTitle true
- 09  list nesting: LI only in L, LBody/Lbl only in LI
- 11-006  no document language (/Lang)
- 13-004  a Figure without alternate text
- 14-002/14-003  first heading not H1, heading levels skipped
- 28-004/28-011  a link annotation without /Contents, or not inside a Link element
  (via /StructParent and an OBJR); pages with annotations have /Tabs /S
- 26  no encryption
- 31  every font embedded (FontFile2) with a ToUnicode map
- /MarkInfo /Marked true; StructTreeRoot present

Left to a person (or PAC): whether alternate texts and the title are meaningful,
whether the reading order makes sense, colour contrast, and the font-program-level
checks of clause 31 that need a full font parser (e.g. glyph width consistency).
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import decode_text

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}  # fmt: skip


@dataclass
class PageMarks:
    """What was drawn on one page, by marked-content sequence."""

    text: dict[int, str] = field(default_factory=dict)  # MCID -> text
    mcids: list[int] = field(default_factory=list)  # every MCID opened, in order
    artifact_text: str = ""
    unmarked_text: str = ""
    unmarked_paths: int = 0
    nesting_errors: int = 0


class _MarkDevice(PDFTextDevice):
    """Text per MCID; a marked-content sequence with /ActualText reads as that text.

    pdfminer and pypdf ignore /ActualText; a screen reader does not. Its glyphs are
    replaced by the replacement text (ISO 32000-1, 14.9.4), e.g. a break hyphen in
    ``/Span <</ActualText <FEFF00AD>>> BDC (-) Tj EMC`` reads as a soft hyphen.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, marks: PageMarks) -> None:
        super().__init__(rsrcmgr)
        self.marks = marks
        self.stack: list[tuple[str, int | None, bool]] = []  # (tag, MCID, has ActualText)

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        props = props if isinstance(props, dict) else {}
        mcid = props.get("MCID")
        actual = props.get("ActualText")
        name = tag.name
        kinds = {
            "Artifact" if n == "Artifact" else "content"
            for n, m, _ in self.stack
            if n == "Artifact" or m is not None
        }
        if kinds and (
            (name == "Artifact" and "content" in kinds)
            or (mcid is not None and "Artifact" in kinds)
        ):
            self.marks.nesting_errors += 1
        if mcid is not None:
            self.marks.mcids.append(int(mcid))
        self.stack.append((name, mcid, False))
        if actual is not None and not any(a for _, _, a in self.stack):
            self._add(decode_text(actual) if isinstance(actual, bytes) else str(actual))
        self.stack[-1] = (name, mcid, actual is not None)

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()

    def _where(self) -> tuple[str, int | None]:
        for name, mcid, _ in reversed(self.stack):
            if mcid is not None:
                return "content", mcid
            if name == "Artifact":
                return "artifact", None
        return "none", None

    def _add(self, text: str) -> None:
        kind, mcid = self._where()
        if kind == "content" and mcid is not None:
            self.marks.text[mcid] = self.marks.text.get(mcid, "") + text
        elif kind == "artifact":
            self.marks.artifact_text += text
        else:
            self.marks.unmarked_text += text

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                    cid: int, ncs: Any, graphicstate: Any) -> float:  # fmt: skip
        replaced = any(a for _, _, a in self.stack)  # by the ActualText
        if not replaced or self._where()[0] == "none":  # untagged glyphs always count
            try:
                ch = font.to_unichr(cid)
            except Exception:
                ch = "\ufffd"
            self._add(ch)
        return float(font.char_width(cid) * fontsize * scaling)

    def paint_path(
        self, graphicstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any
    ) -> None:
        if (stroke or fill) and self._where()[0] == "none":
            self.marks.unmarked_paths += 1


def page_marks(data: bytes) -> list[PageMarks]:
    rsrc = PDFResourceManager()
    out = []
    for page in PDFPage.get_pages(io.BytesIO(data)):
        marks = PageMarks()
        PDFPageInterpreter(rsrc, _MarkDevice(rsrc, marks)).process_page(page)
        out.append(marks)
    return out


def _kids(elem: Any) -> list[Any]:
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _is_elem(obj: Any) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and (
        obj.get("/Type") == "/StructElem"
        or ("/S" in obj and "/MCID" not in obj and obj.get("/Type") not in ("/MCR", "/OBJR"))
    )


def walk(pdf: pikepdf.Pdf) -> list[tuple[Any, int]]:
    """Structure elements depth-first in tree order, with their depth (Document = 0)."""
    out: list[tuple[Any, int]] = []

    def visit(elem: Any, depth: int) -> None:
        out.append((elem, depth))
        for kid in _kids(elem):
            if _is_elem(kid):
                visit(kid, depth + 1)

    for top in _kids(pdf.Root.StructTreeRoot):
        visit(top, 0)
    return out


def page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: i for i, page in enumerate(pdf.pages)}


def content_refs(pdf: pikepdf.Pdf, elem: Any) -> list[tuple[int, int]]:
    """(page index, MCID) of the marked content directly in ``elem``, in order."""
    index = page_index(pdf)
    out = []
    for kid in _kids(elem):
        if isinstance(kid, int):
            out.append((index[elem.Pg.objgen], int(kid)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            pg = kid.get("/Pg", elem.get("/Pg"))
            out.append((index[pg.objgen], int(kid.MCID)))
    return out


def text_in_structure_order(
    pdf: pikepdf.Pdf, data: bytes, marks: list[PageMarks] | None = None
) -> str:
    """The text a screen reader gets: marked content in structure-tree order (K order).

    /ActualText replaces the glyphs it covers, so a break hyphen reads as U+00AD.
    """
    marks = page_marks(data) if marks is None else marks
    index = page_index(pdf)
    parts: list[str] = []

    def visit(elem: Any) -> None:
        for kid in _kids(elem):
            if _is_elem(kid):
                visit(kid)
            elif isinstance(kid, int):
                parts.append(marks[index[elem.Pg.objgen]].text.get(int(kid), ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                pg = kid.get("/Pg", elem.get("/Pg"))
                parts.append(marks[index[pg.objgen]].text.get(int(kid.MCID), ""))
        if str(elem.get("/S")) != "/Link":
            parts.append("\n")

    for top in _kids(pdf.Root.StructTreeRoot):
        visit(top)
    return "".join(parts)


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, Any]:
    nums: dict[int, Any] = {}

    def visit(node: Any) -> None:
        arr = node.get("/Nums")
        if arr is not None:
            for i in range(0, len(arr), 2):
                nums[int(arr[i])] = arr[i + 1]
        for kid in node.get("/Kids", []):
            visit(kid)

    visit(pdf.Root.StructTreeRoot.ParentTree)
    return nums


def matterhorn_failures(data: bytes, marks: list[PageMarks] | None = None) -> list[str]:
    """The machine-checkable PDF/UA-1 failures found, German (empty: none)."""
    fails: list[str] = []
    pdf = pikepdf.open(io.BytesIO(data))
    root: Any = pdf.Root
    if pdf.is_encrypted:
        fails.append("26: die Datei ist verschlüsselt")
    if bool(root.get("/MarkInfo", {}).get("/Marked", False)) is not True:
        fails.append("01: /MarkInfo /Marked ist nicht true")
    if "/StructTreeRoot" not in root:
        fails.append("01: kein Strukturbaum")
    meta = root.get("/Metadata")
    xmp = meta.read_bytes().decode("utf-8", "replace") if meta is not None else ""
    if meta is None:
        fails.append("06-001: keine XMP-Metadaten")
    if not re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp):
        fails.append("06-002: kein pdfuaid:part 1")
    if not re.search(r"<dc:title>.*?<rdf:li[^>]*>[^<]+</rdf:li>", xmp, re.S):
        fails.append("06-003: kein dc:title")
    vp = root.get("/ViewerPreferences")
    if vp is None or "/DisplayDocTitle" not in vp:
        fails.append("07-001: DisplayDocTitle fehlt")
    elif bool(vp.DisplayDocTitle) is not True:
        fails.append("07-002: DisplayDocTitle ist false")
    if not str(root.get("/Lang", "")).strip():
        fails.append("11-006: keine Dokumentsprache")

    marks = page_marks(data) if marks is None else marks
    for i, m in enumerate(marks, start=1):
        if m.unmarked_text.strip() or m.unmarked_paths:
            what = f"{m.unmarked_text[:40]!r}, {m.unmarked_paths} Pfade"
            fails.append(f"01-005: Seite {i}: ungetaggter Inhalt ({what})")
        if m.nesting_errors:
            fails.append(f"01-003/01-004: Seite {i}: Artefakt und getaggter Inhalt verschachtelt")
    if "/StructTreeRoot" not in root:
        return fails

    elems = walk(pdf)
    index = page_index(pdf)
    parents = _parent_tree(pdf)
    headings: list[int] = []
    for elem, _ in elems:
        role = str(elem.S)[1:]
        if role not in STANDARD_TYPES and role not in root.StructTreeRoot.get("/RoleMap", {}):
            fails.append(f"02-001: kein Standard-Strukturtyp: {role}")
        parent_role = str(elem.get("/P", {}).get("/S", ""))[1:]
        if role == "LI" and parent_role != "L":
            fails.append("09: LI außerhalb von L")
        if role in ("LBody", "Lbl") and parent_role != "LI":
            fails.append(f"09: {role} außerhalb von LI")
        if role == "Figure" and not str(elem.get("/Alt", "")).strip():
            fails.append("13-004: Figure ohne Alternativtext")
        if re.fullmatch(r"H[1-6]", role):
            headings.append(int(role[1]))
        for page, mcid in content_refs(pdf, elem):
            key = int(pdf.pages[page].obj.get("/StructParents", -1))
            arr = parents.get(key)
            if arr is None or mcid >= len(arr) or arr[mcid].objgen != elem.objgen:
                fails.append(
                    f"Struktur: Seite {page + 1} MCID {mcid} zeigt nicht auf sein Element zurück"
                )
    if headings and headings[0] != 1:
        fails.append("14-002: die erste Überschrift ist nicht H1")
    if any(b > a + 1 for a, b in itertools.pairwise(headings)):
        fails.append("14-003: Überschriftenebene übersprungen")

    referenced = {(p, m) for elem, _ in elems for p, m in content_refs(pdf, elem)}
    opened = {(i, m) for i, pm in enumerate(marks) for m in pm.mcids}
    for page, mcid in sorted(referenced - opened):
        fails.append(f"Struktur: Seite {page + 1} MCID {mcid} steht im Baum, nicht auf der Seite")
    for i, pm in enumerate(marks):
        if len(pm.mcids) != len(set(pm.mcids)):
            fails.append(f"Struktur: Seite {i + 1} benutzt eine MCID doppelt")
    for i, m in enumerate(marks):
        for mcid in m.text:
            if (i, mcid) not in referenced:
                fails.append(f"Struktur: Seite {i + 1} MCID {mcid} in keinem Strukturelement")
        page_obj: Any = pdf.pages[i].obj
        key = page_obj.get("/StructParents")
        if m.text and key is None:
            fails.append(f"Struktur: Seite {i + 1} hat kein /StructParents")
        annots = page_obj.get("/Annots", [])
        if len(annots) and page_obj.get("/Tabs") != "/S":
            fails.append(f"28: Seite {i + 1} hat Annotationen, aber kein /Tabs /S")
        for annot in annots:
            if annot.get("/Subtype") != "/Link":
                continue
            if not str(annot.get("/Contents", "")).strip():
                fails.append(f"28-004: Seite {i + 1}: Link-Annotation ohne /Contents")
            sp = annot.get("/StructParent")
            elem = parents.get(int(sp)) if sp is not None else None
            if elem is None or str(elem.get("/S")) != "/Link":
                fails.append(f"28-011: Seite {i + 1}: Link-Annotation nicht in einem Link-Element")
            elif not any(
                isinstance(k, pikepdf.Dictionary)
                and k.get("/Type") == "/OBJR"
                and k.Obj.objgen == annot.objgen
                for k in _kids(elem)
            ):
                fails.append(f"28-011: Seite {i + 1}: Link-Element ohne OBJR zu seiner Annotation")
    del index

    seen: set[tuple[int, int]] = set()
    for pdf_page in pdf.pages:
        for font in _fonts(pdf_page.obj.get("/Resources"), seen):
            desc = font.get("/FontDescriptor")
            name = str(font.get("/BaseFont"))
            if font.get("/Subtype") == "/Type0":
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            if desc is None or not any(
                k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                fails.append(f"31: Schrift {name} nicht eingebettet")
            if "/ToUnicode" not in font:
                fails.append(f"31: Schrift {name} ohne ToUnicode-Tabelle")
    return sorted(set(fails), key=fails.index)


def _fonts(resources: Any, seen: set[tuple[int, int]]) -> list[Any]:
    out: list[Any] = []
    if resources is None:
        return out
    for font in resources.get("/Font", {}).values():
        if font.objgen not in seen:
            seen.add(font.objgen)
            out.append(font)
    for xobj in resources.get("/XObject", {}).values():
        if xobj.get("/Subtype") == "/Form" and xobj.objgen not in seen:
            seen.add(xobj.objgen)
            out += _fonts(xobj.get("/Resources"), seen)
    return out
