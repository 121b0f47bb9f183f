"""Approval facts and the proof of approval carried in a published PDF's XMP.

:class:`ApprovalFacts` is what the review store hands to publishing: which version was
approved, by whom, when, and the hash of its content. :class:`Proof` is what the
published PDF carries in its XMP metadata (a namespace of its own, next to Dublin Core
and ``pdfuaid``), so that ``pressdesk verify`` can tell who approved a file found
anywhere, without the store.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from xml.sax.saxutils import escape

from pressdesk.model.draft import Draft

NS = "urn:x-pressdesk:publish:1.0#"
PREFIX = "pdpub"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def content_hash(draft: Draft) -> str:
    """``sha256:`` and the hash of the draft's content in a canonical JSON form.

    The review store may use its own definition; :func:`publish_release` takes the
    function as a parameter so that both sides hash the same way.
    """
    text = json.dumps(draft.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ApprovalFacts:
    """What the store knows about an approved version.

    ``release_id`` names the press release across its versions (a correction keeps it);
    ``version_id`` the approved version. ``approved_at`` must carry a time zone.
    ``voided_at`` is set when the approval was withdrawn; such facts are refused.
    """

    release_id: str
    version_id: str
    approvers: tuple[str, ...]
    approved_at: datetime
    content_hash: str
    voided_at: datetime | None = None


@dataclass(frozen=True)
class Proof:
    """The approval proof as written into (and read back from) a PDF's XMP."""

    release_id: str
    version_id: str
    approvers: tuple[str, ...]
    approved_at: str
    content_hash: str
    published_at: str
    pressdesk_version: str
    correction_of: str = ""  # ISO time of the publication this one corrects
    extra: dict[str, str] = field(default_factory=dict)

    def to_xmp(self) -> str:
        """One ``rdf:Description`` in the PressDesk namespace."""
        names = "".join(f"<rdf:li>{escape(n)}</rdf:li>" for n in self.approvers)
        simple = {
            "releaseId": self.release_id,
            "versionId": self.version_id,
            "approvedAt": self.approved_at,
            "contentHash": self.content_hash,
            "publishedAt": self.published_at,
            "pressdeskVersion": self.pressdesk_version,
            "correctionOf": self.correction_of,
        }
        lines = [f"<{PREFIX}:approvedBy><rdf:Seq>{names}</rdf:Seq></{PREFIX}:approvedBy>"]
        lines += [f"<{PREFIX}:{k}>{escape(v)}</{PREFIX}:{k}>" for k, v in simple.items() if v]
        body = "\n    ".join(lines)
        return (
            f'  <rdf:Description rdf:about="" xmlns:{PREFIX}="{NS}">\n'
            f"    {body}\n"
            "  </rdf:Description>\n"
        )


def add_proof(pdf: bytes, proof: Proof) -> bytes:
    """The PDF with ``proof`` added to its XMP metadata (the rest left as it was)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.Root.get("/Metadata")
        if meta is None:
            raise ValueError("the PDF has no XMP metadata to extend")
        xmp = meta.read_bytes().decode("utf-8")
        if f'xmlns:{PREFIX}="' in xmp:
            raise ValueError("the PDF carries an approval proof already")
        xmp = xmp.replace(" </rdf:RDF>", proof.to_xmp() + " </rdf:RDF>", 1)
        if proof.to_xmp() not in xmp:
            raise ValueError("the PDF's XMP has no rdf:RDF element to extend")
        meta.write(xmp.encode("utf-8"))
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def xmp_of(pdf: bytes) -> str:
    """The XMP packet of a PDF as text ('' if there is none or it is not a PDF)."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            meta = doc.Root.get("/Metadata")
            return meta.read_bytes().decode("utf-8", "replace") if meta is not None else ""
    except pikepdf.PdfError:
        return ""


def read_proof(pdf: bytes) -> Proof | None:
    """The approval proof in a PDF's XMP, or None if it carries none."""
    xmp = xmp_of(pdf)
    if NS not in xmp:
        return None
    packet = re.sub(r"<\?xpacket[^>]*\?>", "", xmp).strip()
    try:
        root = ET.fromstring(packet)
    except ET.ParseError:
        return None
    values: dict[str, str] = {}
    approvers: list[str] = []
    for desc in root.iter(f"{{{_RDF}}}Description"):
        for child in desc:
            if not child.tag.startswith(f"{{{NS}}}"):
                continue
            name = child.tag[len(NS) + 2 :]
            if name == "approvedBy":
                approvers = [li.text or "" for li in child.iter(f"{{{_RDF}}}li")]
            else:
                values[name] = child.text or ""
    return Proof(
        release_id=values.get("releaseId", ""),
        version_id=values.get("versionId", ""),
        approvers=tuple(approvers),
        approved_at=values.get("approvedAt", ""),
        content_hash=values.get("contentHash", ""),
        published_at=values.get("publishedAt", ""),
        pressdesk_version=values.get("pressdeskVersion", ""),
        correction_of=values.get("correctionOf", ""),
    )


def german_names(names: tuple[str, ...] | list[str]) -> str:
    """'A', 'A und B', 'A, B und C'."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " und " + names[-1]


def german_time(iso: str) -> str:
    """'18.07.2018 um 12:30 Uhr' (Berlin time) from an ISO time; the text as is if unparsable."""
    from pressdesk.publish.clock import berlin

    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = berlin(when)
    return f"{local:%d.%m.%Y} um {local:%H:%M} Uhr"
