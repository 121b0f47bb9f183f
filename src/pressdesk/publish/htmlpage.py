"""The accessible HTML page of a draft: the same words as the PDF, as semantic HTML5.

The page is built from the texts the exporters share (:mod:`pressdesk.export.content`)
and rendered with a Jinja2 template (``resources/templates/release.html``) with
autoescaping on, so text from the draft can never become markup. No script.
Links are written only for ``http``, ``https`` and ``mailto`` targets; anything else
is shown as text. Bold, italic and links inside a paragraph or quote (the block's
marks) become ``<strong>``, ``<em>`` and ``<a href>`` around the runs of its text
(``resources/templates/_blocks.html``, shared with the CMS record). A quote looks as
the profile's role "quote" sets it in PDF and DOCX (:func:`quote_look`): italic
throughout, and italic kept inside it without effect, as in print.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from pressdesk.export import content
from pressdesk.model.draft import Block, Draft, Link
from pressdesk.model.inline import Mark, Run, split_runs
from pressdesk.paths import resources_dir
from pressdesk.profile.profile import Profile

if TYPE_CHECKING:
    from jinja2 import Environment

_SAFE_HREF = re.compile(r"^(https?://|mailto:)[^\s\"<>]+$", re.I)


def templates_dir() -> str:
    return str(resources_dir() / "templates")


@cache
def environment() -> Environment:
    """The Jinja2 environment for the publishing templates (autoescaping always on)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_web_text,
    )
    env.filters["german_date"] = german_date
    env.filters["german_datetime"] = german_datetime
    return env


def _web_text(value: Any) -> Any:
    """The layout glues phone numbers with U+2011 for the page; on the web a plain hyphen
    copies into a phone or mail program as the number it is."""
    return value.replace("\u2011", "-") if isinstance(value, str) else value


def german_date(iso_date: str) -> str:
    """'2018-07-18' -> '18.07.2018'."""
    from pressdesk.typography import format_date

    return format_date(iso_date)


def german_datetime(iso_time: str) -> str:
    """An ISO time -> '19.07.2018, 10:15 Uhr' (Berlin time)."""
    from datetime import datetime

    from pressdesk.publish.clock import berlin

    try:
        local = berlin(datetime.fromisoformat(iso_time))
    except ValueError:
        return iso_time
    return f"{local:%d.%m.%Y}, {local:%H:%M}\u00a0Uhr"


def safe_href(url: str) -> str:
    """``url`` if a browser may follow it from the page ("www." gets https), else ''."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = f"https://{url}"
    return url if _SAFE_HREF.match(url) else ""


@dataclass(frozen=True)
class PageLink:
    text: str
    href: str
    prefix: str = ""


@dataclass(frozen=True)
class PageBlock:
    kind: str  # paragraph, subheading, quote, list
    text: str = ""
    attribution: str = ""
    items: tuple[str, ...] = ()
    runs: tuple[Run, ...] = ()
    item_runs: tuple[tuple[Run, ...], ...] = ()  # per item, as ``items``
    # How the house style sets the whole block (a quote: the profile's role "quote"),
    # as classes of the element; the page's style sheet knows them.
    look: str = ""


def page_runs(block: Block, text: str) -> tuple[Run, ...]:
    """``text`` (the block's text, stripped as shown) as runs with the block's marks.

    Marks count from the start of ``block.text``; ``text`` is that text without the
    white space around it. Blocks that cannot carry marks are one plain run.
    """
    if not text:
        return ()
    if not block.formatted:
        return (Run(text),)
    return marked_runs(block.text, block.marks, text)


def marked_runs(full: str, marks: list[Mark], text: str) -> tuple[Run, ...]:
    """``text`` (``full`` stripped as shown) as runs with ``marks`` (counted in ``full``)."""
    if not text:
        return ()
    lead = len(full) - len(full.lstrip())
    size = len(text)
    runs: list[Run] = []
    pos = -lead
    for run in split_runs(full, marks):
        a, b = max(pos, 0), min(pos + len(run.text), size)
        pos += len(run.text)
        if a >= b:
            continue
        # a run's address on the page only if it is safe to follow (else plain text)
        href = safe_href(run.url) if run.url else ""
        piece = Run(text[a:b], run.strong, run.emphasis, href)
        if runs and (runs[-1].strong, runs[-1].emphasis, runs[-1].url) == (
            piece.strong,
            piece.emphasis,
            piece.url,
        ):
            piece = Run(runs.pop().text + piece.text, piece.strong, piece.emphasis, href)
        runs.append(piece)
    return tuple(runs)


@dataclass(frozen=True)
class PageLine:
    text: str
    href: str = ""
    bold: bool = False


@dataclass
class ReleasePage:
    """Everything the template shows, in reading order."""

    title: str
    description: str
    header_line: str
    date_iso: str
    date_text: str
    embargo: str
    speech_note: str
    headline: str
    subheadline: str
    announcement: str
    blocks: list[PageBlock] = field(default_factory=list)
    further_label: str = ""
    further: list[PageLink] = field(default_factory=list)
    social_label: str = ""
    social: list[PageLink] = field(default_factory=list)
    contact: str = ""
    photo_credits: str = ""
    press_office: list[PageLine] = field(default_factory=list)
    correction: str = ""
    downloads: list[PageLink] = field(default_factory=list)


def quote_look(profile: Profile) -> tuple[str, Callable[[Run], Run]]:
    """The classes of a quote on the page and what becomes of a run inside it, as the PDF
    and the DOCX set it (role "quote" of the profile): in an italic quote, italic kept
    inside it shows nothing there (the editor greys Kursiv, the check warns), so the
    page sets no ``<em>`` either; bold stays bold (bold italic, as in the PDF)."""
    from pressdesk.export.layout import QUOTE, role_styles

    style = role_styles(profile)[QUOTE]
    look = " ".join(name for name, on in (("bold", style.bold), ("italic", style.italic)) if on)

    def shown(run: Run) -> Run:
        strong, emphasis = run.strong and not style.bold, run.emphasis and not style.italic
        return Run(run.text, strong, emphasis, run.url)

    return look, shown


def page_blocks(draft: Draft, profile: Profile | None = None) -> list[PageBlock]:
    """The body blocks as the page shows them (empty ones left out); a quote set as the
    profile (the house profile if none is given) sets it in the PDF."""
    if profile is None:
        from pressdesk.profile.profile import load_profile

        profile = load_profile()
    look, in_quote = quote_look(profile)
    blocks: list[PageBlock] = []
    for b in draft.body:
        if b.type == "list":
            shown = [(i, b.marks_of_item(j)) for j, i in enumerate(b.items) if i.strip()]
            if shown:
                items = tuple(i for i, _ in shown)
                runs = tuple(marked_runs(i, m, i.strip()) for i, m in shown)
                blocks.append(PageBlock("list", items=items, item_runs=runs))
        elif b.text.strip():
            if b.type == "quote":
                speaker = b.speaker.strip()
                quoted = content.quote_text(b.text.strip())
                opening, closing = quoted.split(b.text.strip(), 1) if b.text.strip() else ("", "")
                blocks.append(
                    PageBlock(
                        "quote",
                        quoted,
                        content.quote_attribution(speaker) if speaker else "",
                        runs=(
                            Run(opening),
                            *(in_quote(r) for r in page_runs(b, b.text.strip())),
                            Run(closing),
                        ),
                        look=look,
                    )
                )
            else:
                blocks.append(PageBlock(b.type, b.text, runs=page_runs(b, b.text.strip())))
    return blocks


def block_html(block: PageBlock) -> str:
    """One block as the page's HTML element (``<p>``, ``<h2>``, ``<figure>``, ``<ul>``)."""
    macro = environment().get_template("_blocks.html").module.block  # type: ignore[attr-defined]
    return "\n".join(line.strip() for line in str(macro(block)).strip().splitlines())


def cms_blocks(draft: Draft, profile: Profile | None = None) -> list[dict[str, Any]]:
    """The body for a CMS: per block its type, its text as shown (no markup) and the same
    block as HTML, with bold, italic and links (escaped, only safe link targets)."""
    out: list[dict[str, Any]] = []
    for block in page_blocks(draft, profile):
        record: dict[str, Any] = {"type": block.kind}
        if block.kind == "list":
            record["items"] = list(block.items)
        else:
            record["text"] = "".join(r.text for r in block.runs)
        if block.attribution:
            record["attribution"] = block.attribution
        record["html"] = block_html(block)
        out.append(record)
    return out


def page_of(draft: Draft, profile: Profile, correction: str = "") -> ReleasePage:
    """The page model of ``draft``; ``correction`` is a line such as 'Korrektur vom …'."""
    blocks = page_blocks(draft, profile)
    further = [
        PageLink(content.link_text(lk), safe_href(lk.url))
        for lk in draft.further_information
        if lk.url.strip() or lk.text.strip()
    ]
    social = [
        PageLink(
            content.link_text(Link(s.text, s.url)),
            safe_href(s.url),
            f"{s.network.strip()}: " if s.network.strip() else "",
        )
        for s in draft.social_media
        if s.url.strip() or s.text.strip()
    ]
    return ReleasePage(
        title=content.draft_title(draft),
        description=f"{content.header_line(draft)} vom {content.date_line(draft)}",
        header_line=content.header_line(draft),
        date_iso=draft.header.date,
        date_text=content.date_line(draft),
        embargo=content.embargo_line(draft, profile),
        speech_note=content.speech_note(draft, profile),
        headline=draft.headline.strip(),
        subheadline=draft.subheadline.strip(),
        announcement=draft.announcement.strip(),
        blocks=blocks,
        further_label=content.further_information_label(profile),
        further=further,
        social_label=content.social_media_label(profile),
        social=social,
        contact=draft.contact.strip(),
        photo_credits=draft.photo_credits.strip(),
        press_office=[
            PageLine(line.text, safe_href(line.url), line.bold)
            for line in content.side_block(draft, profile)
        ],
        correction=correction,
    )


def render_html(
    draft: Draft,
    profile: Profile,
    correction: str = "",
    downloads: list[PageLink] | None = None,
) -> bytes:
    """The page as UTF-8 bytes. ``downloads`` links the PDF and DOCX of the same release."""
    page = page_of(draft, profile, correction)
    page.downloads = list(downloads or [])
    return render_template("release.html", page=page)


def render_template(name: str, **context: Any) -> bytes:
    return environment().get_template(name).render(**context).encode("utf-8")
