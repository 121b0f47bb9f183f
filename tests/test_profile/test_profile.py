"""House-style profiles: validated data, clear German errors, defaults for new drafts."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pressdesk.paths import profiles_dir
from pressdesk.profile import ProfileError, available_profiles, load_profile, load_profile_file
from pressdesk.profile.profile import profile_from_dict
from pressdesk.validation import validate


def _raw() -> dict:
    return json.loads((profiles_dir() / "nrw.json").read_text(encoding="utf-8"))


def test_every_shipped_profile_loads() -> None:
    assert "nrw" in available_profiles()
    for name in available_profiles():
        profile = load_profile(name)
        assert profile.fonts.regular.is_file()
        assert profile.page_label(1, 2) == "Seite 1 von 2"


def test_new_draft_carries_the_press_office_of_the_profile() -> None:
    draft = load_profile("nrw").new_draft()
    assert draft.press_office.email == "presse@stk.nrw.de"
    assert [s.network for s in draft.social_media][:1] == ["Twitter"]
    problems = {p.path for p in validate(draft)}
    assert "pressOffice.email" not in problems and "headline" in problems


def test_missing_house_font_is_named_in_german(tmp_path: Path) -> None:
    raw = _raw()
    raw["fonts"]["regular"] = str(tmp_path / "BundesSans-Regular.ttf")
    with pytest.raises(ProfileError, match=r"nicht installiert.*BundesSans-Regular\.ttf"):
        profile_from_dict(raw)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda r: r["page"].pop("marginTop"), "marginTop"),
        (lambda r: r["colors"].__setitem__("text", "schwarz"), "colors/text"),
        (lambda r: r["labels"].__setitem__("page", "Seite"), "labels/page"),
        (lambda r: r["rules"].__setitem__("genderCharacters", "streng"), "genderCharacters"),
        (lambda r: r["rules"].__setitem__("referencePattern", "(["), "Muster"),
    ],
)
def test_bad_profile_is_refused_with_the_place(change, fragment: str) -> None:
    raw = copy.deepcopy(_raw())
    change(raw)
    with pytest.raises(ProfileError, match=fragment):
        profile_from_dict(raw)


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ProfileError, match=r"Vorhanden: .*nrw"):
        load_profile("atlantis")


def test_profile_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError, match="kann nicht gelesen werden"):
        load_profile_file(path)
