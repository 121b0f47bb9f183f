"""Generated drafts: every valid draft exports to DOCX, and no draft makes python-docx raise.

In process, without LibreOffice: the file is opened again with python-docx, every
XML part must parse, and the headline's words must be in the body.
"""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pressdesk.export import ExportError
from pressdesk.export.docx import render_docx
from pressdesk.model import Draft
from pressdesk.profile import load_profile
from pressdesk.validation import validate
from tests.strategies import any_drafts, drafts

PROFILE = load_profile("nrw")
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(draft: Draft) -> bool:
    return not any(p.is_error for p in validate(draft))


def _check_package(data: bytes) -> docx.document.Document:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))
    return docx.Document(io.BytesIO(data))


@SLOW
@given(drafts().filter(_valid), st.booleans())
def test_every_valid_draft_exports(draft: Draft, final: bool) -> None:
    doc = _check_package(render_docx(draft, PROFILE, final=final))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert " ".join(draft.headline.split()) in " ".join(text.split())
    header = doc.sections[0].first_page_header
    assert PROFILE.label("draftMark") not in "\n".join(p.text for p in header.paragraphs)
    assert (b"PowerPlusWaterMarkObject" in etree.tostring(header._element)) is not final


@SLOW
@given(any_drafts())
def test_any_draft_exports_or_says_why(draft: Draft) -> None:
    """Control characters, lone text in odd places, nonsense dates: never a traceback."""
    try:
        data = render_docx(draft, PROFILE, final=False)
    except ExportError as exc:
        assert str(exc)
    else:
        _check_package(data)
