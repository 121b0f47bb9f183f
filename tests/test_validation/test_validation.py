"""Validation: every sample passes, every kind of mistake gets its German problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from pressdesk.model import Block, Draft, Embargo, Link, SocialLink, load_draft
from pressdesk.profile import Profile
from pressdesk.validation import validate
from pressdesk.validation.schema import (
    live_validator,
    reference_schema_errors,
    reference_validator,
    schema_errors,
)
from tests.strategies import any_drafts, drafts

ENGLISH = re.compile(r"\b(is|not|valid|required|property|should|does|match|under)\b")


def test_schema_is_valid_draft_2020_12_with_german_titles() -> None:
    schema = reference_validator().schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("press-release.schema.json")
    assert schema["properties"]["header"]["properties"]["date"]["title"] == "Datum"


def test_every_sample_validates_without_errors(sample_path: Path, profile: Profile) -> None:
    problems = validate(load_draft(sample_path), profile)
    assert [p for p in problems if p.is_error] == []


def test_reference_sample_has_no_warnings_either(reference_draft: Draft, profile: Profile) -> None:
    assert validate(reference_draft, profile) == []


def _set(attr_path: str, value: object) -> Callable[[Draft], None]:
    def apply(d: Draft) -> None:
        *parents, last = attr_path.split(".")
        obj: object = d
        for name in parents:
            obj = obj[int(name)] if name.isdigit() else getattr(obj, name)  # type: ignore[index]
        if last.isdigit():
            obj[int(last)] = value  # type: ignore[index]
        else:
            setattr(obj, last, value)

    return apply


MISTAKES = [
    (
        "date",
        _set("header.date", "2018-02-30"),
        "header.date",
        "error",
        "Datum: kein gültiges Datum",
    ),
    ("date empty", _set("header.date", ""), "header.date", "error", "Datum: fehlt"),
    ("kind", _set("header.kind", "Flugblatt"), "header.kind", "error", "Dokumentart: unbekannte"),
    (
        "reference chars",
        _set("header.reference", "L_Duisburg!"),
        "header.reference",
        "error",
        "Referenz: nur Buchstaben",
    ),
    (
        "reference house",
        _set("header.reference", "nr 5"),
        "header.reference",
        "error",
        "Referenz: entspricht nicht dem Muster",
    ),
    ("headline empty", _set("headline", ""), "headline", "error", "Überschrift: fehlt"),
    (
        "headline long",
        _set("headline", "Wort " * 30),
        "headline",
        "error",
        "Überschrift: zu lang: 150 Zeichen, erlaubt sind höchstens 120",
    ),
    (
        "headline caps",
        _set("headline", "LANDESREGIERUNG BESCHLIESST NEUES GESETZ ZUR INTEGRATION"),
        "headline",
        "error",
        "Überschrift: nicht ganz in Großbuchstaben",
    ),
    (
        "headline short",
        _set("headline", "Güler in Duisburg"),
        "headline",
        "warning",
        "Überschrift: sehr kurz",
    ),
    (
        "email",
        _set("press_office.email", "presse@stk"),
        "pressOffice.email",
        "error",
        "Pressestelle – E-Mail: keine gültige E-Mail-Adresse",
    ),
    (
        "email two @",
        _set("press_office.email", "presse@@stk.nrw.de"),
        "pressOffice.email",
        "error",
        "keine gültige E-Mail-Adresse",
    ),
    (
        "url scheme",
        _set("further_information.0.url", "www.mkffi.nrw"),
        "furtherInformation[0].url",
        "error",
        "Adresse ohne https://",
    ),
    (
        "url host",
        _set("press_office.website.url", "https://land"),
        "pressOffice.website.url",
        "error",
        "keine gültige Internetadresse",
    ),
    (
        "url javascript",
        _set("further_information.0.url", "javascript:alert(1)"),
        "furtherInformation[0].url",
        "error",
        "keine gültige Internetadresse",
    ),
    (
        "phone chars",
        _set("press_office.phones.0", "0211/837-1134"),
        "pressOffice.phones[0]",
        "error",
        "Pressestelle – Telefon: keine gültige Nummer",
    ),
    (
        "phone no area code",
        _set("press_office.phones.0", "837-1134"),
        "pressOffice.phones[0]",
        "error",
        "ohne Vorwahl nicht wählbar",
    ),
    (
        "phone too short",
        _set("press_office.phones.0", "02 11"),
        "pressOffice.phones[0]",
        "error",
        "zu kurz zum Wählen",
    ),
    (
        "fax",
        _set("press_office.fax", "Fax folgt"),
        "pressOffice.fax",
        "error",
        "Pressestelle – Telefax: keine gültige Nummer",
    ),
    ("paragraph empty", _set("body.1.text", ""), "body[1].text", "error", "Absatz 2: fehlt"),
    (
        "paragraph control",
        _set("body.1.text", "Text\x0bmit Tabulator"),
        "body[1].text",
        "error",
        "Absatz 2: enthält Steuerzeichen",
    ),
    (
        "headline newline",
        _set("headline", "Zwei\nZeilen Überschrift für den Test hier"),
        "headline",
        "error",
        "Überschrift: enthält Steuerzeichen oder Zeilenumbrüche",
    ),
    (
        "paragraph long",
        _set("body.1.text", "a " * 1600),
        "body[1].text",
        "error",
        "Absatz 2: zu lang: 3200 Zeichen",
    ),
    (
        "unbalanced quote",
        _set("body.0.text", "Sie sagte: „Wir kommen wieder."),
        "body[0].text",
        "warning",
        "Absatz 1: Anführungszeichen „…“ nicht paarig",
    ),
    (
        "straight quotes",
        _set("body.0.text", 'Sie sagte: "Wir kommen."'),
        "body[0].text",
        "warning",
        "gerade Anführungszeichen",
    ),
    (
        "missing glyph",
        _set("body.0.text", "Wir freuen uns 😀"),
        "body[0].text",
        "warning",
        "hat kein Zeichen für „😀“",
    ),
    ("contact empty", _set("contact", ""), "contact", "error", "Kontaktzeile: fehlt"),
    ("body empty", _set("body", []), "body", "error", "Haupttext: fehlt"),
    (
        "quote speaker",
        _set("body.2", Block(type="quote", text="Gut so.")),
        "body[2].speaker",
        "error",
        "Zitat 3, Sprecherin/Sprecher: fehlt",
    ),
    (
        "quote outer marks",
        _set("body.2", Block(type="quote", text="„Gut so.“", speaker="Ministerin")),
        "body[2].text",
        "warning",
        "ohne äußere Anführungszeichen",
    ),
    (
        "list empty item",
        _set("body.2", Block(type="list", items=["eins", ""])),
        "body[2].items[1]",
        "error",
        "Aufzählung 3, Punkt 2: fehlt",
    ),
    (
        "list empty",
        _set("body.2", Block(type="list")),
        "body[2].items",
        "error",
        "Aufzählung 3: fehlt",
    ),
    (
        "social url",
        _set("social_media.0", SocialLink("Twitter", "@x", "twitter.com/x")),
        "socialMedia[0].url",
        "error",
        "Social Media, Link 1 (Adresse): Adresse ohne https://",
    ),
    (
        "address too many",
        _set("press_office.address", ["a", "b", "c", "d", "e"]),
        "pressOffice.address",
        "error",
        "Pressestelle – Anschrift: zu viele Einträge: 5",
    ),
    (
        "embargo before date",
        _set("header.embargo", Embargo("2018-07-17", "10:00")),
        "header.embargo.date",
        "error",
        "Sperrfrist (Datum): endet vor dem Datum",
    ),
    (
        "embargo after date",
        _set("header.embargo", Embargo("2018-07-20", "10:00")),
        "header.embargo.date",
        "warning",
        "liegt nach dem Datum",
    ),
    (
        "embargo time",
        _set("header.embargo", Embargo("2018-07-18", "24:00")),
        "header.embargo.time",
        "error",
        "Sperrfrist (Uhrzeit): keine gültige Uhrzeit",
    ),
    (
        "embargo no time",
        _set("header.embargo", Embargo("2018-07-18", "")),
        "header.embargo.time",
        "error",
        "Sperrfrist (Uhrzeit): fehlt",
    ),
    (
        "embargo speech with time",
        _set("header.embargo", Embargo("2018-07-18", "10:00", True)),
        "header.embargo.time",
        "error",
        "bei „Redebeginn“ keine Uhrzeit",
    ),
    (
        "reference year",
        _set("header.reference", "Nr. 47/17"),
        "header.reference",
        "warning",
        "nennt das Jahr 17, das Datum aber 2018",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "path", "severity", "message"),
    [m[1:] for m in MISTAKES],
    ids=[m[0] for m in MISTAKES],
)
def test_each_mistake_gets_its_german_problem_at_the_right_field(
    reference_draft: Draft, profile: Profile, mutate, path: str, severity: str, message: str
) -> None:
    mutate(reference_draft)
    problems = validate(reference_draft, profile)
    hits = [p for p in problems if p.path == path and message in p.message]
    assert hits, [(p.path, p.message) for p in problems]
    assert hits[0].severity == severity


def test_embargo_at_speech_start_without_time_is_fine(
    reference_draft: Draft, profile: Profile
) -> None:
    reference_draft.header.kind = "Rede"
    reference_draft.header.embargo = Embargo("2018-07-18", "", at_speech_start=True)
    assert validate(reference_draft, profile) == []


def test_gender_characters_follow_the_profile_severity(
    reference_draft: Draft, profile: Profile
) -> None:
    from dataclasses import replace

    reference_draft.body[0].text = "Alle Bürger*innen und LehrerInnen sind eingeladen."
    assert validate(reference_draft, profile) == []  # NRW: off
    strict = replace(profile, rules=replace(profile.rules, gender_characters="error"))
    problems = validate(reference_draft, strict)
    assert [(p.path, p.severity) for p in problems] == [("body[0].text", "error")]
    assert "Genderzeichen" in problems[0].message


def test_messages_are_german_never_jsonschema_english(
    reference_draft: Draft, profile: Profile
) -> None:
    for _, mutate, *_ in MISTAKES:
        draft = load_draft_copy(reference_draft)
        mutate(draft)
        for p in validate(draft, profile):
            assert not ENGLISH.search(p.text), p.text


def load_draft_copy(draft: Draft) -> Draft:
    return Draft.from_dict(draft.to_dict())


def test_problems_come_in_form_order(reference_draft: Draft, profile: Profile) -> None:
    reference_draft.contact = ""
    reference_draft.header.date = "x"
    reference_draft.body[10 - 9].text = ""
    reference_draft.headline = ""
    paths = [p.path for p in validate(reference_draft, profile)]
    assert paths == ["header.date", "headline", "body[1].text", "contact"]


def _keyed(errors) -> set[tuple[tuple[object, ...], str]]:
    return {(e.path, e.keyword) for e in errors}


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(any_drafts())
def test_live_engine_agrees_with_reference_engine_on_any_draft(draft: Draft) -> None:
    data = draft.to_dict()
    assert _keyed(schema_errors(data)) == _keyed(reference_schema_errors(data))


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_live_engine_agrees_with_reference_engine_on_near_valid_drafts(draft: Draft) -> None:
    data = draft.to_dict()
    assert _keyed(schema_errors(data)) == _keyed(reference_schema_errors(data))
    assert live_validator().is_valid(data) == reference_validator().is_valid(data)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(any_drafts())
def test_validation_never_crashes_and_always_speaks_german(draft: Draft) -> None:
    for p in validate(draft):
        assert p.label and p.text
        assert not ENGLISH.search(p.text), p.text


def test_link_without_text_is_fine(reference_draft: Draft, profile: Profile) -> None:
    reference_draft.further_information = [Link("", "https://www.mkffi.nrw")]
    assert validate(reference_draft, profile) == []


def test_an_empty_field_is_reported_once_as_missing(profile: Profile) -> None:
    problems = validate(profile.new_draft(), profile)
    by_path: dict[str, list[str]] = {}
    for p in problems:
        by_path.setdefault(p.path, []).append(p.text)
    assert by_path["header.date"] == ["fehlt"]
    assert by_path["header.reference"] == ["fehlt"]
    assert by_path["headline"] == ["fehlt"]
    assert all(len(texts) == 1 for texts in by_path.values()), by_path


def test_a_trailing_newline_is_a_control_character_in_both_engines(
    reference_draft: Draft, profile: Profile
) -> None:
    reference_draft.contact += "\n"
    reference_draft.header.reference += "\n"
    paths = {p.path for p in validate(reference_draft, profile) if p.is_error}
    assert {"contact", "header.reference"} <= paths
    data = reference_draft.to_dict()
    assert _keyed(schema_errors(data)) == _keyed(reference_schema_errors(data))
