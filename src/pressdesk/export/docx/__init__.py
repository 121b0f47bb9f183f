"""DOCX export: the same layout as the PDF, editable in Word and LibreOffice.

The one door is :func:`export_docx`; :func:`render_docx` gives the bytes for
callers that write elsewhere (tests, benchmarks). python-docx is imported only
when an export runs.
"""

from __future__ import annotations

import io
import os

from pressdesk.export import ExportError
from pressdesk.model.draft import Draft
from pressdesk.model.files import write_user_file
from pressdesk.profile.profile import Profile, load_profile

__all__ = ["ExportError", "export_docx", "render_docx"]


def render_docx(
    draft: Draft, profile: Profile | None = None, final: bool = False, notice: str = ""
) -> bytes:
    """The DOCX file as bytes. ``final=False`` marks every page "ENTWURF".

    ``notice`` is an optional line on page 1 above the headline (such as a
    publication's 'Korrektur vom …'); it is not part of the draft.
    """
    from pressdesk.export.docx.document import build_document

    doc = build_document(draft, profile or load_profile(), final=final, notice=notice)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def export_docx(
    draft: Draft,
    out_path: str | os.PathLike[str],
    profile: Profile | None = None,
    final: bool = False,
) -> None:
    """Write the draft as DOCX to ``out_path``, atomically (old file or new, never half).

    Raises :class:`ExportError` with a German message when the file cannot be written.
    """
    write_user_file(out_path, render_docx(draft, profile, final=final), ExportError)
