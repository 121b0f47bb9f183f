"""The review store with years of a ministry in it: 20,000 releases on SQLite and PostgreSQL.

Run by hand: ``python bench/store.py [ANZAHL]``. PostgreSQL runs in a throw-away
cluster like the tests' (Debian's ``postgresql``; skipped with a note if missing).
Goals: a list page < 50 ms, a search < 100 ms, a save < 20 ms. Prints medians.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from copy import deepcopy
from pathlib import Path

import sqlalchemy as sa

import timing

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_store.pgcluster import pg_bindir, throwaway_cluster

from pressdesk.model import Block, Draft, load_draft
from pressdesk.paths import samples_dir
from pressdesk.store import history, schema, search
from pressdesk.store.api import Store, now, upgrade_store
from pressdesk.store.canonical import canonical_json, content_hash, plain_text

STATES = ["draft", "in_review", "approved", "changes_requested", "published"]


def _drafts(n: int) -> list[Draft]:
    samples = [load_draft(p) for p in sorted(samples_dir().glob("*.pressdesk"))]
    vocabulary = sorted({w for d in samples for w in plain_text(d).split() if w.isalpha()})
    rng = random.Random(2018)
    out = []
    for i in range(n):
        d = deepcopy(samples[i % len(samples)])
        d.header.reference = f"Nr. {i % 999 + 1}/{2010 + i // 2000}"
        d.headline = f"{' '.join(rng.sample(vocabulary, 6))} ({i})"
        words = rng.sample(vocabulary, 80)
        if i % 100 == 0:
            words.append("Feuerwehrleute")
        d.body.append(Block(type="paragraph", text=" ".join(words) + "."))
        out.append(d)
    return out


def seed(store: Store, drafts: list[Draft]) -> None:
    """Fill the library fast (bulk inserts, 1,000 drafts per transaction), with rows as
    ``add`` and ``submit`` write them, so that ``library check`` finds nothing wrong."""
    rng = random.Random(7)
    pg = store.postgres
    index_sql = (
        "INSERT INTO draft_search (draft_id, doc) VALUES (:id, to_tsvector('german', :text))"
        if pg
        else "INSERT INTO draft_search (rowid, doc) VALUES (:id, :text)"
    )
    for start in range(0, len(drafts), 1000):
        rows: dict[str, list[dict[str, object]]] = {"d": [], "v": [], "e": [], "s": []}
        for offset, draft in enumerate(drafts[start : start + 1000]):
            draft_id = start + offset + 1
            content = canonical_json(draft)
            h = content_hash(content)
            at = now()
            state = STATES[rng.randrange(4)] if draft_id > 50 else "draft"
            head = history.GENESIS
            steps = [("created", {"state": "draft"})]
            if state != "draft":
                steps.append(("submitted", {"state": state}))
            for seq, (kind, detail) in enumerate(steps, start=1):
                event = {
                    "draft_id": draft_id,
                    "seq": seq,
                    "kind": kind,
                    "actor": store.user,
                    "at": at,
                    "version_number": 1,
                    "content_hash": h,
                    "detail": history.detail_json(detail),
                    "prev_hash": head,
                }
                event["hash"] = head = history.event_hash(**event)  # type: ignore[arg-type]
                rows["e"].append(event)
            rows["d"].append(
                {
                    "id": draft_id,
                    "state": state,
                    "current_version": 1,
                    "content_since": 1,
                    "headline": draft.headline,
                    "reference": draft.header.reference,
                    "created_by": store.user,
                    "created_at": at,
                    "updated_by": store.user,
                    "updated_at": at,
                    "history_head": head,
                }
            )
            rows["v"].append(
                {
                    "draft_id": draft_id,
                    "number": 1,
                    "kind": "version",
                    "base_number": None,
                    "content": content,
                    "content_hash": h,
                    "changes_content": True,
                    "author": store.user,
                    "created_at": at,
                }
            )
            text = plain_text(draft)
            rows["s"].append({"id": draft_id, "text": text if pg else " ".join(search.stems(text))})
        with store._write() as conn:
            if pg:  # bench data: states without the approvals the guard would ask for
                conn.execute(sa.text("ALTER TABLE drafts DISABLE TRIGGER pressdesk_drafts_guard"))
            conn.execute(sa.insert(schema.drafts), rows["d"])
            conn.execute(sa.insert(schema.versions), rows["v"])
            conn.execute(sa.insert(schema.events), rows["e"])
            conn.execute(sa.text(index_sql), rows["s"])
            if pg:
                conn.execute(sa.text("ALTER TABLE drafts ENABLE TRIGGER pressdesk_drafts_guard"))
                conn.execute(
                    sa.text("SELECT setval('drafts_id_seq', (SELECT max(id) FROM drafts))")
                )


def measure(name: str, store: Store, drafts: list[Draft]) -> None:
    started = time.perf_counter()
    seed(store, drafts)
    with store._write() as conn:  # statistics, as autovacuum / PRAGMA optimize keep them
        conn.execute(sa.text("ANALYZE"))
    print(f"{name}: {store.count()} Entwürfe angelegt in {time.perf_counter() - started:.0f} s")
    some = drafts[len(drafts) // 2]
    target = store.list_drafts(search_words="Feuerwehrleute", limit=1)[0].id
    rows = [
        ("Liste, erste Seite (50)", lambda: store.list_drafts(limit=50), 50),
        ("Liste „In Prüfung“ (50)", lambda: store.list_drafts(state="in_review"), 50),
        ("Liste, Seite 200", lambda: store.list_drafts(limit=50, offset=10_000), 50),
        ("Suche seltenes Wort", lambda: store.list_drafts(search_words="Feuerwehrleute"), 100),
        ("Suche häufiges Wort", lambda: store.list_drafts(search_words="Integration"), 100),
        ("Suche zwei Wörter", lambda: store.list_drafts(search_words="Land Ehrenamt"), 100),
        ("Entwurf lesen", lambda: store.get(target), 20),
    ]
    for label, fn, goal in rows:
        fn()
        ms = timing.median_ms(fn, 30)
        print(f"  {label:<26} {ms:7.1f} ms  (Ziel < {goal} ms)")
    counter = iter(range(10**6))

    def save() -> None:
        some.contact = f"Telefon {next(counter)}"
        store.update(target, some)

    print(
        f"  {'Speichern (neue Version)':<26} {timing.median_ms(save, 30):7.1f} ms  (Ziel < 20 ms)"
    )
    started = time.perf_counter()
    problems = store.check()
    took = time.perf_counter() - started
    print(f"  library check, ganze Bibliothek: {took:.1f} s, {len(problems)} Befunde")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    print(f"Last der Maschine (1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    drafts = _drafts(n)
    with (
        tempfile.TemporaryDirectory() as folder,
        Store(f"sqlite:///{folder}/bench.sqlite", user="anna") as store,
    ):
        measure("SQLite", store, drafts)
    bindir = pg_bindir()
    if bindir is None:
        print("PostgreSQL: nicht installiert (scripts/system-packages.sh test), ausgelassen")
        return
    with throwaway_cluster(bindir) as cluster:
        with cluster.admin() as conn:
            conn.execute("CREATE ROLE owner LOGIN CREATEROLE")
            conn.execute("CREATE DATABASE bench OWNER owner")
        upgrade_store(cluster.url("owner", "bench"))
        with Store(cluster.url("owner", "bench")) as store:
            measure("PostgreSQL (fsync aus, wie in den Tests)", store, drafts)


if __name__ == "__main__":
    main()
