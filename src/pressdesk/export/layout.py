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

from dataclasses import dataclass, replace
from typing import Any

from pressdesk.profile.profile import Profile

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
    """Every role's style: the profile's "roles", the rest from :func:`default_roles`."""
    roles = default_roles(profile)
    given = profile.raw.get("roles") or {}
    return {name: RoleStyle.from_json(given.get(name, {}), style) for name, style in roles.items()}


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
