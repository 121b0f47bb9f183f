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
    "PressOffice",
    "SocialLink",
    "dump_draft",
    "load_draft",
    "parse_draft",
    "save_draft",
]
