"""One layout, two renderers: what every block of a release looks like, per role.

The house-style profile says, per *role* (headline, body text, quote, press office
line …), the type size, leading, weight, slant, colour, space before and after,
indents and whether the text is hyphenated (``roles`` in the profile, see
``schemas/profile.schema.json``). :func:`role_styles` reads them, filling in what a
profile leaves out from its ``sizes`` the same way for everybody. The PDF renderer
(:mod:`.pdf.styles`) and the DOCX renderer (:mod:`.docx.styles`) only map these roles
to reportlab paragraph styles and Word paragraph styles; neither keeps a number of
its own. The words come from :mod:`.content`; the few things that must be drawn
differently (the draft mark) are described by the profile as well.

Qt-free and free of reportlab and python-docx.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from pressdesk.export import content
from pressdesk.model.draft import Draft, Link
from pressdesk.model.inline import Mark, Run, shift_marks, split_runs
from pressdesk.profile.profile import Profile
from pressdesk.typography import keep_phone_numbers

_PT_PER_MM = 72 / 25.4

# Role names, as in the profile's "roles" object.
HEADER = "header"
EMBARGO = "embargo"
SPEECH = "speech"
HEADLINE = "headline"
SUBHEADLINE = "subheadline"
ANNOUNCEMENT = "announcement"
BODY = "body"
SUBHEADING = "subheading"
QUOTE = "quote"
SPEAKER = "speaker"
LIST_ITEM = "listItem"
FURTHER = "furtherInformation"
SOCIAL_LABEL = "socialLabel"
SOCIAL = "social"
CONTACT = "contact"
PHOTO_CREDITS = "photoCredits"
SIDE = "side"
SIDE_ORGANISATION = "sideOrganisation"
RUNNING_HEADER = "runningHeader"

ROLES = (
    HEADER,
    RUNNING_HEADER,
    EMBARGO,
    SPEECH,
    HEADLINE,
    SUBHEADLINE,
    ANNOUNCEMENT,
    BODY,
    SUBHEADING,
    QUOTE,
    SPEAKER,
    LIST_ITEM,
    FURTHER,
    SOCIAL_LABEL,
    SOCIAL,
    CONTACT,
    PHOTO_CREDITS,
    SIDE,
    SIDE_ORGANISATION,
)


@dataclass(frozen=True)
class RoleStyle:
    """How one role is set. Sizes and spaces in points, indents in millimetres."""

    size: float
    leading: float
    bold: bool = False
    italic: bool = False
    color: str = "text"  # a key of the profile's colours
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0  # left indent of the text
    bullet_indent: float = 0.0  # where a list bullet sits
    hyphenate: bool = True  # headings: False (a word wider than the line is still divided)
    keep_with_next: bool = False
    # millimetres the lines reach right of the body column, over the gap and the side
    # column (the headline on page 1; the press office block then starts below it)
    extend_right: float = 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any], base: RoleStyle) -> RoleStyle:
        keys = {
            "size": "size",
            "leading": "leading",
            "bold": "bold",
            "italic": "italic",
            "color": "color",
            "spaceBefore": "space_before",
            "spaceAfter": "space_after",
            "indent": "indent",
            "bulletIndent": "bullet_indent",
            "hyphenate": "hyphenate",
            "keepWithNext": "keep_with_next",
            "extendRight": "extend_right",
        }
        return replace(base, **{keys[k]: v for k, v in data.items() if k in keys})


def default_roles(profile: Profile) -> dict[str, RoleStyle]:
    """The roles of a profile without a "roles" object, from its sizes alone."""
    s = profile.sizes
    gap = s.leading / 2

    def scaled(size: float) -> float:
        return round(size * s.leading / s.body, 1)

    def heading(size: float, before: float = 0.0, after: float = gap) -> RoleStyle:
        return RoleStyle(
            size,
            scaled(size),
            bold=True,
            color="accent",
            space_before=before,
            space_after=after,
            hyphenate=False,
            keep_with_next=True,
        )

    return {
        HEADER: RoleStyle(s.header, scaled(s.header), bold=True, color="accent", hyphenate=False),
        RUNNING_HEADER: RoleStyle(s.small, scaled(s.small), hyphenate=False),
        EMBARGO: RoleStyle(s.header, scaled(s.header), bold=True, color="accent", space_after=gap),
        SPEECH: RoleStyle(s.body, s.leading, bold=True, italic=True, space_after=gap),
        HEADLINE: heading(s.headline),
        SUBHEADLINE: heading(s.subheadline),
        ANNOUNCEMENT: RoleStyle(s.announcement, scaled(s.announcement), space_after=gap),
        BODY: RoleStyle(s.body, s.leading, space_after=gap),
        SUBHEADING: heading(s.subheading, before=gap, after=gap / 2),
        QUOTE: RoleStyle(s.body, s.leading, italic=True, space_after=gap, indent=8),
        SPEAKER: RoleStyle(s.small, scaled(s.small), space_after=gap, indent=8),
        LIST_ITEM: RoleStyle(s.body, s.leading, space_after=gap, indent=6, bullet_indent=1.5),
        FURTHER: RoleStyle(s.body, s.leading, space_before=gap, space_after=gap),
        SOCIAL_LABEL: RoleStyle(s.body, s.leading, keep_with_next=True),
        # the items of a list and of the social media block have no space between them
        SOCIAL: RoleStyle(s.body, s.leading, space_after=gap),
        CONTACT: RoleStyle(s.body, s.leading, space_before=gap, space_after=gap),
        PHOTO_CREDITS: RoleStyle(s.small, scaled(s.small), color="sidebar"),
        SIDE: RoleStyle(s.sidebar, scaled(s.sidebar), color="sidebar"),
        SIDE_ORGANISATION: RoleStyle(s.sidebar, scaled(s.sidebar), bold=True, color="sidebar"),
    }


def role_styles(profile: Profile) -> dict[str, RoleStyle]:
    """Every role's style: the profile's "roles", the rest from :func:`default_roles`.

    Kept per (sizes, "roles" as written): every export asks twice, the preview after
    every pause. The key is the text of what they are made of, so a changed profile
    (even one changed in place) never gets another's styles. Each call gets its own dict.
    """
    given = profile.raw.get("roles") or {}
    key = repr((profile.sizes, given))
    with _roles_lock:
        kept = _roles_kept.get(key)
    if kept is None:
        roles = default_roles(profile)
        kept = {name: RoleStyle.from_json(given.get(name, {}), s) for name, s in roles.items()}
        with _roles_lock:
            _roles_kept[key] = kept
            while len(_roles_kept) > _ROLES_KEPT:
                _roles_kept.pop(next(iter(_roles_kept)))
    return dict(kept)  # RoleStyle is frozen: sharing them is safe


_ROLES_KEPT = 16  # profiles
_roles_kept: dict[str, dict[str, RoleStyle]] = {}
_roles_lock = threading.Lock()


def color(profile: Profile, key: str) -> str:
    """A role's colour key ("text", "accent", "sidebar" …) as ``#rrggbb``."""
    colors = profile.raw["colors"]
    return str(colors.get(key, colors["text"]))


@dataclass(frozen=True)
class Furniture:
    """What is not a paragraph role: link look, the running header's rule."""

    link_underline: bool
    rule_width: float  # points
    rule_color: str
    embargo_border: float  # points: the frame around the embargo on page 1
    embargo_padding: tuple[float, float, float, float]  # top, right, bottom, left (points)


def furniture(profile: Profile) -> Furniture:
    data = profile.raw.get("furniture") or {}
    return Furniture(
        link_underline=bool(data.get("linkUnderline", False)),
        rule_width=float(data.get("ruleWidth", 0.5)),
        rule_color=color(profile, "rule"),
        embargo_border=float(data.get("embargoBorder", 0.8)),
        embargo_padding=(3.0, 4.0, 3.0, 4.0),
    )


RULE_ABOVE_BODY = 3.0  # millimetres between the running header's rule and the body


def running_rule_depth(profile: Profile, lines: int) -> float:
    """Points from the top of the type area down to the running header's rule (pages 2 ff.).

    The rule sits :data:`RULE_ABOVE_BODY` above the body; a header of ``lines`` lines
    that reaches lower (the embargo line) pushes it to half a type size below its last
    line. Both renderers draw it at this depth.
    """
    role = role_styles(profile)[RUNNING_HEADER]
    text = role.size + (lines - 1) * role.leading + 0.5 * role.size
    return max(text, (profile.page.running_header_height - RULE_ABOVE_BODY) * _PT_PER_MM)


# -- the ordered items both renderers set -------------------------------------------------

# What an item belongs to, beyond its role: the renderers group and tag by it.
HEADING = "heading"  # the headline and subheadings (with an outline level)
QUOTE_GROUP = "quote"  # a quote and its speaker line
LIST_GROUP = "list"  # the items of one bullet list
SOCIAL_GROUP = "social"  # the social media label and its lines


@dataclass(frozen=True)
class Item:
    """One paragraph of the release as both formats set it, in reading order.

    ``runs`` is the text (bold, italic, link per stretch; a quote's „…“ are plain runs
    around the typed text); ``"\\n"`` inside a run is a line break within the paragraph.
    ``keep_with_next``: the next item stays on the same page (a quote with its speaker
    line, a heading with what follows); ``space_after``: False where the next item
    follows without a gap (items of a list, a quote before its speaker).
    ``group`` numbers the items that belong together (one quote, one list, the social
    media lines); ``kind`` says what they are (``QUOTE_GROUP`` …), ``level`` is the
    outline level of a heading (0 the headline).
    """

    role: str
    runs: tuple[Run, ...]
    kind: str = ""
    group: int = 0
    level: int = 0
    keep_with_next: bool = False
    hyphenate: bool = True
    space_after: bool = True

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class PageGeometry:
    """The profile's page in millimetres; the body column has one width on every page."""

    size: str
    width: float
    height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    body_width: float
    side_x: float  # from the left paper edge
    side_width: float
    header: float  # height of page 1's header area
    running_header: float

    @property
    def full_width(self) -> float:
        """The type area: left margin to right margin (body, gap and side column)."""
        return self.width - self.margin_left - self.margin_right

    def line_width(self, style: RoleStyle) -> float:
        """How wide a role's lines are: the body column, plus its ``extend_right`` (at
        most up to the right margin)."""
        extra = min(max(style.extend_right, 0.0), self.full_width - self.body_width)
        return self.body_width + extra


PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}


def page_geometry(profile: Profile) -> PageGeometry:
    pg = profile.page
    width, height = PAPER_MM.get(pg.size, (0.0, 0.0))
    body = width - pg.margin_left - pg.margin_right - pg.sidebar_width - pg.sidebar_gap
    return PageGeometry(
        size=pg.size,
        width=width,
        height=height,
        margin_top=pg.margin_top,
        margin_bottom=pg.margin_bottom,
        margin_left=pg.margin_left,
        margin_right=pg.margin_right,
        body_width=body,
        side_x=width - pg.margin_right - pg.sidebar_width,
        side_width=pg.sidebar_width,
        header=pg.header_height,
        running_header=pg.running_header_height,
    )


@dataclass(frozen=True)
class Metadata:
    """The document's title, author, subject, keywords and language."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str = "de-DE"


@dataclass(frozen=True)
class ReleaseLayout:
    """Draft + profile, laid out: what both renderers set, and nothing they decide."""

    items: tuple[Item, ...]  # the body column, in reading order
    side: tuple[Item, ...]  # page 1's press office block
    # how many items come before the press office block in reading order: the ones up
    # to the headline (page 1's side column starts below it), 0 without a headline
    side_after: int
    header: str  # page 1's header line, also the running header of later pages
    date: str
    embargo: str  # '' without one; framed on page 1, bold in every running header
    geometry: PageGeometry
    metadata: Metadata
    roles: dict[str, RoleStyle]


def _visible(text: str) -> bool:
    return any(not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cs")) for ch in text)


_ONE_LINE = str.maketrans(dict.fromkeys("\n\u2028\u2029\x0b", " "))


def _runs(text: str, marks: Sequence[Mark] = (), multiline: bool = False) -> tuple[Run, ...]:
    """``text`` stripped, as runs; phone numbers glued across run boundaries.

    ``multiline``: a line break stays one ("\\n"), otherwise it becomes a space.
    """
    marks = list(marks)
    # \r\n and lone \r are one line break: keep the marks on their characters
    while "\r" in text:
        at = text.index("\r")
        if text[at + 1 : at + 2] == "\n":
            text = text[:at] + text[at + 1 :]
            marks = shift_marks(marks, at, 1, 0)
        else:
            text = text[:at] + "\n" + text[at + 1 :]
    if not multiline:
        text = text.translate(_ONE_LINE)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if lead:
        marks = [Mark(m.start - lead, m.end - lead, m.kind, m.url) for m in marks]
    # glue before cutting, so a number half bold stays one unbreakable piece
    return tuple(split_runs(keep_phone_numbers(stripped), marks))


class _Items:
    def __init__(self, profile: Profile) -> None:
        self.roles = role_styles(profile)
        self.items: list[Item] = []
        self.groups = 0

    def new_group(self) -> int:
        self.groups += 1
        return self.groups

    def add(self, role: str, runs: Sequence[Run], **kw: Any) -> None:
        if not _visible("".join(r.text for r in runs)):
            return
        style = self.roles[role]
        kw.setdefault("keep_with_next", style.keep_with_next)
        kw.setdefault("hyphenate", style.hyphenate)
        self.items.append(Item(role, tuple(runs), **kw))

    def text(self, role: str, text: str, multiline: bool = False, **kw: Any) -> None:
        self.add(role, _runs(text, multiline=multiline), **kw)


def _link_runs(link: Link) -> tuple[Run, ...]:
    text = " ".join(content.link_text(link).replace("\r", "\n").split("\n"))
    return (Run(text, url=link.url.strip()),)


def release_layout(draft: Draft, profile: Profile, notice: str = "") -> ReleaseLayout:
    """The one layout of ``draft``: ordered items, page 1's block, page furniture, metadata.

    ``notice`` is an optional line above the headline (a publication's 'Korrektur vom …').
    """
    out = _Items(profile)
    embargo = content.embargo_line(draft, profile)
    out.text(SPEECH, notice)
    out.text(EMBARGO, embargo)
    out.text(SPEECH, content.speech_note(draft, profile))
    out.text(HEADLINE, draft.headline, kind=HEADING, level=0)
    headline = any(item.role == HEADLINE for item in out.items)  # set, not just typed
    side_after = len(out.items) if out.items and out.items[-1].role == HEADLINE else 0
    out.text(SUBHEADLINE, draft.subheadline)
    out.text(ANNOUNCEMENT, draft.announcement)
    level = 1 if headline else 0  # no headline: never a second level without a first
    for block in draft.body:
        marks = block.marks if block.formatted else []
        if block.type == "paragraph":
            out.add(BODY, _runs(block.text, marks, multiline=True))
        elif block.type == "subheading":
            out.text(SUBHEADING, block.text, kind=HEADING, level=level)
        elif block.type == "quote":
            if not _visible(block.text):
                continue
            group = out.new_group()
            speaker = block.speaker.strip()
            # the quotation marks outside the runs of the typed text
            text = _runs(block.text, marks, multiline=True)
            runs = (Run(content.QUOTE_OPEN), *text, Run(content.QUOTE_CLOSE))
            more: dict[str, Any] = {"keep_with_next": True, "space_after": False}
            out.add(QUOTE, runs, kind=QUOTE_GROUP, group=group, **(more if speaker else {}))
            if speaker:
                attribution = content.quote_attribution(speaker)
                out.text(SPEAKER, attribution, kind=QUOTE_GROUP, group=group)
        elif block.type == "list":
            items = [(i, block.marks_of_item(j)) for j, i in enumerate(block.items) if _visible(i)]
            group = out.new_group()
            for n, (item, item_marks) in enumerate(items):
                last = n == len(items) - 1
                runs = _runs(item, item_marks, multiline=True)
                out.add(LIST_ITEM, runs, kind=LIST_GROUP, group=group, space_after=last)
    links = [lk for lk in draft.further_information if _visible(content.link_text(lk))]
    if links:
        further = [Run(content.further_information_label(profile) + " ")]
        for i, lk in enumerate(links):
            further += [Run("\n")] if i else []
            further += _link_runs(lk)
        out.add(FURTHER, further)
    social = [s for s in draft.social_media if _visible(content.link_text(Link(s.text, s.url)))]
    if social:
        group = out.new_group()
        out.text(SOCIAL_LABEL, content.social_media_label(profile), kind=SOCIAL_GROUP, group=group)
        for n, s in enumerate(social):
            network = s.network.strip()
            prefix = [Run(f"{network}: ")] if network else []
            last = n == len(social) - 1
            shown = [*prefix, *_link_runs(Link(s.text, s.url))]
            out.add(SOCIAL, shown, kind=SOCIAL_GROUP, group=group, space_after=last)
    out.text(CONTACT, draft.contact, multiline=True)
    out.text(PHOTO_CREDITS, draft.photo_credits)

    side = _Items(profile)
    for line in content.side_block(draft, profile):
        role = SIDE_ORGANISATION if line.bold else SIDE
        side.add(role, (Run(line.text, url=line.url),))

    po = draft.press_office
    meta = Metadata(
        title=content.draft_title(draft),
        subject=content.subject(draft),
        author=po.organisation.strip() or profile.name,
        keywords=tuple(
            k for k in (draft.header.kind, draft.header.reference.strip(), po.organisation) if k
        ),
    )
    return ReleaseLayout(
        items=tuple(out.items),
        side=tuple(side.items),
        side_after=side_after,
        header=content.header_line(draft),
        date=content.date_line(draft),
        embargo=embargo,
        geometry=page_geometry(profile),
        metadata=meta,
        roles=out.roles,
    )
