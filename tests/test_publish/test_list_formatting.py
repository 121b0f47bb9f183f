"""Links and emphasis in list items in what is published: the web page (<li> with
<strong>/<em>/<a>), the CMS record and preflight's check that each link is clickable."""

from __future__ import annotations

import json
from pathlib import Path

from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft, Mark, load_draft
from pressdesk.profile import Profile
from pressdesk.publish.htmlpage import render_html
from pressdesk.publish.package import publish_release
from pressdesk.publish.preflight import preflight_html, preflight_pdf

from .conftest import NOW, approve
from .test_formatting import DATA, _parse, _text, _with_annotations

URL = "https://www.mkffi.nrw/integration"
ITEMS = ["Programm & Richtlinie: www.mkffi.nrw", "Beratung in allen Kreisen"]


def _draft() -> Draft:
    draft = load_draft(DATA / "unformatted-v1.pressdesk")
    marks = [[Mark(0, 8, "strong"), Mark(23, 36, "link", URL)], [Mark(12, 17, "emphasis")]]
    draft.body.insert(1, Block(type="list", items=list(ITEMS), item_marks=marks))
    return draft


def test_the_page_sets_bold_italic_and_links_in_list_items(profile: Profile) -> None:
    draft = _draft()
    html = render_html(draft, profile)
    items = _parse(html).findall(".//article/ul/li")
    assert [_text(li) for li in items] == ITEMS
    assert [_text(s) for s in items[0].iter("strong")] == ["Programm"]
    [link] = items[0].findall("a")
    assert (link.get("href"), _text(link)) == (URL, "www.mkffi.nrw")
    assert [_text(e) for e in items[1].iter("em")] == ["allen"]
    assert preflight_html(html, draft, profile) == []


def test_the_cms_record_has_list_items_as_text_and_html(site: Path) -> None:
    draft = _draft()
    result = publish_release(draft, approve(draft, "L-Duisburg"), site, now=NOW)
    record = json.loads(result.files["json"].read_text("utf-8"))
    block = record["body"][1]
    assert block["items"] == ITEMS
    assert block["html"] == (
        "<ul>\n<li><strong>Programm</strong> &amp; Richtlinie: "
        f'<a href="{URL}">www.mkffi.nrw</a></li>\n'
        "<li>Beratung in <em>allen</em> Kreisen</li>\n</ul>"
    )


def test_preflight_wants_the_list_items_link_clickable(profile: Profile) -> None:
    draft = _draft()
    data = render_pdf(draft, profile, final=True)
    reasons = [r for r in preflight_pdf(data, draft, profile) if r.startswith("PDF: der Link")]
    assert reasons == []
    draft.body[1].item_marks[1].append(Mark(0, 8, "link", "https://www.land.nrw/"))
    reasons = [r for r in preflight_pdf(data, draft, profile) if r.startswith("PDF: der Link")]
    assert reasons == [
        "PDF: der Link „Beratung“ auf https://www.land.nrw/ ist nicht anklickbar "
        "(keine Link-Annotation mit dieser Adresse)."
    ]
    assert _with_annotations(data, keep=True, add=("https://www.land.nrw/",))
