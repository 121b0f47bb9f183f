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


def test_the_browser_sets_a_quote_italic_throughout_and_bold_inside_it(
    browser: Any, tmp_path: Path, profile: Profile
) -> None:
    """Chromium's computed style: every word of the quote italic (the one kept italic in
    the editor no different from its neighbours, as in the PDF), bold ones bold; the
    paragraphs around stay upright with their own italic words."""
    draft = load_draft(DATA / "formatted-v2.pressdesk")
    quote = draft.body[3]
    quote.type, quote.speaker = "quote", "Serap Güler"
    quote.text = "Zusammenhalt wachsezart vor Ort, mit allen Mitmachenden."
    quote.marks = [Mark(0, 12, "strong"), Mark(13, 23, "emphasis")]
    page = tmp_path / "zitat.html"
    page.write_bytes(render_html(draft, profile))
    browser.get(page.as_uri())
    styles = browser.execute_script(
        """
        const out = [];
        const walk = document.createTreeWalker(document.querySelector('article'), 4);
        while (walk.nextNode()) {
          const node = walk.currentNode;
          if (!node.textContent.trim()) continue;
          const style = getComputedStyle(node.parentElement);
          out.push([node.textContent.trim(), style.fontStyle, style.fontWeight,
                    !!node.parentElement.closest('blockquote')]);
        }
        return out;
        """
    )
    quoted = {text: (italic, weight) for text, italic, weight, inside in styles if inside}
    assert quoted["wachsezart vor Ort, mit allen Mitmachenden.“"] == ("italic", "400")
    assert quoted["Zusammenhalt"] == ("italic", "700")
    outside = [(text, italic) for text, italic, _, inside in styles if not inside]
    assert ("Einwanderungsgeschichte", "italic") in outside
    assert all(italic == "normal" for text, italic in outside if text.startswith("Nordrhein"))
