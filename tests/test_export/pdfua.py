"""Moved to :mod:`pressdesk.publish.pdfua` (the publishing preflight uses it); re-exported here
so that the exporter tests keep their imports."""

from pressdesk.publish.pdfua import (
    STANDARD_TYPES,
    PageMarks,
    content_refs,
    matterhorn_failures,
    page_index,
    page_marks,
    text_in_structure_order,
    walk,
)

__all__ = [
    "STANDARD_TYPES",
    "PageMarks",
    "content_refs",
    "matterhorn_failures",
    "page_index",
    "page_marks",
    "text_in_structure_order",
    "walk",
]
