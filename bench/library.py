"""The library with 20,000 releases: time until the first page is on screen.

    .venv/bin/python bench/library.py [--releases N] [--runs N]

Builds a SQLite library in a temporary folder (one release saved through the store,
the rest copied in bulk with their own headlines and times), then prints medians:
the store's first page, the library panel showing its first page offscreen, a
full-text search, a state filter, scrolling to the next page, and the reviewer's
queue. The list is a lazy model: only the rows on screen are read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pressdesk.model import load_draft
from pressdesk.paths import reference_sample
from pressdesk.store.api import Store
from pressdesk.store.search import stems
from timing import median_ms

WORDS = ["Schule", "Kita", "Integration", "Förderprogramm", "Pflege", "Sport", "Familie"]


def build(folder: Path, releases: int, in_review: int) -> str:
    url = f"sqlite:///{folder / 'bibliothek.sqlite'}"
    with Store(url, user="owner") as store:
        store.set_role("ben", "reviewer")
    with Store(url, user="anna") as store:
        store.add(load_draft(reference_sample()))
    path = folder / "bibliothek.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("BEGIN")
    draft = conn.execute("SELECT * FROM drafts WHERE id = 1").fetchone()
    names = [d[1] for d in conn.execute("PRAGMA table_info(drafts)")]
    version = conn.execute("SELECT * FROM versions WHERE draft_id = 1").fetchone()
    vnames = [d[1] for d in conn.execute("PRAGMA table_info(versions)")]
    doc = conn.execute("SELECT doc FROM draft_search WHERE rowid = 1").fetchone()[0]
    for i in range(2, releases + 1):
        row = dict(zip(names, draft, strict=True))
        word = WORDS[i % len(WORDS)]
        row.update(
            id=i,
            headline=f"{word}: Meldung {i} der Pressestelle",
            reference=f"PM-{i}",
            created_by=("anna", "dora", "emil")[i % 3],
            updated_at=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00.{i:06d}Z",
            state="in_review" if i <= in_review + 1 else "draft",
        )
        conn.execute(
            f"INSERT INTO drafts ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        vrow = dict(zip(vnames, version, strict=True))
        vrow["draft_id"] = i
        conn.execute(
            f"INSERT INTO versions ({', '.join(vrow)}) VALUES ({', '.join('?' * len(vrow))})",
            list(vrow.values()),
        )
        conn.execute(
            "INSERT INTO draft_search (rowid, doc) VALUES (?, ?)",
            (i, doc + " " + " ".join(stems(word))),
        )
    conn.commit()
    conn.close()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", type=int, default=20_000)
    parser.add_argument("--in-review", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from pressdesk.ui.review.library import PAGE, LibraryPanel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="pressdesk-bench-") as tmp:
        start = time.perf_counter()
        url = build(Path(tmp), args.releases, args.in_review)
        took = time.perf_counter() - start
        print(f"{args.releases} Pressemitteilungen angelegt ({took:.1f} s, nicht gemessen)")
        store = Store(url, user="ben")
        assert store.count() == args.releases

        def show(label: str, fn: Callable[[], object], runs: int = args.runs) -> None:
            print(f"{label:<42}{median_ms(fn, runs):8.1f} ms")

        def first_page_on_screen() -> None:
            panel = LibraryPanel()
            panel.resize(900, 700)
            panel.model.set_store(store)
            panel.show()
            app.processEvents()  # layout and the first paint
            assert panel.model.rowCount() == PAGE
            panel.close()
            panel.deleteLater()

        last = args.releases - PAGE
        show(f"erste Seite ({PAGE} Zeilen) aus der Ablage", lambda: store.library(limit=PAGE))
        show("Bibliothek zeigt die erste Seite", first_page_on_screen)
        show("Volltextsuche „Förderprogramm“", lambda: store.library(search_words="Förderprogramm"))
        show("Filter Status „In Prüfung“", lambda: store.library(state="in_review"))
        show(f"letzte Seite (ab Zeile {last})", lambda: store.library(offset=last))
        show(f"Warteschlange ({args.in_review + 1} in Prüfung)", store.review_queue, 3)
        show("Änderungsmarke (einmal je Sekunde)", store.change_token)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
