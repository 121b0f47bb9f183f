"""Bold, italic and links in running text: German problems at the paragraph's field,
and both schema engines agreeing on any shape of marks."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pressdesk.model import Draft, Mark
from pressdesk.profile import Profile
from pressdesk.validation import has_errors, validate
from pressdesk.validation.schema import (
    live_validator,
    reference_schema_errors,
    reference_validator,
    schema_errors,
)
from tests.strategies import drafts

PROGRAMM = "https://www.mkffi.nrw/integration"


def _messages(draft: Draft, profile: Profile) -> list[tuple[str, str, str]]:
    return [(p.path, p.severity, p.message) for p in validate(draft, profile)]


def test_a_formatted_reference_draft_has_no_problems(
    reference_draft: Draft, profile: Profile
) -> None:
    block = reference_draft.body[0]
    block.marks = [
        Mark(0, 28, "strong"),
        Mark(29, 34, "emphasis"),
        Mark(50, 60, "link", PROGRAMM),
    ]
    assert reference_draft.file_version() == 2
    assert validate(reference_draft, profile) == []


def test_a_mark_past_the_end_of_the_paragraph_is_an_error_at_its_text(
    reference_draft: Draft, profile: Profile
) -> None:
    size = len(reference_draft.body[2].text)
    reference_draft.body[2].marks = [Mark(size - 4, size + 3, "strong")]
    assert _messages(reference_draft, profile) == [
        (
            "body[2].marks[0]",
            "error",
            "Absatz 3: Hervorhebung reicht über das Ende des Absatzes hinaus",
        )
    ]


def test_a_quote_says_zitat(profile: Profile, reference_draft: Draft) -> None:
    block = reference_draft.body[1]
    block.type, block.speaker = "quote", "Serap Güler"
    block.text = "Integration gelingt vor Ort."
    block.marks = [Mark(0, 40, "emphasis")]
    assert (
        "body[1].marks[0]",
        "error",
        "Zitat 2: Hervorhebung reicht über das Ende des Zitats hinaus",
    ) in _messages(reference_draft, profile)


def test_italic_in_a_quote_is_a_warning_that_it_does_not_show(
    profile: Profile, reference_draft: Draft
) -> None:
    block = reference_draft.body[1]
    block.type, block.speaker = "quote", "Serap Güler"
    block.text = "Integration gelingt vor Ort."
    block.marks = [Mark(0, 11, "emphasis"), Mark(12, 19, "strong")]
    assert _messages(reference_draft, profile) == [
        (
            "body[1].marks[0]",
            "warning",
            "Zitat 2: Kursiv ist in einem Zitat nicht zu sehen: Zitate werden schon kursiv "
            "gesetzt (die Formatierung bleibt erhalten und gilt wieder, wenn der Block ein "
            "Absatz wird)",
        )
    ]


def test_an_empty_mark_is_an_error(reference_draft: Draft, profile: Profile) -> None:
    reference_draft.body[0].marks = [Mark(5, 5, "strong"), Mark(9, 3, "emphasis")]
    problems = validate(reference_draft, profile)
    assert [(p.path, p.text) for p in problems] == [
        ("body[0].marks[0]", "Hervorhebung ohne Text (Beginn nicht vor Ende)"),
        ("body[0].marks[1]", "Hervorhebung ohne Text (Beginn nicht vor Ende)"),
    ]
    assert has_errors(problems)


def test_overlapping_links_are_an_error_naming_both(
    reference_draft: Draft, profile: Profile
) -> None:
    text = reference_draft.body[0].text
    start = text.index("Serap Güler")
    reference_draft.body[0].marks = [
        Mark(start, start + 5, "link", "https://www.land.nrw"),
        Mark(start + 3, start + 11, "link", PROGRAMM),
    ]
    assert _messages(reference_draft, profile) == [
        (
            "body[0].marks[1]",
            "error",
            "Absatz 1, Link „ap Güler“: Links überschneiden sich („Serap“ und „ap Güler“); "
            "ein Wort kann nur ein Ziel haben",
        )
    ]


def test_bold_over_a_link_is_fine(reference_draft: Draft, profile: Profile) -> None:
    reference_draft.body[0].marks = [
        Mark(0, 40, "strong"),
        Mark(10, 30, "emphasis"),
        Mark(5, 20, "link", PROGRAMM),
        Mark(15, 25, "link", PROGRAMM),  # same address: one link when stored
    ]
    assert validate(reference_draft, profile) == []


def test_a_link_over_only_spaces_is_an_error(reference_draft: Draft, profile: Profile) -> None:
    text = reference_draft.body[0].text
    space = text.index(" ")
    reference_draft.body[0].marks = [Mark(space, space + 1, "link", PROGRAMM)]
    assert _messages(reference_draft, profile) == [
        (
            "body[0].marks[0]",
            "error",
            "Absatz 1, Link: Link über nur Leerzeichen; bitte ein Wort als Link markieren",
        )
    ]


def test_a_bad_link_address_names_the_linked_words(
    reference_draft: Draft, profile: Profile
) -> None:
    text = reference_draft.body[3].text
    reference_draft.body[3].marks = [Mark(4, 39, "link", "www.mkffi.nrw")]
    linked = " ".join(text[4:33].split())
    assert _messages(reference_draft, profile) == [
        (
            "body[3].marks[0].url",
            "error",
            f"Absatz 4, Link „{linked}…“: Adresse ohne https:// – bitte vollständig angeben "
            "(z. B. https://www.land.nrw)",
        )
    ]
    reference_draft.body[3].marks = [Mark(4, 39, "link", "ftp://example.org/x")]
    [problem] = validate(reference_draft, profile)
    assert problem.text == "keine gültige Internetadresse (nur https:// oder http://)"


def test_marks_on_a_list_or_subheading_are_a_warning(
    reference_draft: Draft, profile: Profile
) -> None:
    reference_draft.body[1].type = "list"
    reference_draft.body[1].items = ["Beratung", "Begleitung"]
    reference_draft.body[1].marks = [Mark(0, 5, "strong")]
    reference_draft.body[2].type = "subheading"
    reference_draft.body[2].text = "Besuch in Duisburg"
    reference_draft.body[2].marks = [Mark(0, 500, "link", "kein Link")]
    problems = validate(reference_draft, profile)
    by_path = {p.path: p for p in problems if p.path.startswith(("body[1]", "body[2]"))}
    assert by_path["body[1].marks"].severity == "warning"
    assert by_path["body[1].marks"].message.startswith(
        "Aufzählung 2: Formatierung wird in Aufzählungen nicht gesetzt"
    )
    assert by_path["body[2].marks"].severity == "warning"
    assert by_path["body[2].marks"].message.startswith(
        "Zwischenüberschrift 3: Zwischenüberschriften werden nicht fett, kursiv oder als Link "
        "gesetzt: das Layout setzt sie schon fett, und ein Link in einer Überschrift ist für "
        "Screenreader schwer zu erkennen"
    )
    # kept but not set: only the warning, no complaint about offsets of unused marks
    assert "body[2].marks[0]" not in by_path


def test_list_items_take_formatting_checked_like_a_paragraph(
    reference_draft: Draft, profile: Profile
) -> None:
    block = reference_draft.body[1]
    block.type, block.text = "list", ""
    block.items = ["Programm: www.mkffi.nrw", "Beratung vor Ort"]
    block.item_marks = [[Mark(0, 8, "strong"), Mark(10, 23, "link", PROGRAMM)], []]
    assert reference_draft.file_version() == 3
    assert validate(reference_draft, profile) == []
    block.item_marks = [
        [Mark(10, 23, "link", PROGRAMM), Mark(12, 20, "link", "https://www.land.nrw")],
        [Mark(3, 3, "emphasis"), Mark(8, 40, "strong")],
        [Mark(0, 2, "strong")],
    ]
    assert _messages(reference_draft, profile) == [
        (
            "body[1].itemMarks[0][1]",
            "error",
            "Aufzählung 2, Punkt 1, Link „w.mkffi.“: Links überschneiden sich "
            "(„www.mkffi.nrw“ und „w.mkffi.“); ein Wort kann nur ein Ziel haben",
        ),
        (
            "body[1].itemMarks[1][0]",
            "error",
            "Aufzählung 2, Punkt 2: Hervorhebung ohne Text (Beginn nicht vor Ende)",
        ),
        (
            "body[1].itemMarks[1][1]",
            "error",
            "Aufzählung 2, Punkt 2: Hervorhebung reicht über das Ende des Aufzählungspunkts hinaus",
        ),
        (
            "body[1].itemMarks[2]",
            "error",
            "Aufzählung 2, Punkt 3: Formatierung für Punkt 3, den die Aufzählung nicht hat",
        ),
    ]
    block.item_marks = [[Mark(0, 8, "link", "www.mkffi.nrw")]]
    [problem] = validate(reference_draft, profile)
    assert problem.path == "body[1].itemMarks[0][0].url"
    assert problem.message.startswith("Aufzählung 2, Punkt 1, Link „Programm“: Adresse ohne")


def test_item_formatting_of_a_block_that_is_no_list_is_a_warning(
    reference_draft: Draft, profile: Profile
) -> None:
    reference_draft.body[1].item_marks = [[Mark(0, 500, "strong")]]
    [problem] = validate(reference_draft, profile)
    assert (problem.path, problem.severity) == ("body[1].itemMarks", "warning")
    assert "nur in einer Aufzählung gesetzt" in problem.text


# -- both engines on any shape of marks -------------------------------------------------

_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 600),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(
        ["strong", "emphasis", "link", "bold", PROGRAMM, "www.land.nrw", "mailto:a@b.de"]
    ),
)
_MARK_DICTS = st.one_of(
    st.fixed_dictionaries(
        {
            "start": st.integers(-2, 200),
            "end": st.integers(-2, 200),
            "type": st.sampled_from(["strong", "emphasis", "link", "underline"]),
        },
        optional={"url": st.sampled_from([PROGRAMM, "", "www.land.nrw", "javascript:alert(1)"])},
    ),
    st.dictionaries(
        st.sampled_from(["start", "end", "type", "url", "color"]), _ANY_VALUE, max_size=5
    ),
    _ANY_VALUE,
)


@st.composite
def _drafts_with_raw_marks(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(drafts(max_blocks=3)).to_dict())
    data["schemaVersion"] = draw(st.sampled_from([1, 2, 3, 4]))
    for block in data["body"]:
        if draw(st.booleans()):
            block["marks"] = draw(st.lists(_MARK_DICTS, max_size=4))
        if draw(st.booleans()):
            block["itemMarks"] = draw(
                st.lists(st.one_of(st.lists(_MARK_DICTS, max_size=3), _ANY_VALUE), max_size=3)
            )
    return data


def _keyed(errors: Any) -> set[tuple[tuple[object, ...], str]]:
    return {(e.path, e.keyword) for e in errors}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_drafts_with_raw_marks())
def test_engines_agree_on_any_marks(data: dict[str, Any]) -> None:
    assert _keyed(schema_errors(data)) == _keyed(reference_schema_errors(data))
    assert live_validator().is_valid(data) == reference_validator().is_valid(data)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(draft=drafts(max_blocks=4), data=st.data())
def test_validation_of_any_marks_never_crashes(
    draft: Draft, data: st.DataObject, profile: Profile
) -> None:
    any_marks = st.lists(
        st.builds(
            Mark,
            st.integers(-3, 300),
            st.integers(-3, 300),
            st.sampled_from(["strong", "emphasis", "link"]),
            st.sampled_from(["", PROGRAMM, "www.land.nrw"]),
        ),
        max_size=5,
    )
    for block in draft.body:
        block.marks = data.draw(any_marks)
        block.item_marks = data.draw(st.lists(any_marks, max_size=3))
    for p in validate(draft, profile):  # with the profile: the layout checks too
        assert p.label and p.text


@st.composite
def _formatted_drafts(draw: st.DrawFn) -> Draft:
    """Drafts whose blocks (of any type) carry marks near and past the text's bounds,
    overlapping links and links over spaces among them."""
    draft = draw(drafts(max_blocks=4))

    def marks_near(size: int) -> st.SearchStrategy[list[Mark]]:
        return st.lists(
            st.builds(
                Mark,
                st.integers(0, size + 1),
                st.integers(0, size + 2),
                st.sampled_from(["strong", "emphasis", "link"]),
                st.sampled_from([PROGRAMM, "https://www.land.nrw/a?b=1&c=<2>"]),
            ).map(lambda m: m if m.kind == "link" else Mark(m.start, m.end, m.kind)),
            max_size=4,
        )

    for block in draft.body:
        block.marks = draw(marks_near(len(block.text)))
        block.item_marks = [draw(marks_near(len(item))) for item in block.items]
    return draft


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_formatted_drafts())
def test_every_formatted_draft_that_validates_exports(draft: Draft) -> None:
    from pressdesk.export.docx import render_docx
    from pressdesk.export.pdf import render_pdf
    from pressdesk.profile import load_profile
    from pressdesk.publish.htmlpage import render_html
    from pressdesk.publish.preflight import preflight_html

    profile = load_profile()
    assume(not has_errors(validate(draft, profile)))
    assert render_pdf(draft, profile, final=True).startswith(b"%PDF")
    assert render_docx(draft, profile, final=True)[:2] == b"PK"
    assert preflight_html(render_html(draft, profile), draft, profile) == []


def test_a_bold_word_too_wide_for_the_column_is_warned_about(
    reference_draft: Draft, profile: Profile
) -> None:
    word = "Wm" * 18  # fits the body column in the regular face, not in bold
    reference_draft.body[0].text = f"Das Wort {word} ist lang."
    assert validate(reference_draft, profile) == []
    reference_draft.body[0].marks = [Mark(9, 13, "strong")]  # part of the word is bold
    assert _messages(reference_draft, profile) == [
        (
            "body[0].text",
            "warning",
            f"Absatz 1: „{word}“ passt nicht in eine Zeile und wird am Zeilenende umbrochen",
        )
    ]
