"""Two real processes saving the same draft at the same time lose no update (both backends)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO
from tests.test_store.conftest import Library
from tests.test_store.helpers import short

SAVES = 12


def test_two_processes_saving_the_same_draft_lose_no_update(library: Library) -> None:
    anna = library.as_("anna")
    draft_id = anna.add(short())
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.test_store.worker",
                library.url_for(user),
                user,
                str(draft_id),
                str(SAVES),
                user,
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user in ("anna", "ben")
    ]
    refused = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        refused.append(int(out.split()[-1]))

    final = [b.text for b in anna.get(draft_id).body]
    for user in ("anna", "ben"):
        # every save of each process is in the final text, in that process's order
        mine = [t for t in final if t.startswith(f"{user}-")]
        assert mine == [f"{user}-{i}" for i in range(SAVES)]
    detail = anna.show(draft_id)
    kept = [v for v in detail.versions if v.kind == "conflict"]
    assert len(kept) == sum(refused)  # every refused save is kept, none silently dropped
    assert len(detail.versions) == 1 + 2 * SAVES + len(kept)
    assert anna.check() == []
    print(f"{library.backend}: {sum(refused)} veraltete Speicherungen abgelehnt und aufbewahrt")
