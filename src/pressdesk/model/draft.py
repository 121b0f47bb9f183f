"""The press release draft as plain dataclasses.

A draft holds what the press officer typed, exactly as typed: dates and times are
strings (ISO ``YYYY-MM-DD`` and ``HH:MM``) so that a half-typed value can live in the
model while validation points at it. Nothing here judges content; that is the job of
:mod:`pressdesk.validation`. The JSON form (:meth:`Draft.to_dict`) is the file format
and the input of the layout schema, so its keys are the schema's property names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pressdesk.model.inline import FORMATTED_BLOCKS, Mark

# The newest file format. Version 2 added inline formatting (``marks`` of a paragraph or
# quote), version 3 formatting of list items (``itemMarks``). A draft is written with
# the lowest version that holds its content, so a draft without formatting stays a
# version-1 file and one without formatted list items a version-2 file (readable by
# older PressDesk, same bytes and hash); an older PressDesk refuses a newer file
# instead of dropping what it does not know.
SCHEMA_VERSION = 3

DOCUMENT_KINDS: tuple[str, ...] = (
    "Presseinformation",
    "Pressemitteilung",
    "Rede",
    "Terminhinweis",
)

# The top-level keys of a draft file, in the order of the form.
DRAFT_KEYS: tuple[str, ...] = (
    "schemaVersion",
    "header",
    "pressOffice",
    "announcement",
    "headline",
    "subheadline",
    "body",
    "furtherInformation",
    "socialMedia",
    "contact",
    "photoCredits",
)

BlockType = Literal["paragraph", "quote", "subheading", "list"]
BLOCK_TYPES: tuple[BlockType, ...] = ("paragraph", "quote", "subheading", "list")


@dataclass
class Embargo:
    """Sperrfrist: a date and a time, or the special value "Redebeginn"."""

    date: str = ""
    time: str = ""
    at_speech_start: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "time": self.time, "atSpeechStart": self.at_speech_start}


@dataclass
class Header:
    """The header line: kind, reference, date and the optional embargo."""

    kind: str = "Presseinformation"
    reference: str = ""
    date: str = ""
    embargo: Embargo | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "reference": self.reference,
            "date": self.date,
            "embargo": self.embargo.to_dict() if self.embargo else None,
        }


@dataclass
class Link:
    """A link as the reader sees it (``text``) and where it leads (``url``)."""

    text: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}


@dataclass
class SocialLink:
    """A social media channel: network, the text shown and its address."""

    network: str = ""
    text: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"network": self.network, "text": self.text, "url": self.url}


@dataclass
class PressOffice:
    """The issuing press office (Absenderblock in the side column of page 1).

    ``phones`` lists full numbers; a later entry may be only an extension that
    replaces the first number's extension ("0211 837-1134 oder 1405").
    """

    organisation: str = ""
    unit: str = ""
    address: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    fax: str = ""
    email: str = ""
    website: Link = field(default_factory=Link)

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "unit": self.unit,
            "address": list(self.address),
            "phones": list(self.phones),
            "fax": self.fax,
            "email": self.email,
            "website": self.website.to_dict(),
        }


@dataclass
class Block:
    """One block of the body.

    ``text`` carries the paragraph, quote or subheading text; ``speaker`` only
    matters for quotes, ``items`` only for bullet lists. Keeping one shape for all
    kinds lets the editor change a block's type without losing what was typed.
    ``marks`` format ``text``; ``item_marks[i]`` formats ``items[i]`` (the list may be
    shorter than ``items``: missing entries have no marks).
    """

    type: BlockType = "paragraph"
    text: str = ""
    speaker: str = ""
    items: list[str] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    item_marks: list[list[Mark]] = field(default_factory=list)

    FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "paragraph": ("text",),
        "quote": ("text", "speaker"),
        "subheading": ("text",),
        "list": ("items",),
    }

    def to_dict(self) -> dict[str, Any]:
        """The fields of this block's type, plus any other field that holds text."""
        out: dict[str, Any] = {"type": self.type}
        relevant = self.FIELDS.get(self.type, ())
        for name in ("text", "speaker", "items"):
            value = getattr(self, name)
            if name in relevant or value:
                out[name] = list(value) if isinstance(value, list) else value
        if self.marks:
            out["marks"] = [m.to_dict() for m in self.marks]
        if any(self.item_marks):
            out["itemMarks"] = [[m.to_dict() for m in ms] for ms in self.stored_item_marks()]
        return out

    def __eq__(self, other: object) -> bool:
        """Equal content: ``item_marks`` compared in their stored form (an item without
        marks is the same whether its empty list is there or not)."""
        if not isinstance(other, Block):
            return NotImplemented
        return self._key() == other._key()

    def _key(self) -> tuple[Any, ...]:
        return (
            self.type,
            self.text,
            self.speaker,
            self.items,
            self.marks,
            self.stored_item_marks(),
        )

    def stored_item_marks(self) -> list[list[Mark]]:
        """``item_marks`` in its one stored form: without trailing empty entries."""
        out = list(self.item_marks)
        while out and not out[-1]:
            out.pop()
        return out

    def marks_of_item(self, index: int) -> list[Mark]:
        """The marks of ``items[index]`` (none where the list is short)."""
        return self.item_marks[index] if index < len(self.item_marks) else []

    @property
    def formatted_items(self) -> bool:
        """Whether a list's items carry marks that are set."""
        return self.type == "list" and any(self.item_marks)

    @property
    def formatted(self) -> bool:
        """Whether the block's marks are set: only paragraphs and quotes carry them."""
        return bool(self.marks) and self.type in FORMATTED_BLOCKS

    def words(self) -> list[str]:
        """The words this block contributes to the body count."""
        texts = self.items if self.type == "list" else [self.text, self.speaker]
        return [w for t in texts for w in t.split()]


@dataclass
class Draft:
    """One press release as the editor and the file hold it."""

    header: Header = field(default_factory=Header)
    press_office: PressOffice = field(default_factory=PressOffice)
    announcement: str = ""
    headline: str = ""
    subheadline: str = ""
    body: list[Block] = field(default_factory=list)
    further_information: list[Link] = field(default_factory=list)
    social_media: list[SocialLink] = field(default_factory=list)
    contact: str = ""
    photo_credits: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the file format and the input of the layout schema."""
        return {
            "schemaVersion": self.file_version(),
            "header": self.header.to_dict(),
            "pressOffice": self.press_office.to_dict(),
            "announcement": self.announcement,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "body": [b.to_dict() for b in self.body],
            "furtherInformation": [link.to_dict() for link in self.further_information],
            "socialMedia": [s.to_dict() for s in self.social_media],
            "contact": self.contact,
            "photoCredits": self.photo_credits,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        """Build a draft from its JSON form; see :mod:`pressdesk.model.files`."""
        from pressdesk.model.files import draft_from_dict

        return draft_from_dict(data)

    def file_version(self) -> int:
        """The lowest file format version that holds this draft's content."""
        if any(any(b.item_marks) for b in self.body):
            return 3
        return 2 if any(b.marks for b in self.body) else 1

    def body_word_count(self) -> int:
        return sum(len(b.words()) for b in self.body)
