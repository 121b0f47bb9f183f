"""Issue 12 point 4: the headline reaches over the side column, the press office block
follows it (PDF; the DOCX in LibreOffice: ``test_docx_render.py``).

As in the original of 18.07.2018 (tests/data/presseinformation-2018-07-18.txt), the
73-character headline is one line, wider than the body column, and the press office
block begins below it, beside the announcement line; a longer headline wraps between
words within its wider width and pushes the block down.
"""

from __future__ import annotations

import copy

import pytest

from pressdesk.export import layout
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Draft
from pressdesk.profile import Profile, load_profile

from .frames import Frames
from .headline import page_one
from .pdfread import norm

LONG = "Landesintegrationszentrenförderung: Kommunalintegrationsbeauftragte erhalten Mittel"


def test_reference_headline_is_one_line_over_the_side_column(
    reference_draft: Draft, profile: Profile
) -> None:
    f = Frames.of(profile)
    headline, side = page_one(render_pdf(reference_draft, profile, final=True), profile)
    assert len(reference_draft.headline) == 73
    assert [norm(h.text) for h in headline] == [norm(reference_draft.headline)]
    assert f.body_right + 10 < headline[0].x1 <= f.right + 0.6
    # the press office block begins below the headline's last baseline
    assert norm(side[0].text) == "Staatskanzlei"
    assert side[0].top < headline[-1].bottom


def test_a_long_headline_wraps_between_words_and_pushes_the_block_down(
    reference_draft: Draft, profile: Profile
) -> None:
    one_line = page_one(render_pdf(reference_draft, profile, final=True), profile)
    draft = copy.deepcopy(reference_draft)
    draft.headline = LONG
    headline, side = page_one(render_pdf(draft, profile, final=True), profile)
    assert len(headline) == 2
    assert not headline[0].text.rstrip().endswith("-")
    assert "".join(norm(h.text) for h in headline) == norm(LONG)
    assert side[0].top < headline[-1].bottom
    leading = layout.role_styles(profile)[layout.HEADLINE].leading
    assert one_line[1][0].top - side[0].top == pytest.approx(leading, abs=0.5)


def test_headline_width_is_a_profile_number(reference_draft: Draft, tmp_path: object) -> None:
    """Without ``extendRight`` the headline keeps to the body column (two lines)."""
    import json
    from pathlib import Path

    from pressdesk.paths import profiles_dir

    raw = json.loads((profiles_dir() / "nrw.json").read_text(encoding="utf-8"))
    del raw["roles"]["headline"]["extendRight"]
    raw["id"] = "schmal"
    path = Path(str(tmp_path)) / "schmal.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    narrow = load_profile(str(path))
    f = Frames.of(narrow)
    headline, side = page_one(render_pdf(reference_draft, narrow, final=True), narrow)
    assert len(headline) == 2
    assert all(h.x1 <= f.body_right + 0.6 for h in headline)
    assert side[0].top < headline[-1].bottom
