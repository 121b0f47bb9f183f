"""PDF export in the house layout (reportlab platypus). No Qt.

The door for the command line and the app::

    from pressdesk.export.pdf import export_pdf, render_pdf
    result = export_pdf(draft, out_path, profile=profile, final=False, tagged=True)
    result.pages  # the page count
    data = render_pdf(draft, profile=None, final=False, tagged=True)  # bytes, for the preview

``final=False`` marks every page "ENTWURF". ``tagged=True`` (the default) writes a
tagged PDF that claims PDF/UA-1 (see :mod:`.tagging`); ``tagged=False`` a plain one
for quick proofs.
User-caused failures raise :class:`pressdesk.export.ExportError` (German message).
reportlab is imported only when an export runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pressdesk.export import ExportError
from pressdesk.export.pdf import lazyre
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile, load_profile

lazyre.install()  # before any reportlab import: two of its patterns compiled when used


@dataclass(frozen=True)
class ExportResult:
    """Where a PDF was written, its page count and size in bytes."""

    path: Path
    pages: int
    size: int


@dataclass(frozen=True)
class Rendered:
    """A PDF as bytes and its page count."""

    data: bytes
    pages: int


def render(
    draft: Draft,
    profile: Profile | None = None,
    final: bool = False,
    tagged: bool = True,
    notice: str = "",
) -> Rendered:
    """Lay out ``draft``; the PDF bytes and the page count.

    ``notice`` is an optional line on page 1 above the headline (such as a
    publication's 'Korrektur vom …'); it is not part of the draft.
    """
    from pressdesk.export.pdf.document import build_pdf

    data, pages, _root = build_pdf(draft, profile or load_profile(), final, tagged, notice)
    return Rendered(data, pages)


def render_pdf(
    draft: Draft, profile: Profile | None = None, final: bool = False, tagged: bool = True
) -> bytes:
    """The PDF of ``draft`` as bytes (for the in-app preview)."""
    return render(draft, profile, final, tagged).data


def export_pdf(
    draft: Draft,
    out_path: str | os.PathLike[str],
    profile: Profile | None = None,
    final: bool = False,
    tagged: bool = True,
) -> ExportResult:
    """Write the PDF of ``draft`` to ``out_path`` atomically (old file intact on failure)."""
    from pressdesk.model.files import write_user_file

    rendered = render(draft, profile, final, tagged)
    path = Path(out_path)
    write_user_file(path, rendered.data, ExportError)
    return ExportResult(path, rendered.pages, len(rendered.data))


__all__ = ["ExportError", "ExportResult", "Rendered", "export_pdf", "render", "render_pdf"]
