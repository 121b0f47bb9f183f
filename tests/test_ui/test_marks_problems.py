"""A problem with the bold, italic or links of a paragraph is shown at, and jumps to,
the paragraph's text field (validation names it ``body[i].marks[k]…``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk.model import Mark
from pressdesk.ui import fieldpath


def test_a_bad_link_in_a_paragraph_marks_and_focuses_its_text(qtbot: Any, window: Any) -> None:
    text = window.doc.draft.body[1].text
    start = text.index("Kommunale Integrationszentren")
    marks = [Mark(start, start + 29, "link", "www.kommunale-integrationszentren-nrw.de")]
    window.doc.set_value("body[1].marks", marks)
    window.doc.set_value(
        "body[2].marks", [Mark(0, len(window.doc.draft.body[2].text) + 1, "strong")]
    )
    window.validate_now()
    panel = window.problems_panel
    paths = [p.path for p in panel.problems]
    assert "body[1].marks[0].url" in paths and "body[2].marks[0]" in paths
    for block, path in ((1, "body[1].marks[0].url"), (2, "body[2].marks[0]")):
        field = window.body_editor.blocks[block].text
        assert field.property("problem") == "error"
        window.body_editor.blocks[0].text.setFocus()
        item = panel.list.item(paths.index(path))
        panel.list.scrollToItem(item)
        rect = panel.list.visualItemRect(item)
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f, timeout=2000)


def test_marks_paths_walk_up_to_the_block() -> None:
    assert fieldpath.parent("body[2].marks[0].url") == "body[2].marks[0]"
    assert fieldpath.parent("body[2].marks[0]") == "body[2].marks"
    assert fieldpath.parent("body[2].marks") == "body[2]"  # anchored at the block's text


def test_the_history_diff_names_a_formatting_change_at_the_paragraph(window: Any) -> None:
    from pressdesk.store.diff import diff_drafts
    from pressdesk.ui.review.history import diff_html

    old = window.doc.draft
    new = type(old).from_dict(old.to_dict())
    start = new.body[0].text.index("Serap Güler")
    new.body[0].marks = [Mark(start, start + 11, "strong")]
    labels = window.registry.labels  # what the review panel names a path by
    html = diff_html(diff_drafts(old, new), lambda p: labels.get(p, p))
    assert "Formatierung geändert: „Serap Güler“ fett" in html
    assert "<ins" not in html and "<del" not in html  # not shown as inserted words
    assert f"<b>{labels['body[0].text']}</b>" in html
