"""The web pages in a real browser: Debian's chromium, driven by Selenium, checked by axe-core.

axe-core's ``axe.min.js`` (npm package ``axe-core``, MPL-2.0) is vendored in
``tests/data/axe-core`` so that the test runs offline. Screenshots go to ``test-output/``.
Without chromium and chromium-driver the test is skipped, except in CI (``CI`` set),
where ``scripts/system-packages.sh test`` installs them and a skip would hide a gap.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pressdesk.model import Draft
from pressdesk.publish.package import PublishResult, publish_release

from .conftest import NOW, approve, sample

AXE = Path(__file__).parents[1] / "data" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.browser

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        if os.environ.get("CI"):
            pytest.fail("chromium und chromium-driver fehlen (scripts/system-packages.sh test)")
        pytest.skip("chromium und chromium-driver sind nicht installiert")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=de-DE",
        "--window-size=1000,1400",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def axe_violations(driver: Any, url: str) -> list[dict[str, Any]]:
    """Load ``url``, inject axe-core and run the WCAG 2.2 AA and best-practice rules."""
    driver.get(url)
    driver.execute_script(AXE.read_text("utf-8"))
    assert driver.execute_script("return axe.version") == AXE_VERSION
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done({violations: r.violations, passes: r.passes.length}))"
        ".catch(e => done({error: String(e)}));",
        RULES,
    )
    assert "error" not in result, result
    assert result["passes"] > 10  # axe really looked at the page
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["html"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> list[PublishResult]:
    site = tmp_path_factory.mktemp("website")
    out = []
    for name, rid in (("presseinformation-2018-07-18", "L-Duisburg"),
                      ("sperrfrist-mit-liste-2026-03-12", "157")):  # fmt: skip
        draft: Draft = sample(name)
        out.append(publish_release(draft, approve(draft, rid), site, now=NOW))
    return out


def test_release_pages_and_index_have_no_axe_violations(
    browser: Any, published: list[PublishResult], output_dir: Path
) -> None:
    pages = [r.files["html"] for r in published] + [published[0].folder / "index.html"]
    for page in pages:
        assert axe_violations(browser, page.as_uri()) == [], page.name
        assert browser.execute_script("return document.documentElement.lang") == "de"
        assert len(browser.find_elements("tag name", "h1")) == 1
        assert browser.find_elements("tag name", "script") == []
    browser.get(published[1].files["html"].as_uri())
    h1 = browser.find_element("tag name", "h1")
    assert h1.text == "Land fördert 120 neue Schulsozialarbeitsstellen an Grundschulen"
    first_list = browser.find_elements("css selector", "main ul")[0]
    items = [li.text for li in first_list.find_elements("tag name", "li")]
    assert items == sample("sperrfrist-mit-liste-2026-03-12").body[4].items
    assert browser.find_element("css selector", "figure blockquote").text.startswith("„")
    browser.get_screenshot_as_file(str(output_dir / "publish-release-page.png"))
    browser.get((published[0].folder / "index.html").as_uri())
    browser.get_screenshot_as_file(str(output_dir / "publish-index.png"))


def test_axe_does_find_a_faulty_page(browser: Any, tmp_path: Path) -> None:
    """The check can fail: a page without language, with an empty link and an image without
    alternative text is reported."""
    page = tmp_path / "fehlerhaft.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1>"
        '<a href="https://example.org/"></a><img src="bild.png"></main></body></html>',
        "utf-8",
    )
    ids = {v["id"] for v in axe_violations(browser, page.as_uri())}
    assert {"html-has-lang", "link-name", "image-alt"} <= ids
