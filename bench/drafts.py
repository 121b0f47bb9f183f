"""The drafts the export benchmarks set: the reference release and longer ones."""

from __future__ import annotations

import copy

from pressdesk.model import Draft, load_draft
from pressdesk.paths import reference_sample


def reference(times: int = 1) -> Draft:
    """The reference release with its body ``times`` times over (100: a long release)."""
    ref = load_draft(reference_sample())
    ref.body = [copy.deepcopy(b) for _ in range(times) for b in ref.body]
    return ref
