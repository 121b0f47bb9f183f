"""Screenshots of the review for a person to look at: library, queue, a commented field,
the diff. Written to ``test-output/ui/`` (gitignored) and checked for what must show."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from pressdesk.model import Embargo, load_draft
from pressdesk.paths import reference_sample
from pressdesk.store.api import Store
from tests.test_ui.review_support import open_as, select_word_at_start, sqlite_library

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "ui"


def shoot(widget: Any, name: str) -> Any:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    image.save(str(OUTPUT / f"review-{name}.png"))
    return image.toImage()


def library_with_work(tmp_path: Path) -> tuple[str, int]:
    url = sqlite_library(tmp_path)
    base = load_draft(reference_sample())
    topics = ["Kita-Ausbau", "Sportförderung", "Pflegegipfel", "Digitale Schule", "Ehrenamt"]
    with Store(url, user="anna") as store:
        for i, topic in enumerate(topics):
            draft = copy.deepcopy(base)
            draft.headline = f"{topic}: Land stellt neue Mittel bereit"
            draft.header.reference = f"PM {i + 1}/2026"
            if i % 2:
                draft.header.embargo = Embargo("2026-12-0" + str(i), "10:00")
            draft_id = store.add(draft)
            if i < 3:
                store.submit(draft_id, due=f"0{i + 1}.12.2026 1{i}:00" if i else "01.01.2026 09:00")
    return url, draft_id


def test_screenshots_of_the_review(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    url, _ = library_with_work(tmp_path)
    ben = open_as(make_window, url, "ben")
    ben.resize(1280, 800)
    review = ben.review
    qtbot.wait(100)
    queue = shoot(ben, "queue")
    assert review.queue_dock.isVisible() and len(review.queue.entries) == 3
    review.show_library()
    qtbot.wait(50)
    shoot(ben, "library")
    assert review.library.model.rowCount() == 5

    # a commented paragraph: the field carries the blue marker on its left edge
    review.open_release(review.queue.entries[0].entry.summary.id)
    qtbot.wait(20)  # the editor puts the cursor into the headline first
    paragraph = ben.body_editor.blocks[1].text
    select_word_at_start(qtbot, paragraph)
    review.focus_comment()
    qtbot.keyClicks(review.comments.input, "Quelle der Zahl bitte nennen.")
    qtbot.keyClick(review.comments.input, Qt.Key.Key_Return)
    ben._ensure_visible(paragraph)
    qtbot.wait(100)
    image = shoot(ben, "comment")
    left = paragraph.mapTo(ben, QPoint(2, 12))
    assert QColor(image.pixel(left)).name() == "#1565c0"
    assert queue.width() >= 1200

    # the diff after the author changed a word
    with Store(url, user="anna") as store:
        draft_id = review.draft_id
        text = store.get(draft_id)
        text.body[0].text = text.body[0].text.replace("fort", "mit Nachdruck fort", 1)
        text.headline = text.headline.replace("neue", "zusätzliche")
        store.update(draft_id, text)
        store.submit(draft_id)
    qtbot.waitUntil(lambda: review.detail.summary.current_version == 2, timeout=5000)
    review.show_changes_since_approval()
    qtbot.wait(100)
    shoot(ben, "diff")
    assert "zusätzliche" in review.history.diff.toPlainText()
