"""The in-process PDF export against an older checkout, under the same load (issue 12, 8).

Run by hand::

    .venv/bin/python bench/export_inprocess.py --before DIR [--times 1] [--rounds 15]

``DIR`` holds an older checkout (``git archive REV src schemas resources`` unpacked
there; its ``src`` goes first on ``PYTHONPATH``). Each round starts one fresh process
with this checkout and one with ``DIR``, alternately; each process exports the
reference release (``--times`` times as long) once (cold: the first export, imports
of the exporter included) and then ``--reps`` times again (warm: as the editor's
preview does after every pause), and reports CPU times (steadier than wall time on a
shared machine). Printed: the medians of both sides and the medians of the ratios
now/before of each round.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def once(times: int, reps: int) -> None:
    """In this process: CPU ms of the first export and the median of ``reps`` more."""
    from drafts import reference
    from pressdesk.export.pdf import render
    from pressdesk.profile import load_profile

    profile, draft = load_profile(), reference(times)
    start = time.process_time()
    render(draft, profile)
    cold = time.process_time() - start
    for _ in range(3):
        render(draft, profile)
    warm = []
    for _ in range(reps):
        start = time.process_time()
        render(draft, profile)
        warm.append(time.process_time() - start)
    print(f"{cold * 1000:.3f} {statistics.median(warm) * 1000:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--times", type=int, default=1)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        once(args.times, args.reps)
        return
    sides = {"now": None, "before": dict(os.environ, PYTHONPATH=str(args.before / "src"))}
    results: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
    cmd = [sys.executable, __file__, "--once", "--before", str(args.before)]
    cmd += ["--times", str(args.times), "--reps", str(args.reps)]
    for _ in range(args.rounds):
        for side, env in sides.items():
            out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
            cold, warm = map(float, out.stdout.split())
            results[side].append((cold, warm))
    for side, values in results.items():
        cold = statistics.median(v[0] for v in values)
        warm = statistics.median(v[1] for v in values)
        print(f"{side:<7} first export {cold:7.1f} ms CPU   again {warm:7.1f} ms CPU")
    pairs = list(zip(results["now"], results["before"], strict=True))
    print(
        f"now/before: first {statistics.median(a[0] / b[0] for a, b in pairs):.2f}, "
        f"again {statistics.median(a[1] / b[1] for a, b in pairs):.2f}"
        f" (medians of {args.rounds} paired rounds)"
    )


if __name__ == "__main__":
    main()
