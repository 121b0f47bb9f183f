"""The user's cache folder: an outdated file is replaced, never one more added."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pressdesk import cachefiles


def test_a_new_key_replaces_the_sources_old_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    old = cachefiles.cache_file("fonts", "/fonts/Carlito.ttf", "v1", ".face.marshal")
    other = cachefiles.cache_file("fonts", "/fonts/Carlito-Bold.ttf", "v1", ".face.marshal")
    same_source_other_kind = cachefiles.cache_file(
        "fonts", "/fonts/Carlito.ttf", "v1", ".coverage.marshal"
    )
    for path in (old, other, same_source_other_kind):
        cachefiles.keep(path, b"alt")
    new = cachefiles.cache_file("fonts", "/fonts/Carlito.ttf", "v2", ".face.marshal")
    assert new != old and new.parent == old.parent == tmp_path / "pressdesk" / "fonts"
    cachefiles.keep(new, b"neu")
    assert cachefiles.read_bytes(new) == b"neu"
    assert not old.exists()
    assert other.read_bytes() == b"alt" and same_source_other_kind.read_bytes() == b"alt"


def test_an_unwritable_cache_folder_costs_nothing_but_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = cachefiles.cache_file("fonts", "x", "y", ".marshal")
    cachefiles.keep(path, b"daten")  # no error
    assert cachefiles.read_bytes(path) is None


def test_a_reinstalled_dictionary_leaves_one_hyphenation_cache_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyphen

    from pressdesk.export.pdf import hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dic = tmp_path / "hyph_de_DE.dic"
    shutil.copyfile(pyphen.LANGUAGES["de_DE"], dic)
    folder = tmp_path / "cache" / "pressdesk" / "hyphenation"
    folder.mkdir(parents=True)
    earlier = folder / "hyph_de_DE-1093611-1795967532287026584-pyphen0.18.1.groups.marshal"
    earlier.write_bytes(b"vom alten Schema")
    first = hyphenation._load_patterns(dic)
    assert len(list(folder.iterdir())) == 1
    stat = dic.stat()
    os.utime(dic, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # as a reinstall does
    again = hyphenation._load_patterns(dic)
    assert again.patterns == first.patterns
    assert len(list(folder.iterdir())) == 1
    word = "Integrationsstaatssekretärin"
    assert hyphenation._load_patterns(dic).positions(word) == first.positions(word)


def test_two_installations_keep_a_hyphenation_cache_file_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyphen

    from pressdesk.export.pdf import hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "pressdesk" / "hyphenation"
    kept = []
    for install in ("venv-a", "venv-b"):
        dic = tmp_path / install / "hyph_de_DE.dic"
        dic.parent.mkdir()
        shutil.copyfile(pyphen.LANGUAGES["de_DE"], dic)
        hyphenation._load_patterns(dic)
        kept.append(hyphenation._cache_file(dic))
    assert sorted(folder.iterdir()) == sorted(kept) and kept[0] != kept[1]
