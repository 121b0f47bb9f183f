"""Validation's fast paths decide exactly as the libraries they stand in for (issue 12, 8).

An export validates the draft first; the e-mail and URL packages and fontTools cost
more to import than the whole validation, so PressDesk accepts the plain forms itself
and reads the font's tables itself. These tests hold each shortcut to the library.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from email_validator import EmailNotValidError, validate_email
from fontTools.ttLib import TTFont
from hypothesis import example, given
from hypothesis import strategies as st
from rfc3986_validator import validate_rfc3986

from pressdesk.export.fontfile import font_metrics
from pressdesk.paths import fonts_dir
from pressdesk.validation.rules import drawable_characters
from pressdesk.validation.schema import is_email, is_web_url, plain_email, plain_web_url


def email_validator_accepts(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


_label = st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9-]{0,70}", fullmatch=True)
_emails = st.one_of(
    st.from_regex(
        r"[a-zA-Z0-9_+.-]{1,70}@([a-zA-Z0-9-]{1,70}\.){1,3}[a-zA-Z0-9]{1,8}", fullmatch=True
    ),
    st.builds(
        lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
        st.from_regex(r"[a-z0-9_+.-]{1,80}", fullmatch=True),
        st.lists(_label, min_size=1, max_size=4),
        st.sampled_from(
            ["de", "nrw", "test", "local", "arpa", "onion", "com", "x1", "d", "invalid"]
        ),
    ),
    st.text(max_size=40),
)


@given(_emails)
@example("presse@stk.nrw.de")
@example("a@xn--bcher-kva.de")
@example("a@ab--c.de")
@example("a@x.localhost")
@example("a" * 65 + "@x.de")
def test_a_plain_email_is_one_email_validator_accepts(value: str) -> None:
    if plain_email(value):
        assert email_validator_accepts(value), value
    assert is_email(value) == email_validator_accepts(value)


def test_everyday_addresses_take_the_fast_path() -> None:
    for value in ("presse@stk.nrw.de", "Pressestelle@MKFFI.NRW.de", "a.b-c+d@land-nrw.de"):
        assert plain_email(value)
    for value in ("presse@stk..de", "presse@localhost", "presse@x.test", "ä@x.de"):
        assert not plain_email(value)


_urls = st.one_of(
    st.builds(
        lambda scheme, host, port, rest: f"{scheme}://{host}{port}{rest}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "http:"]),
        st.from_regex(r"[a-zA-Z0-9.\-]{0,30}", fullmatch=True),
        st.sampled_from(["", ":8080", ":", ":x", ":123456"]),
        st.text(alphabet="/?#%[]@!$&'()*+,;=:._~-aZ09 äx", max_size=30),
    ),
    st.text(max_size=40),
)


@given(_urls)
@example("https://www.land.nrw/de/pressemitteilung?id=1&x=2#oben")
@example("https://x.de/a#b#c")
@example("https://x.de/%2")
def test_a_plain_web_url_is_one_rfc3986_accepts(value: str) -> None:
    if plain_web_url(value):
        assert validate_rfc3986(value, rule="URI"), value


def test_everyday_urls_take_the_fast_path() -> None:
    assert plain_web_url("https://www.land.nrw")
    assert plain_web_url("https://www.land.nrw/de/pressemitteilung/x-y?id=1&a=b#oben")
    assert is_web_url("https://www.land.nrw/de/%C3%A4")  # the validator decides
    assert not is_web_url("https://x.de/a#b#c")


@pytest.mark.parametrize("font", sorted((fonts_dir()).glob("*/*.ttf")), ids=lambda p: p.name)
def test_font_metrics_read_as_fonttools_reads_them(font: Path) -> None:
    metrics = font_metrics(font)
    with TTFont(str(font), lazy=True) as tt:
        hmtx = tt["hmtx"].metrics
        cmap = tt.getBestCmap()
        assert metrics.widths == {cp: hmtx[name][0] for cp, name in cmap.items()}
        assert metrics.units_per_em == tt["head"].unitsPerEm
        assert metrics.notdef == hmtx[".notdef"][0]
    assert ord("ß") in metrics.widths and ord("€") in metrics.widths


@cache
def _old_glyph_pattern(font: Path) -> re.Pattern[str]:
    """The character class validation used to compile (the reference for the set)."""
    with TTFont(str(font), lazy=True) as tt:
        cmap = set(tt.getBestCmap())
    ranges: list[tuple[int, int]] = []
    for cp in sorted(cmap | set(range(0x20)) | {0x20, 0x7F, 0xA0, 0xAD}):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[^{body}]")


@given(st.text(alphabet=st.characters(codec=None), max_size=30))
@example("Grüße 😀 aus Köln\u2011Deutz \u00ad\u00a0\x7f\x01")
def test_missing_glyphs_found_as_the_old_pattern_found_them(text: str) -> None:
    font = fonts_dir() / "carlito" / "Carlito-Regular.ttf"
    pattern = _old_glyph_pattern(font)
    expected = sorted(set(pattern.findall(text)))
    assert sorted(set(text).difference(drawable_characters(font))) == expected
