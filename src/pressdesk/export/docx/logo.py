"""The profile's logo (Bildwortmarke), floating at its fixed place on page 1.

python-docx only inserts inline pictures, which would take room in the header's
text flow. The inline picture is turned into an anchored one, positioned from the
page's top left corner in millimetres as the profile says (corporate design fixes
these positions), with no text wrap and the profile's alternative text.
"""

from __future__ import annotations

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from pressdesk.export import ExportError
from pressdesk.profile.profile import Logo


def _anchor_xml(x: int, y: int, cx: int, cy: int, shape_id: int, alt: str) -> str:
    from xml.sax.saxutils import quoteattr

    return (
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" distR="0"'
        ' simplePos="0" relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1"'
        ' allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/>"
        f'<wp:docPr id="{shape_id}" name="Logo" descr={quoteattr(alt)}/>'
        "<wp:cNvGraphicFramePr/>"
        "</wp:anchor>"
    )


def add_logo(paragraph: Paragraph, logo: Logo) -> None:
    """Float ``logo`` on the page of ``paragraph`` (the first page's header)."""
    run = paragraph.add_run()
    try:
        run.add_picture(str(logo.path), width=Mm(logo.width))
    except (
        UnrecognizedImageError,
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        OSError,
    ) as exc:
        raise ExportError(
            f"Das Logo des Profils kann nicht eingebettet werden ({logo.path.name}: {exc})."
        ) from None
    inline = run._r.xpath(".//wp:inline")[0]
    extent = inline.xpath("./wp:extent")[0]
    shape_id = int(inline.xpath("./wp:docPr")[0].get("id"))
    anchor = parse_xml(
        _anchor_xml(
            int(Mm(logo.x)),
            int(Mm(logo.y)),
            int(extent.get("cx")),
            int(extent.get("cy")),
            shape_id,
            logo.alt,
        )
    )
    anchor.append(inline.xpath("./a:graphic")[0])
    inline.getparent().replace(inline, anchor)
