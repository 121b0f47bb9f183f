"""What text goes where in the official layout, shared by the PDF and DOCX exporters.

Both exporters ask this module for the words (header line, date, side block lines,
embargo line, closing blocks) and only decide how to set them. That keeps the two
outputs word for word the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressdesk.model.draft import Draft, Link
from pressdesk.profile.profile import Profile
from pressdesk.typography import format_date, keep_phone_numbers, keep_together, phone_line


@dataclass(frozen=True)
class SideLine:
    """One line of the press office block; ``url`` makes it a link."""

    text: str
    url: str = ""
    bold: bool = False


def header_line(draft: Draft) -> str:
    """'Presseinformation – L-Duisburg' (without reference: just the kind)."""
    kind = draft.header.kind
    ref = draft.header.reference.strip()
    return f"{kind} \u2013 {keep_together(ref)}" if ref else kind


def date_line(draft: Draft) -> str:
    return format_date(draft.header.date)


def embargo_line(draft: Draft, profile: Profile) -> str:
    """'Sperrfrist: 12.03.2026, 11:00 Uhr' or 'Sperrfrist: Redebeginn'; '' if none."""
    e = draft.header.embargo
    if e is None:
        return ""
    label = profile.label("embargo")
    if e.at_speech_start:
        when = profile.label("embargoSpeechStart")
        if e.date:
            when = f"{format_date(e.date)}, {when}"
    else:
        when = format_date(e.date)
        if e.time:
            when = f"{when}, {e.time}\u00a0Uhr"
    return f"{label}: {when}"


def speech_note(draft: Draft, profile: Profile) -> str:
    return profile.label("speech") if draft.header.kind == "Rede" else ""


def _mailto(address: str) -> str:
    return f"mailto:{address}" if address else ""


def side_block(draft: Draft, profile: Profile) -> list[SideLine]:
    """The press office block, line by line, as on page 1 of the reference."""
    po = draft.press_office
    lines: list[SideLine] = []
    if po.organisation:
        lines.append(SideLine(po.organisation, bold=True))
    if po.unit:
        lines.append(SideLine(po.unit))
    lines.extend(SideLine(a) for a in po.address if a)
    phones = phone_line(po.phones, profile.label("phoneAlternative"))
    if phones:
        lines.append(SideLine(_labelled(profile.label("phone"), phones)))
    if po.fax:
        lines.append(
            SideLine(_labelled(profile.label("fax"), keep_phone_numbers(keep_together(po.fax))))
        )
    if po.email:
        lines.append(SideLine(_labelled(profile.label("email"), po.email), _mailto(po.email)))
    if po.website.url or po.website.text:
        text = link_text(po.website)
        lines.append(SideLine(_labelled(profile.label("website"), text), po.website.url))
    return lines


def _labelled(label: str, value: str) -> str:
    return f"{label}\u00a0{value}" if label else value


def link_text(link: Link) -> str:
    """What the reader sees for a link: its text, or the address without scheme."""
    if link.text.strip():
        return link.text
    url = link.url
    for scheme in ("https://", "http://", "mailto:"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url


def further_information_label(profile: Profile) -> str:
    return profile.label("furtherInformation")


def social_media_label(profile: Profile) -> str:
    return profile.label("socialMedia")


QUOTE_OPEN = "\u201e"
QUOTE_CLOSE = "\u201c"


def quote_text(text: str) -> str:
    """A quote block as set: in German quotation marks."""
    return f"{QUOTE_OPEN}{text}{QUOTE_CLOSE}"


def quote_attribution(speaker: str) -> str:
    """The line under a quote naming who said it: '– Schulministerin Dr. Anna Beispiel'."""
    return f"\u2013 {keep_together(speaker.strip())}"


def subject(draft: Draft) -> str:
    """The document's subject metadata: 'Presseinformation – L-Duisburg vom 18.07.2018'."""
    date = date_line(draft)
    head = header_line(draft)
    return f"{head} vom {date}" if date else head


def draft_title(draft: Draft) -> str:
    """The document title for metadata and window titles: the headline."""
    return draft.headline.strip() or header_line(draft)
