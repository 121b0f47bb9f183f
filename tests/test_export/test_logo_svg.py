"""An SVG logo in the PDF (vector paths where a PNG logo sits) and in the DOCX (a PNG)."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTCurve, LTImage, LTPage

from pressdesk.export import ExportError
from pressdesk.export.docx import render_docx
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Draft
from pressdesk.profile import Profile
from pressdesk.profile.profile import profile_from_dict
from tests.test_profile.test_svg_logo import GOOD

from .pdfua import matterhorn_failures, walk

BLUE = (0x12 / 255, 0x34 / 255, 0x56 / 255)  # the logo's background


def logo_profile(profile: Profile, path: Path) -> Profile:
    raw = copy.deepcopy(profile.raw)
    raw["logo"] = {"path": str(path), "x": 25, "y": 6, "width": 40, "alt": "Landeswappen NRW"}
    return profile_from_dict(raw)


def first_page(data: bytes) -> LTPage:
    return next(iter(extract_pages(io.BytesIO(data))))


def items(layout: LTPage) -> list[object]:
    found: list[object] = []
    stack = list(layout)
    while stack:
        item = stack.pop()
        found.append(item)
        if hasattr(item, "__iter__"):
            stack.extend(item)  # type: ignore[arg-type]
    return found


def same_colour(colour: object) -> bool:
    return isinstance(colour, tuple) and all(
        abs(a - b) < 0.01 for a, b in zip(colour, BLUE, strict=True)
    )


def test_svg_logo_is_drawn_as_vectors_where_a_png_logo_sits(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    from PIL import Image

    png = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), (0x12, 0x34, 0x56)).save(png)  # same shape as the SVG
    svg = tmp_path / "logo.svg"
    svg.write_text(GOOD, encoding="utf-8")

    image = next(
        o
        for o in items(first_page(render_pdf(reference_draft, logo_profile(profile, png))))
        if isinstance(o, LTImage)
    )
    data = render_pdf(reference_draft, logo_profile(profile, svg))
    page = first_page(data)
    assert not [o for o in items(page) if isinstance(o, LTImage)]  # no picture: paths
    shapes = [
        o for o in items(page) if isinstance(o, LTCurve) and same_colour(o.non_stroking_color)
    ]
    assert shapes, "the logo's blue background is not in the PDF"
    box = shapes[0].bbox
    assert all(abs(a - b) < 0.5 for a, b in zip(box, image.bbox, strict=True)), (box, image.bbox)
    # tagged as the one figure with the profile's alternative text, PDF/UA checks pass
    pdf = pikepdf.open(io.BytesIO(data))
    figures = [e for e, _ in walk(pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["Landeswappen NRW"]
    assert matterhorn_failures(data) == []


def test_svg_logo_is_a_picture_in_the_docx(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    from PIL import Image

    svg = tmp_path / "logo.svg"
    svg.write_text(GOOD, encoding="utf-8")
    data = render_docx(reference_draft, logo_profile(profile, svg), final=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and media[0].endswith(".png")
        picture = Image.open(io.BytesIO(package.read(media[0])))
        header = package.read("word/header1.xml").decode() + "".join(
            package.read(n).decode() for n in package.namelist() if "header" in n
        )
    assert picture.size == (472, 157)  # 40 mm at 300 dpi, the SVG's 3:1
    assert picture.convert("RGB").getpixel((5, 5)) == (0x12, 0x34, 0x56)
    assert 'descr="Landeswappen NRW"' in header


def test_svg_logo_changed_to_hostile_after_saving_is_not_exported(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text(GOOD, encoding="utf-8")
    checked = logo_profile(profile, svg)
    svg.write_text(GOOD.replace("<defs>", '<image href="file:///etc/hostname"/><defs>'), "utf-8")
    with pytest.raises(ExportError, match="bettet Bilder"):
        render_pdf(reference_draft, checked)
    with pytest.raises(ExportError, match="bettet Bilder"):
        render_docx(reference_draft, checked, final=True)
