"""The draft mark as Word's own header watermark: a WordArt shape, never text.

Word's "Wasserzeichen" is a VML text-path shape in the header, anchored to the
page, so it appears on every page behind the text. Its text is an attribute of
the shape, not document text: copy and paste, search and text extraction never
see it, and LibreOffice draws it as a shape too. Size, angle, colour and opacity
come from the profile, as for the PDF's outline mark.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from pressdesk.export.measure import text_width
from pressdesk.profile.profile import Profile

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)

# Word's shape type 136 (a plain text path), as Word itself writes it.
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    "<v:formulas>"
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
    '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>'
    '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>'
    "</v:formulas>"
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
)


def add_watermark(paragraph: Paragraph, profile: Profile, shape_id: int) -> None:
    """Put the profile's draft mark behind every page that uses this header."""
    mark = profile.draft_mark
    text = profile.label("draftMark")
    width = text_width(text, profile.fonts.bold, mark.size)
    height = mark.size * 0.72  # cap height of the mark, as the PDF's outline is tall
    rotation = (360 - mark.angle) % 360  # the profile turns anticlockwise, VML clockwise
    style = (
        f"position:absolute;margin-left:0;margin-top:0;width:{width:.1f}pt;"
        f"height:{height:.1f}pt;rotation:{rotation:g};z-index:-251654144;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:page;"
        "mso-position-vertical:center;mso-position-vertical-relative:page"
    )
    family = profile.fonts.docx_name.replace('"', "")
    xml = (
        f"<w:r {_NS}><w:rPr><w:noProof/></w:rPr><w:pict>{_SHAPETYPE}"
        f'<v:shape id="PowerPlusWaterMarkObject{shape_id}" o:spid="_x0000_s{2049 + shape_id}" '
        f'type="#_x0000_t136" style="{style}" o:allowincell="f" '
        f'fillcolor="{profile.colors.draft_mark}" stroked="f">'
        f'<v:fill opacity="{mark.opacity:g}"/>'
        f'<v:textpath style="font-family:&quot;{family}&quot;;font-size:1pt;font-weight:bold" '
        f"string={quoteattr(text)}/>"
        "</v:shape></w:pict></w:r>"
    )
    paragraph._p.append(parse_xml(xml))
