"""The profile's logo (Bildwortmarke), floating at its fixed place on page 1.

python-docx only inserts inline pictures, which would take room in the header's
text flow. The inline picture is turned into an anchored one, positioned from the
page's top left corner in millimetres as the profile says (corporate design fixes
these positions), with no text wrap and the profile's alternative text.

Word needs a raster picture: an SVG logo is checked again and rasterised once (per
file version) to a PNG at print resolution with CairoSVG, which fetches nothing
from outside the file. No Qt: ``pressdesk export`` runs without it.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

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
from pressdesk.profile.profile import Logo, ProfileError

PRINT_DPI = 300
MM_PER_INCH = 25.4


@lru_cache(maxsize=4)
def _svg_png(path: str, mtime_ns: int, size: int, width_px: int) -> bytes:
    from pressdesk.profile.svg import check_svg_logo

    checked = check_svg_logo(path)
    try:
        import cairosvg
    except (ImportError, OSError):  # cairocffi finds no libcairo
        raise ExportError(
            "Das SVG-Logo kann nicht ins DOCX übernommen werden: die Bibliothek Cairo "
            "fehlt (Paket libcairo2)."
        ) from None
    try:
        png = cairosvg.svg2png(bytestring=checked.data, output_width=width_px, unsafe=False)
    except Exception as exc:  # CairoSVG raises many kinds for what it cannot draw
        raise ExportError(
            f"Das Logo des Profils lässt sich nicht umwandeln ({Path(path).name}: {exc})."
        ) from None
    assert isinstance(png, bytes)
    return png


def logo_picture(logo: Logo) -> str | io.BytesIO:
    """What python-docx embeds: the PNG file, or the SVG rasterised at print resolution."""
    if logo.path.suffix.lower() != ".svg":
        return str(logo.path)
    width_px = round(logo.width / MM_PER_INCH * PRINT_DPI)
    try:
        st = logo.path.stat()
        return io.BytesIO(_svg_png(str(logo.path), st.st_mtime_ns, st.st_size, width_px))
    except OSError as exc:
        raise ExportError(f"Das Logo des Profils kann nicht gelesen werden ({exc}).") from None
    except ProfileError as exc:
        raise ExportError(str(exc)) from None


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
        run.add_picture(logo_picture(logo), width=Mm(logo.width))
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
