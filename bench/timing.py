"""The timing helpers the benchmarks share."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn()`` over ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def paired(
    a: Callable[[], object],
    b: Callable[[], object],
    runs: int,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float, float]:
    """Median ms of a, of b, and the median of the pairwise ratios a/b.

    One warm-up call each, then a and b alternately, so a busy machine skews both alike.
    ``clock``: wall time, or ``time.process_time`` for CPU time.
    """
    a()
    b()
    ta, tb = [], []
    for _ in range(runs):
        t0 = clock()
        a()
        t1 = clock()
        b()
        t2 = clock()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
    ratio = statistics.median(x / y for x, y in zip(ta, tb, strict=True))
    return statistics.median(ta) * 1000, statistics.median(tb) * 1000, ratio
