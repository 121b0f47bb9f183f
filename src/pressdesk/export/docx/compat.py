"""The one place that touches python-docx's internals.

python-docx has no API to replace the bytes of a package part it loaded as an
opaque blob (the font table, ``docProps/app.xml``). PressDesk rewrites them through
the part's private ``_blob`` attribute, only on its own document objects.
:func:`check` runs at import and fails loudly (:class:`IncompatibleDocx`) if a
python-docx release renames it; the test suite checks it.
"""

from __future__ import annotations

from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part

PRIVATE_NAMES = ("Part._blob",)


class IncompatibleDocx(RuntimeError):
    """python-docx no longer has an internal name PressDesk relies on."""


def check() -> None:
    part = Part(PackURI("/pd/check.xml"), "application/xml", b"old")
    if getattr(part, "_blob", None) != b"old":
        raise IncompatibleDocx(
            "python-docx keeps a part's bytes no longer in Part._blob "
            "(see pressdesk/export/docx/compat.py)"
        )
    part._blob = b"new"
    if part.blob != b"new":
        raise IncompatibleDocx("python-docx's Part.blob no longer reads Part._blob")


check()


def replace_blob(part: Any, data: bytes) -> None:
    """Give a package part of PressDesk's own document new bytes."""
    part._blob = data
