"""Loading and saving draft files: round trips, atomic writes, clear errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressdesk.model import Draft, DraftFileError, dump_draft, load_draft, parse_draft, save_draft
from pressdesk.model.files import MAX_FILE_BYTES, atomic_write_bytes
from tests.conftest import SEED
from tests.strategies import any_drafts, drafts


def test_reference_sample_reproduces_the_seed_word_for_word(reference_draft: Draft) -> None:
    seed = SEED.read_text(encoding="utf-8")
    d = reference_draft
    for text in [
        f"{d.header.kind} – {d.header.reference}",
        "18.07.2018",
        d.headline,
        d.press_office.organisation,
        d.press_office.unit,
        *d.press_office.address,
        "Telefon " + " oder ".join(d.press_office.phones),
        "Telefax " + d.press_office.fax,
        d.press_office.email,
        d.press_office.website.text,
        d.announcement,
        "Weitere Informationen: " + d.further_information[0].text,
        d.contact,
    ]:
        assert text in seed
    flat_seed = " ".join(seed.split())
    for block in d.body:
        assert block.type == "paragraph"
        assert block.text in flat_seed
    body_words = " ".join(b.text for b in d.body).split()
    start = flat_seed.index(body_words[0])
    end = flat_seed.index("Weitere Informationen")
    assert flat_seed[start:end].split() == body_words
    for s in d.social_media:
        assert f"{s.network}: [{s.text}]({s.url})" in seed


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(any_drafts())
def test_any_draft_round_trips_through_save_and_load(tmp_path_factory, draft: Draft) -> None:
    path = tmp_path_factory.mktemp("rt") / "d.pressdesk"
    save_draft(draft, path)
    assert load_draft(path) == draft


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_generated_drafts_round_trip_in_memory(draft: Draft) -> None:
    assert parse_draft(dump_draft(draft)) == draft


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = [
    "schemaVersion",
    "header",
    "pressOffice",
    "headline",
    "body",
    "embargo",
    "kind",
    "type",
    "text",
]


@settings(max_examples=300)
@given(st.one_of(JSON, st.dictionaries(st.sampled_from(KEYS), JSON, max_size=6)))
def test_random_json_never_crashes_the_loader(value) -> None:
    if isinstance(value, dict) and st:
        value.setdefault("schemaVersion", 1)
    raw = json.dumps(value).encode()
    try:
        parse_draft(raw)
    except DraftFileError as exc:
        assert str(exc)


@given(st.binary(max_size=200))
def test_random_bytes_never_crash_the_loader(raw: bytes) -> None:
    try:
        parse_draft(raw)
    except DraftFileError as exc:
        assert str(exc)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"{not json", "beschädigt"),
        (b"[1, 2]", "kein PressDesk-Entwurf"),
        (b'{"headline": "x"}', "schemaVersion"),
        (b'{"schemaVersion": 4}', "neueren PressDesk-Version"),
        (b'{"schemaVersion": 1, "headline": 5}', "headline: muss Text sein"),
        (b'{"schemaVersion": 1, "body": [{"type": "video"}]}', "unbekannte Blockart"),
        (b'{"schemaVersion": 1, "colour": "red"}', "unbekanntes Feld"),
        (b'{"schemaVersion": 1, "headline": "\\ud800"}', "ungültige Zeichen"),
        ("\udcff".encode("utf-8", "surrogateescape"), "keine UTF-8-Textdatei"),
        (b"[" * 100000, "verschachtelt"),
    ],
)
def test_bad_files_give_a_german_error_and_stay_untouched(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "kaputt.pressdesk"
    path.write_bytes(content)
    with pytest.raises(DraftFileError, match=fragment):
        load_draft(path)
    assert path.read_bytes() == content


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "gross.pressdesk"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(DraftFileError, match="zu groß"):
        load_draft(path)


def test_missing_file_and_folder_errors_are_german(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError, match="gibt es nicht"):
        load_draft(tmp_path / "fehlt.pressdesk")
    with pytest.raises(DraftFileError, match="Ordner"):
        load_draft(tmp_path)


def test_failed_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch, reference_draft: Draft
) -> None:
    path = tmp_path / "d.pressdesk"
    save_draft(reference_draft, path)
    before = path.read_bytes()

    def broken_replace(src, dst):  # the disk fills up at the last moment
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = Draft(headline="Neu")
    with pytest.raises(DraftFileError, match="alte Datei ist unverändert"):
        save_draft(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.pressdesk"]


def test_atomic_write_replaces_whole_file_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.pressdesk"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new content")
    assert path.read_bytes() == b"new content"
    assert path.stat().st_mode & 0o777 == 0o640


def test_saved_file_is_readable_utf8_json_with_version(
    tmp_path: Path, reference_draft: Draft
) -> None:
    path = tmp_path / "d.pressdesk"
    save_draft(reference_draft, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schemaVersion"] == 1
    assert "Güler" in path.read_text(encoding="utf-8")  # not \u-escaped


def test_atomic_write_gives_a_new_file_the_usual_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "neu.pdf"
        atomic_write_bytes(path, b"%PDF")
    finally:
        os.umask(old_umask)
    assert path.stat().st_mode & 0o777 == 0o644
