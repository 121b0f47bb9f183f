"""The draft model: plain dataclasses and their file format. No Qt, no rendering."""

from pressdesk.model.draft import (
    BLOCK_TYPES,
    DOCUMENT_KINDS,
    SCHEMA_VERSION,
    Block,
    Draft,
    Embargo,
    Header,
    Link,
    PressOffice,
    SocialLink,
)
from pressdesk.model.files import (
    DRAFT_SUFFIX,
    DraftFileError,
    dump_draft,
    load_draft,
    parse_draft,
    save_draft,
)
from pressdesk.model.inline import Mark, Run, normalize_marks, split_runs

__all__ = [
    "BLOCK_TYPES",
    "DOCUMENT_KINDS",
    "DRAFT_SUFFIX",
    "SCHEMA_VERSION",
    "Block",
    "Draft",
    "DraftFileError",
    "Embargo",
    "Header",
    "Link",
    "Mark",
    "PressOffice",
    "Run",
    "SocialLink",
    "dump_draft",
    "load_draft",
    "normalize_marks",
    "parse_draft",
    "save_draft",
    "split_runs",
]
