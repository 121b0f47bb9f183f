"""One layout, two renderers: a number changed in the profile's roles changes both formats."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.shared import Pt
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal

from pressdesk.export import layout
from pressdesk.export.docx import render_docx
from pressdesk.export.docx import styles as dst
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft
from pressdesk.profile import Profile
from pressdesk.profile.profile import profile_from_dict


def _with_role(profile: Profile, role: str, **changes: object) -> Profile:
    raw = copy.deepcopy(profile.raw)
    raw["roles"][role].update(changes)
    return profile_from_dict(raw)


def _baselines(data: bytes, needles: list[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for page in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.1)):
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    if isinstance(line, LTTextLineHorizontal):
                        for n in needles:
                            if line.get_text().startswith(n) and n not in found:
                                found[n] = line.y0
    return found


def test_profile_lists_every_role(profile: Profile) -> None:
    assert set(profile.raw["roles"]) == set(layout.ROLES)
    styles = layout.role_styles(profile)
    for name, given in profile.raw["roles"].items():  # the profile's numbers, not the defaults
        assert styles[name].leading == given.get("leading", styles[name].leading), name
        assert styles[name].space_after == given.get("spaceAfter", 0), name


def test_space_after_body_text_moves_both_formats(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [
        Block(type="paragraph", text="Erster Absatz."),
        Block(type="paragraph", text="Zweiter Absatz."),
    ]
    wide = _with_role(profile, layout.BODY, spaceAfter=30)
    a = _baselines(render_pdf(draft, profile, final=True), ["Erster", "Zweiter"])
    b = _baselines(render_pdf(draft, wide, final=True), ["Erster", "Zweiter"])
    gap = profile.raw["roles"][layout.BODY]["spaceAfter"]
    assert b["Erster"] - b["Zweiter"] == pytest.approx(a["Erster"] - a["Zweiter"] + 30 - gap)
    style = docx.Document(io.BytesIO(render_docx(draft, wide, final=True))).styles
    by_id = {s.style_id: s for s in style}
    assert by_id[dst.BODY].paragraph_format.space_after == Pt(30)


def test_weight_and_size_of_a_role_in_both_formats(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.subheadline = "Eine Unterzeile"
    changed = _with_role(profile, layout.SUBHEADLINE, bold=False, size=14)
    for prof, bold, size in ((profile, True, 13), (changed, False, 14)):
        chars = [
            c
            for page in extract_pages(io.BytesIO(render_pdf(draft, prof, final=True)))
            for box in page
            if isinstance(box, LTTextContainer) and box.get_text().startswith("Eine Unterzeile")
            for line in box
            for c in line
            if isinstance(c, LTChar)
        ]
        assert chars and all(("Bold" in c.fontname) is bold for c in chars)
        assert round(chars[0].size) == size
        doc = docx.Document(io.BytesIO(render_docx(draft, prof, final=True)))
        sub = {s.style_id: s for s in doc.styles}[dst.SUBHEADLINE]
        assert bool(sub.font.bold) is bold and sub.font.size == Pt(size)
