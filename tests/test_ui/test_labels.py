"""The form speaks the core's words: a problem names the field as the form labels it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from pressdesk.validation.messages import field_label


def test_form_labels_use_the_core_field_names(window: Any) -> None:
    window.complete_form()  # the sender's fields, built right after the first paint
    buddies = {
        id(label.buddy()): label.text().replace("&", "").rstrip(":")
        for label in window.form_page.findChildren(QLabel)
        if label.buddy() is not None
    }
    data = window.doc.draft.to_dict()
    checked = 0
    for path, widget in window.registry.widgets.items():
        if "[" in path or id(widget) not in buddies:
            continue
        core = field_label(path.split("."), data)
        form = buddies[id(widget)]
        assert form.lower() in core.lower(), f"{path}: Formular „{form}“, Meldung „{core}“"
        checked += 1
    assert checked >= 15


def test_missing_body_is_reported_with_the_section_name(window: Any) -> None:
    window.doc.set_value("body", [], merge=False)
    messages = [p.message for p in window.validate_now()]
    assert any(m.startswith(f"{window.body_editor.title}:") for m in messages)


def test_quote_placeholder_does_not_invite_quotation_marks(window: Any) -> None:
    # The layout sets „…“ itself and the check warns about typed ones.
    window.body_editor.add("quote")
    placeholder = window.body_editor.blocks[-1].text.placeholderText()
    assert not any(mark in placeholder for mark in '„“"')


def test_block_count_is_german_singular(window: Any) -> None:
    window.doc.set_value("body", window.doc.draft.body[:1], merge=False)
    assert window.body_editor.count.text().startswith("1 Block ·")
