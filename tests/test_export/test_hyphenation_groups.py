"""The hyphenation cache decodes only the pattern groups a word needs, and hyphenates
exactly as pyphen's own dictionary does (issue 12, point 8)."""

from __future__ import annotations

import json
import random
import re
import threading
from functools import cache
from pathlib import Path

import pyphen
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressdesk.export.pdf import hyphenation, pyphencompat
from pressdesk.paths import samples_dir


@cache
def full() -> pyphen.HyphDict:
    return pyphen.HyphDict(Path(pyphen.LANGUAGES["de_DE"]))


def grouped() -> pyphencompat.ChunkedHyphDict:
    hd = full()
    return pyphencompat.ChunkedHyphDict(pyphencompat.chunked(hd.patterns), hd.maxlen)


def sample_words() -> list[str]:
    words: set[str] = set()
    for path in samples_dir().glob("*.pressdesk"):
        words.update(re.findall(r"[^\W\d_]{3,}", json.dumps(json.loads(path.read_text()))))
    return sorted(words)


def test_every_word_of_the_samples_hyphenates_as_with_all_patterns() -> None:
    hd = grouped()
    words = sample_words()
    assert len(words) > 300
    for word in words:
        assert hd.positions(word) == full().positions(word), word
    one = grouped()
    one.positions("Integrationsstaatssekretärin")
    assert 0 < dict.__len__(one.patterns) < len(full().patterns) / 20  # only its groups


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßABCDÄÖÜẞ-.'", min_size=1, max_size=40))
def test_any_word_hyphenates_as_with_all_patterns(word: str) -> None:
    assert grouped().positions(word) == full().positions(word)


def test_looking_at_all_patterns_loads_them_all() -> None:
    hd = grouped()
    rng = random.Random(12)
    greek = "αβγδεζηθικλμνξοπρστυφχψω"
    for _ in range(200):  # more groups looked for (none exist) than there are groups
        hd.positions("".join(rng.choice(greek) for _ in range(40)))
    hd.positions("Integrationsstaatssekretärin")
    assert hd.patterns == full().patterns
    assert len(hd.patterns) == len(full().patterns)


def test_two_threads_hyphenating_at_once_agree_with_pyphen() -> None:
    hd = grouped()
    words = sample_words()
    results: dict[int, list[object]] = {}

    def work(n: int) -> None:
        results[n] = [hd.positions(w) for w in (words if n % 2 else reversed(words))]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [full().positions(w) for w in words]
    assert results[1] == results[3] == expected
    assert results[0] == results[2] == expected[::-1]


def test_the_cache_file_holds_groups_and_an_old_file_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    cached = tmp_path / "de.marshal"
    monkeypatch.setattr(hyphenation, "_cache_file", lambda dic: cached)
    dic = Path(pyphen.LANGUAGES["de_DE"])
    cached.write_bytes(marshal.dumps((full().patterns, full().maxlen)))  # the old format
    assert type(hyphenation._load_patterns(dic)) is pyphen.HyphDict  # parsed, cache rewritten
    again = hyphenation._load_patterns(dic)
    assert isinstance(again, pyphencompat.ChunkedHyphDict)
    assert again.positions("Integrationsstaatssekretärin") == full().positions(
        "Integrationsstaatssekretärin"
    )
