"""The words a draft puts on paper, and a check that they appear in order in some text.

Shared by the publishing preflight (PDF and HTML) and the exporter tests. Whitespace
and hyphens are ignored when comparing, so line breaks and hyphenation do not matter.
"""

from __future__ import annotations

import re

from pressdesk.export import content
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile
from pressdesk.typography import format_date

_IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011]")


def norm(text: str) -> str:
    """Text without whitespace and hyphens: line breaks and hyphenation do not matter."""
    return _IGNORED.sub("", text)


def missing_in_order(haystack: str, words: list[str]) -> list[str]:
    """The words of ``words`` not found in ``haystack`` in this order (empty: all there)."""
    text = norm(haystack)
    pos, missing = 0, []
    for word in words:
        w = norm(word)
        if not w:
            continue
        found = text.find(w, pos)
        if found < 0:
            missing.append(word)
        else:
            pos = found + len(w)
    return missing


def header_words(draft: Draft, profile: Profile) -> list[str]:
    """Kind, reference, date, embargo and speech note: what is read before the headline."""
    h = draft.header
    parts: list[str] = [h.kind, h.reference, format_date(h.date)]
    if h.embargo is not None:
        parts += [profile.label("embargo"), format_date(h.embargo.date), h.embargo.time]
    if h.kind == "Rede":
        parts.append(profile.label("speech"))
    return [w for part in parts for w in part.split()]


def side_words(draft: Draft) -> list[str]:
    """The press office block."""
    po = draft.press_office
    parts = [po.organisation, po.unit, *po.address, *po.phones, po.fax, po.email, po.website.text]
    return [w for part in parts for w in part.split()]


def expected_words(draft: Draft, profile: Profile) -> list[str]:
    """Every word the draft puts on paper, in reading order, taken from the draft itself.

    The reading order of the PDF (:func:`pressdesk.export.layout.release_layout`):
    header, embargo, headline, press office block (below the headline, which reaches
    over the side column), then the rest of the body column.
    """
    body = body_words(draft, profile)
    headline = draft.headline.split()
    return header_words(draft, profile) + headline + side_words(draft) + body[len(headline) :]


def body_words(draft: Draft, profile: Profile) -> list[str]:
    """The words of the body column in reading order: headline to photo credits."""
    parts = [draft.headline, draft.subheadline, draft.announcement]
    for b in draft.body:
        parts += b.items if b.type == "list" else [b.text, b.speaker]
    if draft.further_information:
        parts.append(content.further_information_label(profile))
        parts += [content.link_text(lk) for lk in draft.further_information]
    if draft.social_media:
        parts.append(content.social_media_label(profile))
        for s in draft.social_media:
            parts += [s.network, s.text]
    parts += [draft.contact, draft.photo_credits]
    return [w for part in parts for w in part.split()]


def missing_nearby(haystack: str, words: list[str], window: int = 120) -> list[str]:
    """Like :func:`missing_in_order`, but a word counts only if it follows within ``window``
    characters; a word found only far ahead is reported and the search stays put.

    For explaining a failure: one dropped sentence is reported as its words, not as
    everything after the next place where its first word happens to occur again.
    """
    text = norm(haystack)
    pos, missing = 0, []
    for word in words:
        w = norm(word)
        if not w:
            continue
        found = text.find(w, pos, pos + window + len(w))
        if found < 0:
            missing.append(word)
        else:
            pos = found + len(w)
    return missing
