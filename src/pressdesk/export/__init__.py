"""Exporters: a draft and a house-style profile in, a PDF or DOCX file out. No Qt.

The heavy modules (reportlab, python-docx) are imported only when an export runs,
so the command line and the editor start quickly.
"""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be done; the message is German."""
