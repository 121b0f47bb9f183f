"""A second real process for the concurrency test: saves a draft N times, each time on
top of what it last read, and on a refused stale save reads again and retries.

Run as ``python -m tests.test_store.worker URL USER DRAFT_ID N TAG`` from the repository.
"""

from __future__ import annotations

import sys

from pressdesk.model import Block
from pressdesk.store import StaleVersionError
from pressdesk.store.api import Store


def main(url: str, user: str, draft_id: int, count: int, tag: str) -> int:
    refused = 0
    with Store(url, user=user) as store:
        for i in range(count):
            while True:
                base = store.current_version(draft_id)
                draft = store.get(draft_id, base)
                draft.body.append(Block(type="paragraph", text=f"{tag}-{i}"))
                try:
                    store.update(draft_id, draft, base=base)
                    break
                except StaleVersionError:
                    refused += 1
    print(refused)
    return 0


if __name__ == "__main__":
    url, user, draft_id, count, tag = sys.argv[1:]
    sys.exit(main(url, user, int(draft_id), int(count), tag))
