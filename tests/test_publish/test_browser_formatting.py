"""A page with bold, italic and links in its running text passes axe-core in Chromium
(see test_browser.py for the set-up)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pressdesk.model import Mark, load_draft
from pressdesk.profile import Profile
from pressdesk.publish.htmlpage import render_html

from .test_browser import axe_violations, browser

__all__ = ["browser"]  # the module-scoped Chromium fixture, shared

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"
KI_URL = "https://www.kommunale-integrationszentren-nrw.de/"


def test_a_formatted_page_has_no_axe_violations(
    browser: Any, tmp_path: Path, profile: Profile, output_dir: Path
) -> None:
    draft = load_draft(DATA / "formatted-v2.pressdesk")
    quote = draft.body[3]
    quote.type, quote.speaker = "quote", "Serap Güler"
    quote.text = "Integration gelingt vor Ort, mit allen Beteiligten."
    quote.marks = [Mark(0, 11, "link", KI_URL), Mark(4, 11, "strong"), Mark(12, 19, "emphasis")]
    page = tmp_path / "formatiert.html"
    page.write_bytes(render_html(draft, profile))
    assert axe_violations(browser, page.as_uri()) == []
    links = browser.find_elements("css selector", f'article a[href="{KI_URL}"]')
    assert [a.text for a in links] == ["Kommunale Integrationszentren", "Integration"]
    strong = browser.find_elements("css selector", "article strong")
    assert [s.text for s in strong] == ["Serap Güler", "gration", "Verantwortungsgemeinschaft"]
    browser.get_screenshot_as_file(str(output_dir / "publish-formatted-page.png"))
