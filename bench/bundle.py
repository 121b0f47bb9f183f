"""The bundle in figures: size unpacked, and start-up against the venv.

    scripts/build-bundle.sh && .venv/bin/python bench/bundle.py [--bundle dist/PressDesk] [--runs N]

Prints the bundle's size (goal ≤ 200 MB unpacked) with its largest parts, and the median
wall time of ``--version`` and of ``--self-test`` (window with the sample until the preview
shows, offscreen) for the bundle started with ``env -i`` and for the venv's ``pressdesk``.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL_MB = 200


def size_report(bundle: Path) -> None:
    parts: collections.Counter[str] = collections.Counter()
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(internal if internal in path.parents else bundle)
            key = rel.parts[0] if len(rel.parts) > 1 else "(Programm, Bibliotheken)"
            parts[key] += path.stat().st_size
    total = sum(parts.values()) / 2**20
    print(f"Bundle {bundle}: {total:.0f} MB entpackt (Ziel ≤ {GOAL_MB} MB)")
    for name, size in parts.most_common(12):
        print(f"  {size / 2**20:6.1f} MB  {name}")


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="pressdesk-bench-") as home:
            run_env = dict(env, HOME=home, PRESSDESK_DATA_DIR=home)
            start = time.perf_counter()
            subprocess.run(command, env=run_env, cwd=home, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "PressDesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = args.bundle / "pressdesk"
    if not program.exists():
        sys.exit(f"{program} fehlt: erst scripts/build-bundle.sh ausführen")
    size_report(args.bundle)
    venv = shutil.which("pressdesk", path=str(Path(sys.executable).parent))
    if venv is None:
        sys.exit("kein pressdesk in der venv dieses Pythons")
    bare = {"QT_QPA_PLATFORM": "offscreen"}  # as env -i: nothing else
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    print(f"\nStart (Median aus {args.runs} Läufen):")
    for what, extra in (("--version", ["--version"]), ("--self-test", ["--self-test"])):
        b = timed([str(program), *extra], bare, args.runs)
        v = timed([venv, *extra], full, args.runs)
        print(f"  {what:12} Bundle {b:6.2f} s   venv {v:6.2f} s   Verhältnis {b / v:4.2f}")


if __name__ == "__main__":
    main()
