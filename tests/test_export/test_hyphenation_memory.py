"""The German hyphenation patterns are held once per distinct value (memory, issue 14)."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from pressdesk.export.pdf import hyphenation


def test_patterns_share_their_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached = tmp_path / "de.marshal"
    monkeypatch.setattr(hyphenation, "_cache_file", lambda dic: cached)
    dic = Path(pyphen.LANGUAGES[hyphenation.LANG])
    plain = pyphen.HyphDict(dic).patterns
    for _ in ("parsed", "from the cache"):
        patterns = hyphenation._load_patterns(dic).patterns
        assert patterns == plain  # the same patterns …
        distinct = {id(value) for value in patterns.values()}
        assert len(distinct) < len(patterns) / 10  # … with each value held once
    assert cached.exists()


def test_hyphenation_unchanged_by_sharing() -> None:
    words = ["Bildungsgerechtigkeit", "Landesregierung", "Neuzugewanderten", "Pressestelle"]
    reference = pyphen.Pyphen(lang=hyphenation.LANG, left=2, right=3)
    ours = hyphenation._pyphen()
    for word in words:
        assert ours.inserted(word) == reference.inserted(word)
