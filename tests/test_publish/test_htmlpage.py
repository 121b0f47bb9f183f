"""The HTML page of a release, read back as a parser (and so a screen reader) sees it."""

from __future__ import annotations

from typing import Any

import html5lib

from pressdesk.model import Draft
from pressdesk.model.draft import Link
from pressdesk.profile import Profile
from pressdesk.publish.htmlpage import render_html

from .conftest import sample


def _parse(html: bytes) -> Any:
    return html5lib.parse(html, namespaceHTMLElements=False)


def _text(elem: Any) -> str:
    return " ".join("".join(elem.itertext()).split())


def test_blocks_become_semantic_html(profile: Profile) -> None:
    draft = sample("sperrfrist-mit-liste-2026-03-12")
    doc = _parse(render_html(draft, profile))
    assert doc.get("lang") == "de"
    assert _text(doc.find("./head/title")) == draft.headline
    assert [_text(h) for h in doc.iter("h1")] == [draft.headline]
    assert "Was die Schulen erwartet" in [_text(h) for h in doc.iter("h2")]
    quote = doc.find(".//figure")
    assert _text(quote.find("blockquote")) == f"„{draft.body[1].text}“"
    assert _text(quote.find("figcaption")) == "– Schulministerin Dr. Anna Beispiel"
    items = [_text(li) for li in doc.find(".//article/ul").iter("li")]
    assert items == draft.body[4].items
    assert _text(doc.find(".//header/p[@class='embargo']")) == "Sperrfrist: 12.03.2026, 11:00 Uhr"
    assert doc.find(".//header//time").get("datetime") == "2026-03-12"
    links = {a.get("href"): _text(a) for a in doc.iter("a")}
    assert links["https://www.schulministerium.nrw/schulsozialarbeit"] == (
        "www.schulministerium.nrw/schulsozialarbeit"
    )
    assert links["mailto:presse@msb.nrw.de"] == "presse@msb.nrw.de"
    address = _text(doc.find(".//footer/address"))
    assert address.startswith("Ministerium für Schule und Bildung Pressestelle Völklinger")
    assert "Telefon 0211 5867-3505" in address
    assert doc.findall(".//script") == []


def test_markup_in_the_text_stays_text(reference_draft: Draft, profile: Profile) -> None:
    reference_draft.headline = 'Ministerin <script>alert("x")</script> & „Kommunen“'
    reference_draft.further_information = [Link("Hier klicken", "javascript:alert(1)")]
    doc = _parse(render_html(reference_draft, profile))
    assert doc.findall(".//script") == []
    assert _text(doc.find(".//h1")) == reference_draft.headline
    assert all(not a.get("href", "").startswith("javascript") for a in doc.iter("a"))
    assert "Hier klicken" in _text(doc.find(".//article"))


def test_correction_line_stands_above_the_headline(
    reference_draft: Draft, profile: Profile
) -> None:
    doc = _parse(render_html(reference_draft, profile, "Korrektur vom 30.11.2026, 13:00 Uhr"))
    article = doc.find(".//article")
    assert [c.tag for c in article][:2] == ["p", "h1"]
    assert _text(article[0]) == "Korrektur vom 30.11.2026, 13:00 Uhr"
