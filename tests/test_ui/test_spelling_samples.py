"""Spelling: no red lines under correct words of the samples (issue 14, point 6)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pressdesk.model import load_draft
from pressdesk.paths import samples_dir
from pressdesk.ui.dictionary import open_dictionary
from pressdesk.ui.spelling import WORD, names_in, readings
from pressdesk.ui.widgets import TextField
from tests.test_ui.spelling_support import needs_dictionary, spelling_window, underlined

SAMPLES = sorted(samples_dir().glob("*.pressdesk"))


def settle(qtbot: Any, spell: Any) -> None:
    """Wait until the checking thread has a verdict for every word, then re-colour."""
    known = -1
    for _ in range(200):
        qtbot.wait(100)
        if spell._queue.empty() and len(spell.known) == known:
            break
        known = len(spell.known)
        spell.rehighlight()
    spell.rehighlight()


@needs_dictionary
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_no_underlines_in_the_samples(qtbot: Any, make_window: Any, sample: Path) -> None:
    window = spelling_window(qtbot, make_window, sample)
    spell = window.spell
    fields = window.form_page.findChildren(TextField)
    settle(qtbot, spell)
    wrong = sorted({word for field in fields for word in underlined(field)})
    assert wrong == []


@needs_dictionary
def test_misspelled_words_are_still_found(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Neuzugewanderte im Integrationszentrn, Dr. Meier und Stiftungz- und")
    qtbot.waitUntil(
        lambda: {"Integrationszentrn", "Stiftungz"} <= set(underlined(field)), timeout=10000
    )
    assert "Neuzugewanderte" not in underlined(field)  # "Neu" + "zugewanderte"
    assert "Dr" not in underlined(field)


@needs_dictionary
def test_dictionary_knows_compounds_of_known_words() -> None:
    dictionary = open_dictionary()
    assert dictionary.lookup("Neuzugewanderten")
    assert not dictionary.lookup("Integrazion")
    assert not dictionary.lookup("Schulministeriumm")


def test_readings_of_a_word() -> None:
    text = "Dr. Meier, Stiftungs- und Drittmittel, bzw. Landes-"
    found = {m.group(): readings(m, text) for m in WORD.finditer(text)}
    assert set(found["Dr"]) == {"Dr", "Dr."}
    assert set(found["Stiftungs"]) == {"Stiftungs", "Stiftung"}
    assert set(found["Landes"]) == {"Landes", "Land", "Lande"}
    assert found["Meier"] == ["Meier"]


def test_names_after_an_office_or_title() -> None:
    draft = load_draft(samples_dir() / "presseinformation-2018-07-18.pressdesk")
    names = names_in(draft)
    assert {"Serap", "Güler", "Ralf", "Krumpholz"} <= names
    assert not {"Integration", "Landesregierung"} & names
    assert re.search(r"Güler", draft.headline)


@needs_dictionary
def test_removed_list_block_does_not_write_when_recoloured(qtbot: Any, make_window: Any) -> None:
    """A re-highlight says textChanged; a list field took that for an edit and wrote
    its lines into the draft, even from a block being removed."""
    window = spelling_window(qtbot, make_window)
    body = window.body_editor
    body.add("list")
    last = len(window.doc.draft.body) - 1
    qtbot.keyClicks(body.blocks[last].items, "Erster Punkt")
    steps = window.doc.undo_stack.count()
    body.remove(last)
    window.spell.rehighlight()
    qtbot.wait(50)
    assert window.doc.undo_stack.count() == steps + 1  # the removal, nothing else
    assert len(window.doc.draft.body) == last
